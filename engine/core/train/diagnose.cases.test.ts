// The diagnosis judged on labelled training histories: synthetic ones for every edge, and histories
// recorded from real runs of the samples (fixtures/diagnosis/*.json, made with `netwright train --json`), each with
// the verdicts it must get, must not get, and advice it must not be given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from './config';
import { diagnose, type EpochRecord } from './diagnose';
import type { AdviceCode, Verdict, VerdictCode } from './diagnosisCodes';
import { runSetup, type RunSetup } from './diagnosisSetup';
import { DIAGNOSIS_THRESHOLDS, type DiagnosisThresholds } from './diagnosisThresholds';

interface DiagnosisCase {
  label: string;
  history: EpochRecord[];
  setup: RunSetup;
  must: VerdictCode[];
  mustNot: VerdictCode[];
  adviceMustNot?: AdviceCode[];
  adviceMust?: AdviceCode[];
  /** Verdicts that must carry this severity and these parameter values. */
  details?: Array<{ code: VerdictCode; severity?: Verdict['severity']; params?: Record<string, number | string> }>;
}

const ALL_TRENDS: VerdictCode[] = [
  'overfitting',
  'underfitting',
  'learning-slowly',
  'plateau',
  'converged',
  'diverging',
  'loss-spike',
  'validation-spike',
  'validation-unstable',
  'training-unstable',
  'early-blowup',
];
const except = (...codes: VerdictCode[]) => ALL_TRENDS.filter((c) => !codes.includes(c));

function run(train: number[], val?: number[], extra: (i: number) => Partial<EpochRecord> = () => ({})): EpochRecord[] {
  return train.map((trainLoss, i) => ({
    epoch: i + 1,
    trainLoss,
    ...(val ? { valLoss: val[i] } : {}),
    lr: 0.01,
    ...extra(i),
  }));
}

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
/** The same history at the rates a schedule set, epoch by epoch (i from 0). */
const atRates = (history: EpochRecord[], lr: (i: number) => number) => history.map((r, i) => ({ ...r, lr: lr(i) }));
/** Cosine from 0.01 over 60 epochs, and StepLR ×0.1 every `step` epochs from `first`. */
const cosine = (i: number) => 0.005 * (1 + Math.cos((Math.PI * i) / 60));
const stepped =
  (step: number, first = 0.01) =>
  (i: number) =>
    first * 0.1 ** Math.floor(i / step);
/** Exponential decay from start to floor at rate per epoch. */
const decay = (n: number, start: number, floor: number, rate: number) =>
  range(n, (i) => floor + (start - floor) * Math.exp(-rate * i));
function noisy(values: number[], seed: number, amount: number): number[] {
  const rng = new Rng(seed);
  return values.map((v) => v * (1 + amount * rng.normal()));
}

/** Training falls steadily; validation falls from `start` to 0.5 at epoch 9, then rises by `rise` of it by the end. */
function overfit(rise: number, start = 1.1, epochs = 24): EpochRecord[] {
  const train = decay(epochs, 1.0, 0.05, 0.15);
  const val = range(epochs, (i) =>
    i <= 8 ? start - ((start - 0.5) / 8) * i : 0.5 * (1 + (rise * (i - 8)) / (epochs - 9)),
  );
  return run(train, val);
}

/** Flat after a fall: the first `learn` epochs fall from start to level, then `flat` epochs change by `change` per window. */
function flatAt(level: number, start: number, change: number, flat = 20, learn = 6): EpochRecord[] {
  const fall = range(learn, (i) => start - ((start - level) * i) / (learn - 1));
  const tail = range(flat, (i) => level * (1 - (change * i) / 5));
  return run([...fall, ...tail]);
}

/** Validation alternating low, high, low, ... for n epochs. */
const alternating = (n: number, low: number, high: number) => range(n, (i) => (i % 2 ? high : low));

/**
 * Training falls smoothly from 1.0 towards 0.2; validation falls smoothly from 1.1 towards `level`, then takes the
 * values of `tail` for the last epochs (and `train`, if given, replaces the training loss there).
 */
function settlesThen(calm: number, level: number, tail: number[], train?: number[]): EpochRecord[] {
  const n = calm + tail.length;
  const trainLoss = decay(n, 1.0, 0.2, 0.15);
  if (train) trainLoss.splice(calm, train.length, ...train);
  return run(trainLoss, [...decay(calm, 1.1, level, 0.5), ...tail]);
}

/** Validation settled at 0.3 with bumps to 0.62 at the given epochs (from 1), training falling smoothly. */
function bumpsAt(epochs: number, bumps: number[]): EpochRecord[] {
  const val = decay(epochs, 1.1, 0.3, 0.5);
  for (const epoch of bumps) val[epoch - 1] = 0.62;
  return run(decay(epochs, 1.0, 0.2, 0.15), val);
}

/** Validation losses that swing up and down while the training loss does not, and curves that must not count. */
function unstableValidation(add: (c: DiagnosisCase) => void): void {
  const bouncing = settlesThen(13, 0.32, [0.3, 0.55, 0.28, 0.61, 0.33, 0.7, 0.31]);
  add({
    label: 'unstable under a step schedule that has not stepped yet: advised as at a constant rate',
    history: atRates(bouncing, stepped(100)),
    setup: { numClasses: 10, optimizer: 'adam', schedule: 'step' },
    must: ['validation-unstable'],
    mustNot: [],
    adviceMust: ['lower-learning-rate'],
    adviceMustNot: ['schedule-already-lowering', 'use-lr-schedule'],
  });
  add({
    label: 'validation bouncing 0.3 ↔ 0.6 three times while training falls smoothly: unstable',
    history: bouncing,
    setup: { numClasses: 10, optimizer: 'adam', schedule: 'constant' },
    must: ['validation-unstable'],
    mustNot: ['validation-spike', 'overfitting', 'diverging', 'loss-spike', 'healthy'],
    adviceMust: ['lower-learning-rate', 'use-lr-schedule'],
    adviceMustNot: ['larger-validation-split', 'larger-batches', 'schedule-already-lowering'],
    details: [
      {
        code: 'validation-unstable',
        severity: 'warning',
        params: {
          fromEpoch: 9,
          toEpoch: 20,
          rises: 3,
          highest: 0.7,
          largestFrom: 0.33,
          largestTo: 0.7,
          largestEpoch: 19,
        },
      },
    ],
  });
  add({
    label: 'unstable under a decaying schedule: say the schedule is on, not "lower the learning rate"',
    history: atRates(bouncing, cosine),
    setup: { numClasses: 10, optimizer: 'adam', schedule: 'cosine' },
    must: ['validation-unstable'],
    mustNot: [],
    adviceMust: ['schedule-already-lowering'],
    adviceMustNot: ['lower-learning-rate', 'use-lr-schedule'],
  });
  add({
    label: 'unstable on 36 validation samples with batch norm and batches of 32: say so',
    history: bouncing,
    setup: { numClasses: 10, validationSamples: 36, batchNorm: true, batchSize: 32 },
    must: ['validation-unstable'],
    mustNot: [],
    adviceMust: ['larger-validation-split', 'larger-batches'],
    details: [{ code: 'validation-unstable', params: { rises: 3 } }],
  });
  add({
    label: 'unstable on 2000 validation samples, batches of 128: no advice about either',
    history: bouncing,
    setup: { numClasses: 10, validationSamples: 2000, batchNorm: true, batchSize: 128 },
    must: ['validation-unstable'],
    mustNot: [],
    adviceMustNot: ['larger-validation-split', 'larger-batches'],
  });
  add({
    label: 'two bumps of 2x in the last epochs: unstable',
    history: bumpsAt(24, [18, 22]),
    setup: { numClasses: 10 },
    must: ['validation-unstable'],
    mustNot: ['validation-spike', 'overfitting'],
    details: [{ code: 'validation-unstable', params: { rises: 2, largestTo: 0.62 } }],
  });
  add({
    label: 'one bump of 2x is not instability (nor a 3x spike)',
    history: bumpsAt(24, [20]),
    setup: { numClasses: 10 },
    must: [],
    mustNot: ['validation-unstable', 'validation-spike'],
  });
  add({
    label: 'two bumps nine epochs apart, both among the last twelve: unstable',
    history: bumpsAt(24, [14, 22]),
    setup: { numClasses: 10 },
    must: ['validation-unstable'],
    mustNot: [],
  });
  add({
    label: 'a bump fourteen epochs ago and one now: not repeated within the last twelve epochs',
    history: bumpsAt(24, [10, 22]),
    setup: { numClasses: 10 },
    must: [],
    mustNot: ['validation-unstable'],
  });
  // Swings against the validation loss's own level (reference: the first epoch, 1.0, so 5% of it is 0.05).
  add({
    label: 'validation swinging 35% of its level (0.4125 ↔ 0.5875) for twelve epochs: unstable',
    history: settlesThen(10, 0.5, alternating(12, 0.4125, 0.5875)),
    setup: {},
    must: ['validation-unstable'],
    mustNot: ['overfitting'],
  });
  add({
    label: 'validation swinging 25% of its level (0.4375 ↔ 0.5625): the ordinary noise of a small split',
    history: settlesThen(10, 0.5, alternating(12, 0.4375, 0.5625)),
    setup: {},
    must: [],
    mustNot: ['validation-unstable', 'overfitting'],
  });
  // Swings against the loss of guessing (ln 4 = 1.386, so 5% of it is 0.069) on a nearly fitted model.
  add({
    label: 'a fitted model swinging 0.058 ↔ 0.143 (6% of chance): unstable',
    history: settlesThen(10, 0.1, alternating(12, 0.0575, 0.1425)),
    setup: { numClasses: 4 },
    must: ['validation-unstable'],
    mustNot: ['overfitting'],
  });
  add({
    label: 'a fitted model swinging 0.07 ↔ 0.13 (4% of chance): too small to matter',
    history: settlesThen(10, 0.1, alternating(12, 0.07, 0.13)),
    setup: { numClasses: 4 },
    must: [],
    mustNot: ['validation-unstable', 'overfitting'],
  });
  add({
    label: 'swings of 0.001 on a validation loss of 0.0015: large against the level, nothing against chance',
    history: run(decay(24, 0.5, 0.0001, 0.5), [...decay(12, 0.6, 0.0015, 0.5), ...alternating(12, 0.001, 0.002)]),
    setup: { numClasses: 4 },
    must: [],
    mustNot: ['validation-unstable'],
  });
  // Training swinging in step with validation (0.4 ↔ 0.6) by a share of its swings.
  const inStep = (share: number) =>
    settlesThen(10, 0.5, alternating(12, 0.4, 0.6), alternating(12, 0.3 - 0.1 * share, 0.3 + 0.1 * share));
  add({
    label: 'training swinging 40% as much as validation: validation is the unstable one',
    history: inStep(0.4),
    setup: { numClasses: 3 },
    must: ['validation-unstable'],
    mustNot: [],
  });
  add({
    label: 'training swinging 60% as much as validation: the whole training swings, not the validation alone',
    history: inStep(0.6),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['validation-unstable'],
  });
  // The same shares with the training loss wiggling below what counts as a swing of its own (0.5 ± 0.06 against
  // swings of 0.15): no training verdict, so only the share decides.
  const wiggling = (share: number) =>
    run(
      [...decay(10, 1.0, 0.5, 0.3), ...alternating(12, 0.5 - 0.1 * share, 0.5 + 0.1 * share)],
      [...decay(10, 1.1, 0.5, 0.5), ...alternating(12, 0.4, 0.6)],
    );
  add({
    label: 'training wiggling 40% as much as validation, no swing of its own: validation is the unstable one',
    history: wiggling(0.4),
    setup: { numClasses: 3 },
    must: ['validation-unstable'],
    mustNot: ['training-unstable', 'loss-spike'],
  });
  add({
    label: 'training wiggling 60% as much as validation: the whole run moves, not the validation alone',
    history: wiggling(0.6),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['validation-unstable', 'training-unstable'],
  });
  // RMSProp at 0.05 on noisy-curve: the training loss jumps 0.035 -> 5.1 and back (a loss spike) while validation
  // swings: "validation unstable while the training loss moved far less" would contradict the curve.
  add({
    label: 'a training loss spike among validation swings: the spike is told, not validation instability',
    history: run(
      [...decay(30, 1.0, 0.035, 0.2), 0.035, 0.034, 0.033, 0.035, 4.4, 5.1, 0.9, 0.2, 0.06, 0.059],
      [...decay(30, 1.0, 0.05, 0.2), 0.05, 8.0, 0.06, 12.0, 0.3, 15.0, 0.2, 9.0, 0.07, 10.0],
    ),
    setup: { baselineLoss: 1, optimizer: 'rmsprop', schedule: 'constant' },
    must: ['loss-spike'],
    mustNot: ['validation-unstable'],
    // The peak is the top of the climb (5.1 at the epoch after the jump began), not the first high epoch's 4.4.
    details: [{ code: 'loss-spike', params: { epoch: 35, peak: 5.1 } }],
  });
  add({
    label: 'four epochs of bouncing are too early to judge',
    history: run([1.0, 0.8, 0.6, 0.5], [0.3, 0.7, 0.3, 0.7]),
    setup: { numClasses: 10 },
    must: ['too-early'],
    mustNot: ['validation-unstable'],
  });
  for (let seed = 1; seed <= 4; seed++) {
    add({
      label: `a validation loss falling with 3% noise is not unstable (seed ${seed})`,
      history: run(decay(30, 2.3, 0.1, 0.15), noisy(decay(30, 2.35, 0.15, 0.15), seed + 200, 0.03)),
      setup: { numClasses: 10 },
      must: [],
      mustNot: ['validation-unstable'],
    });
  }
}

function synthetic(): DiagnosisCase[] {
  const cases: DiagnosisCase[] = [];
  const add = (c: DiagnosisCase) => cases.push(c);
  unstableValidation(add);

  add({
    label: 'one epoch is too early for any trend',
    history: run([2.3]),
    setup: {},
    must: ['too-early'],
    mustNot: ALL_TRENDS,
  });
  add({
    label: 'four epochs are still too early',
    history: run([2.3, 1.2, 0.9, 2.5], [2.2, 1.3, 1.0, 2.6]),
    setup: {},
    must: ['too-early'],
    mustNot: ALL_TRENDS,
  });
  add({
    label: 'NaN training loss at epoch 1',
    history: run([NaN]),
    setup: {},
    must: ['non-finite-loss'],
    mustNot: ['too-early', ...ALL_TRENDS],
  });
  add({
    label: 'infinite validation loss at epoch 3',
    history: run([1, 0.8, 0.7, 0.6, 0.5, 0.4], [1, 0.9, Infinity, 0.6, 0.5, 0.4]),
    setup: {},
    must: ['non-finite-loss'],
    mustNot: ALL_TRENDS,
  });
  add({
    label: 'NaN weights before the loss noticed',
    history: run([1, 0.9, 0.8, 0.7, 0.6], undefined, (i) => ({ weightNorms: { d1: i >= 2 ? NaN : 1 } })),
    setup: {},
    must: ['non-finite-weights'],
    mustNot: ['non-finite-loss', ...ALL_TRENDS],
  });
  add({
    label: 'steady learning is healthy',
    history: run(decay(12, 2.3, 0.3, 0.3), decay(12, 2.2, 0.45, 0.3)),
    setup: { numClasses: 10 },
    must: ['healthy'],
    mustNot: ALL_TRENDS,
  });
  add({
    label: 'textbook overfitting (validation up 60%)',
    history: overfit(0.6),
    setup: {},
    must: ['overfitting'],
    mustNot: ['healthy', 'diverging', 'validation-unstable'],
    adviceMust: ['add-dropout', 'early-stopping'],
    // The rise is that of the numbers the sentence shows: 0.5 at best, 0.8 now, 60 % (not the medians' rise).
    details: [{ code: 'overfitting', params: { training: 'fell', bestValLoss: 0.5, valLoss: 0.8, risePercent: 60 } }],
  });
  add({
    label: 'overfitting with dropout and early stopping: no advice to add them',
    history: overfit(0.6),
    setup: { dropout: true, earlyStopping: true, restoreBest: true, weightDecay: true },
    must: ['overfitting'],
    mustNot: ['healthy'],
    adviceMustNot: ['add-dropout', 'early-stopping', 'restore-best', 'add-weight-decay'],
    adviceMust: ['raise-dropout'],
  });
  add({
    label: 'early stopping without restore best: advise restore',
    history: overfit(0.6),
    setup: { earlyStopping: true, restoreBest: false },
    must: ['overfitting'],
    mustNot: [],
    adviceMust: ['restore-best'],
    adviceMustNot: ['early-stopping'],
  });
  // Small gain before the best (0.6 → 0.5): the rise is judged against the best itself.
  {
    // The smoothed curve still stands above its best, but the last epoch drops to the lowest validation loss of all:
    // "lowest at epoch 24 and risen since" would contradict the curve as drawn (a Small CNN on 120 images, AdamW).
    const history = overfit(0.6);
    history[history.length - 1] = { ...history[history.length - 1], valLoss: 0.45 };
    add({
      label: 'a rise the smoothing still shows, but the last epoch is the lowest: not overfitting',
      history,
      setup: {},
      must: [],
      mustNot: ['overfitting'],
    });
  }
  add({
    label: 'validation up 15% of its best: overfitting',
    history: overfit(0.15, 0.6),
    setup: {},
    must: ['overfitting'],
    mustNot: ['healthy'],
  });
  add({
    label: 'validation up 12% of its best (smoothed under 10%): not yet',
    history: overfit(0.12, 0.6),
    setup: {},
    must: [],
    mustNot: ['overfitting'],
  });
  // Large gain (1.1 → 0.5): the rise must also be a tenth of what validation had gained.
  add({
    label: 'validation back up 18% after a large gain: overfitting',
    history: overfit(0.18, 1.1),
    setup: {},
    must: ['overfitting'],
    mustNot: ['healthy'],
  });
  add({
    label: 'validation back up 15% after a large gain: not yet',
    history: overfit(0.15, 1.1),
    setup: {},
    must: [],
    mustNot: ['overfitting'],
  });
  {
    // Dropout keeps the training loss (measured with dropout on) above the validation loss.
    const train = decay(30, 1.2, 0.3, 0.2);
    const val = train.map((t, i) => t * 0.7 + (i > 15 ? 0.005 * (i - 15) : 0));
    add({
      label: 'negative gap (validation below training) is never overfitting',
      history: run(train, val),
      setup: { dropout: true },
      must: [],
      mustNot: ['overfitting'],
      adviceMustNot: ['add-dropout'],
    });
  }
  {
    const train = decay(20, 0.8, 0.001, 0.35);
    const val = decay(20, 0.7, 0.004, 0.35);
    val[14] = 0.02; // one bad epoch at 100% accuracy
    add({
      label: 'one-epoch validation bump at a tiny loss is not overfitting',
      history: run(train, val),
      setup: { numClasses: 2, optimizer: 'rmsprop' },
      must: [],
      mustNot: ['overfitting', 'diverging'],
    });
  }
  {
    const train = [...decay(36, 0.8, 0.013, 0.2)];
    train.push(0.13, 0.02, 0.016, 0.015, 0.014);
    add({
      label: 'a recovered loss spike is a spike, not a plateau',
      history: run(train),
      setup: { numClasses: 3, optimizer: 'adam' },
      must: ['loss-spike'],
      mustNot: ['plateau', 'diverging', 'underfitting'],
    });
    add({
      label: 'a spike in the last epoch has not recovered',
      history: run(train.slice(0, 37)),
      setup: { numClasses: 3 },
      must: ['loss-spike'],
      mustNot: ['plateau', 'diverging'],
    });
  }
  {
    // A CNN with batch norm at a high rate (the shapes sample, Adam 0.01): one epoch's validation loss 100x the
    // epochs before while the training loss stays low, then back down.
    const train = decay(30, 3, 0.01, 0.3);
    const val = decay(30, 2.5, 0.012, 0.3);
    val[23] = 1.3;
    add({
      label: 'a validation loss spike the training loss does not share, recovered',
      history: run(train, val),
      setup: { numClasses: 4, optimizer: 'adam', batchNorm: true },
      must: ['validation-spike'],
      mustNot: ['loss-spike', 'overfitting', 'diverging', 'healthy', 'validation-unstable'],
      adviceMust: ['lower-learning-rate'],
      details: [{ code: 'validation-spike', severity: 'info', params: { epoch: 24, peak: 1.3, recovered: 'yes' } }],
    });
    add({
      label: 'a validation loss spike in the last epoch has not recovered',
      history: atRates(run(train.slice(0, 24), val.slice(0, 24)), cosine),
      setup: { numClasses: 4, optimizer: 'adam', schedule: 'cosine' },
      must: ['validation-spike'],
      mustNot: ['loss-spike', 'validation-unstable'],
      adviceMustNot: ['lower-learning-rate'], // a decaying schedule is already lowering it
      details: [{ code: 'validation-spike', severity: 'warning', params: { recovered: 'no' } }],
    });
    const both = [...train];
    both[23] = 1.2;
    add({
      label: 'both losses jumping at once is a loss spike, not a validation spike',
      history: run(both, val),
      setup: { numClasses: 4 },
      must: ['loss-spike'],
      mustNot: ['validation-spike', 'validation-unstable'],
    });
    // Spirals near zero loss (Adam): an epoch of either loss several times the epochs before, yet on the chart, which
    // starts at ln 2 = 0.69, a bump of a few pixels. The epochs before peak at 0.0037; spikeRiseOfReference is 2%.
    const fitted = decay(30, 0.7, 0.002, 0.3);
    const jumped = (rise: number) => fitted.map((v, i) => (i === 25 ? 0.0037 + rise * Math.LN2 : v));
    add({
      label: 'a validation loss near zero rising 1.7% of chance (4x the epochs before) is no spike',
      history: run(fitted, jumped(0.017)),
      setup: { numClasses: 2, optimizer: 'adam' },
      must: ['converged'],
      mustNot: ['validation-spike', 'loss-spike', 'validation-unstable'],
    });
    add({
      label: 'nor is a training loss near zero rising 1.7% of chance',
      history: run(jumped(0.017), fitted),
      setup: { numClasses: 2, optimizer: 'adam' },
      must: [],
      mustNot: ['validation-spike', 'loss-spike', 'training-unstable'],
    });
    add({
      label: 'a validation loss near zero rising 2.3% of chance is a spike',
      history: run(fitted, jumped(0.023)),
      setup: { numClasses: 2, optimizer: 'adam' },
      must: ['validation-spike'],
      mustNot: ['loss-spike', 'validation-unstable'],
    });
    const older = [...val];
    older[23] = 0.012;
    older[8] = 1.3;
    add({
      label: 'a validation spike long ago is history, not news',
      history: run(train, older),
      setup: { numClasses: 4 },
      must: [],
      mustNot: ['validation-spike', 'validation-unstable'],
    });
  }
  {
    const train = [...decay(30, 0.8, 0.1, 0.2)];
    train.push(0.16, 0.1, 0.1, 0.1);
    add({
      label: 'a jump of 1.6x is not a spike',
      history: run(train),
      setup: { numClasses: 3 },
      must: [],
      mustNot: ['loss-spike', 'diverging'],
    });
  }
  add({
    label: 'training loss doubling for four epochs is diverging',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.6, 0.9, 1.4, 2.2]),
    setup: { schedule: 'cosine' },
    must: ['diverging'],
    mustNot: ['plateau', 'overfitting'],
    adviceMust: ['lower-learning-rate'],
  });
  add({
    label: 'training loss rising 28% above its smoothed best is not diverging',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.44, 0.48, 0.52, 0.565]),
    setup: {},
    must: [],
    mustNot: ['diverging'],
  });
  add({
    label: 'training loss rising 45% is diverging (warning)',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.45, 0.5, 0.55, 0.6]),
    setup: {},
    must: ['diverging'],
    mustNot: [],
  });
  {
    // Spirals fitted long ago at Adam 0.01 (recorded at epoch 750 of 5,000): the training loss wobbles from 0.003 up
    // to 0.013 over four epochs, four times its best but 1 % of guessing's 1.0986, and comes back.
    const fitted = decay(60, 1.1, 0.003, 0.15);
    add({
      label: 'a fitted network wobbling to 4x its tiny best, still a twentieth of guessing: not diverging',
      history: run([...fitted, 0.0045, 0.006, 0.008, 0.0127], [...fitted, 0.001, 0.001, 0.001, 0.001]),
      setup: { numClasses: 3 },
      must: [],
      mustNot: ['diverging'],
    });
    add({
      label: 'a fitted network whose loss climbs to a third of guessing: diverging',
      history: run([...fitted, 0.01, 0.05, 0.15, 0.37], [...fitted, 0.001, 0.01, 0.05, 0.17]),
      setup: { numClasses: 3 },
      must: ['diverging'],
      mustNot: [],
    });
    // The same run from epoch 4,000 on: training flat at 0.0025 (fitted, nothing left to fall), validation climbing
    // from 0.03 to 0.7 as the few wrong predictions grow surer: the gap widens, which is overfitting.
    // Validation reaches its best 40 epochs into the flat stretch, so training has not fallen since that best.
    const flat = range(160, (i) => 0.0025 * (1 + 0.05 * Math.sin(i)));
    const validation = [
      ...fitted.map((v) => v * 1.2),
      ...decay(40, 0.004, 0.001, 0.1),
      ...range(120, (i) => 0.001 + 0.006 * i),
    ];
    add({
      label: 'training fitted and flat, validation climbing far above its best: overfitting',
      history: run([...fitted, ...flat], validation),
      setup: { numClasses: 3 },
      must: ['overfitting'],
      mustNot: ['diverging'],
      details: [{ code: 'overfitting', params: { training: 'flat' } }],
    });
    add({
      label: 'training flat but not fitted (a third of guessing), validation climbing: not overfitting',
      history: run(
        [...decay(60, 1.1, 0.37, 0.15), ...range(120, (i) => 0.37 * (1 + 0.02 * Math.sin(i)))],
        [...decay(60, 1.1, 0.4, 0.15), ...range(120, (i) => 0.4 + 0.004 * i)],
      ),
      setup: { numClasses: 3 },
      must: [],
      mustNot: ['overfitting'],
    });
  }
  add({
    label: 'underfitting: flat at chance',
    history: flatAt(1.05, 1.1, 0.001),
    setup: { numClasses: 3 },
    must: ['underfitting'],
    mustNot: ['plateau', 'converged', 'healthy'],
    adviceMust: ['bigger-model'],
  });
  add({
    label: 'flat at 70% of chance is underfitting',
    history: flatAt(0.7 * Math.log(3), 1.1, 0.001),
    setup: { numClasses: 3 },
    must: ['underfitting'],
    mustNot: ['plateau'],
  });
  add({
    label: 'flat at 50% of chance is a plateau',
    history: flatAt(0.5 * Math.log(3), 1.1, 0.001),
    setup: { numClasses: 3 },
    must: ['plateau'],
    mustNot: ['underfitting'],
    adviceMust: ['use-lr-schedule'],
  });
  add({
    label: 'a plateau under a decaying schedule: no "lower the learning rate"',
    history: atRates(flatAt(0.5, 1.1, 0.001), stepped(10)),
    setup: { numClasses: 3, schedule: 'step' },
    must: ['plateau'],
    mustNot: [],
    adviceMustNot: ['use-lr-schedule', 'lower-learning-rate'],
    adviceMust: ['learning-rate-already-lowered'],
  });
  add({
    // StepLR every 20 epochs, paused at epoch 12: nothing lowered yet, and a schedule is already set.
    label: 'a plateau under a step schedule that has not stepped yet: neither "already lowered" nor "use a schedule"',
    history: atRates(flatAt(0.5, 1.1, 0.001), stepped(100)),
    setup: { numClasses: 3, schedule: 'step' },
    must: ['plateau'],
    mustNot: [],
    adviceMustNot: ['learning-rate-already-lowered', 'use-lr-schedule'],
  });
  add({
    label: 'a plateau with early stopping on: no "stop here"',
    history: flatAt(0.5, 1.1, 0.001),
    setup: { numClasses: 3, earlyStopping: true },
    must: ['plateau'],
    mustNot: [],
    adviceMustNot: ['training-done'],
  });
  add({
    // A straight line, no noise and no bend: only the 1% rule can call it flat.
    label: 'falling 0.8% a window without noise is a plateau',
    history: run(range(30, (i) => 0.6 * (1 - 0.0016 * i))),
    setup: { numClasses: 3 },
    must: ['plateau'],
    mustNot: ['learning-slowly'],
  });
  add({
    // Recorded from the studio: spirals, the sample's MLP, Adam at 9 (900 times the usual rate): the loss shot up to
    // 58,800 and again to 31,000, then hovered with noise around 78% of the loss of guessing. Once "looks healthy".
    label: 'Adam at 9: the loss thrashed, then hovers with noise near chance: underfitting, lower the rate',
    history: run(
      [
        58796, 1558, 19.4, 5.15, 3.23, 12626, 31037, 8967, 951, 12.2, 218, 140, 708, 427, 505, 0.93, 0.79, 1.05, 0.85,
        1.02,
      ].concat([0.76, 0.76, 0.84, 0.9, 1.15, 0.84, 0.81, 0.86, 0.98, 1.42]),
      [
        4378, 1.53, 10.7, 17, 185, 23103, 12514, 13149, 0.78, 1.33, 1.14, 208, 1044, 5344, 1.23, 0.7, 1.05, 1.02, 0.82,
      ].concat([0.94, 0.75, 0.7, 1.09, 0.91, 1.08, 0.88, 0.93, 0.8, 1.6, 2.0]),
      () => ({ lr: 9 }),
    ),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant' },
    must: ['underfitting', 'training-unstable'],
    mustNot: ['healthy', 'converged'],
    adviceMust: ['lower-learning-rate'],
    adviceMustNot: ['raise-learning-rate', 'bigger-model'],
  });
  // Recorded: spirals' MLP with RMSProp at 1 (100 times the usual): the training loss jumps by 10 to 1,000 times
  // again and again; once only "a loss spike at epoch 25, recovered".
  const thrashing = run(
    [70124, 211.6, 40.7, 24.8, 50, 8.22, 5.66, 45.6, 14.5, 454, 1.85, 10.8, 4.62, 6.13, 13.3, 8.22, 8.83, 0.128].concat(
      [4.43, 10.3, 231, 181, 17.3, 12.5, 4905, 258, 25.5, 5.87, 1.34, 0.804],
    ),
    undefined,
    () => ({ lr: 1 }),
  );
  add({
    label: 'RMSProp at 1: the training loss thrashing up and down: unstable training loss, lower the rate',
    history: thrashing,
    setup: { numClasses: 3, optimizer: 'rmsprop', schedule: 'constant' },
    must: ['training-unstable'],
    mustNot: ['healthy', 'loss-spike', 'converged'],
    adviceMust: ['lower-learning-rate', 'gradient-clipping'],
    details: [{ code: 'training-unstable', params: { fromEpoch: 19, toEpoch: 30, largestTo: 4905, largestEpoch: 25 } }],
  });
  add({
    // Thrashing from epoch 9 on, after a start near chance (no early blow-up, which would rightly advise a lower
    // starting rate whatever the schedule).
    label: 'thrashing under a step schedule: the schedule is already lowering the rate, so no "lower it"',
    history: run(
      [...decay(8, 1.1, 0.6, 0.3), 0.6, 3.5, 0.9, 0.6, 4.2, 0.8, 0.7, 5.0, 1.0, 0.65, 0.6, 3.9, 0.7, 0.6],
      undefined,
      (i) => ({ lr: stepped(10, 1)(i) }),
    ),
    setup: { numClasses: 3, optimizer: 'rmsprop', schedule: 'step' },
    must: ['training-unstable'],
    mustNot: ['healthy', 'loss-spike', 'converged'],
    adviceMust: ['schedule-already-lowering', 'gradient-clipping'],
    adviceMustNot: ['lower-learning-rate'],
  });
  // The dropout lesson's run with dropout 0.5, one full-batch step per epoch: each epoch's training loss is one
  // step's through a random mask, 0.20 to 0.38, while the validation loss (no dropout) stays near 0.30.
  const maskNoise = (dropout: boolean, val: (i: number) => number) => ({
    history: run(
      range(40, (i) => 0.29 + 0.09 * Math.sin(i * 2.1) * Math.cos(i * 0.7)),
      range(40, val),
    ),
    setup: { baselineLoss: 0.674, optimizer: 'adam', schedule: 'constant', dropout },
  });
  add({
    label: 'dropout: the training loss swinging through random masks while validation holds: not unstable',
    ...maskNoise(true, (i) => 0.3 + 0.005 * Math.sin(i)),
    must: [],
    mustNot: ['training-unstable'],
    adviceMustNot: ['lower-learning-rate'],
  });
  add({
    label: 'dropout: training and validation swinging together: the steps are unstable all the same',
    ...maskNoise(true, (i) => 0.31 + 0.09 * Math.sin(i * 2.1) * Math.cos(i * 0.7)),
    must: ['training-unstable'],
    mustNot: [],
  });
  add({
    label: 'the same training swings without dropout: unstable, whatever validation does',
    ...maskNoise(false, (i) => 0.3 + 0.005 * Math.sin(i)),
    must: ['training-unstable'],
    mustNot: [],
  });
  // Recorded: spirals with an L2 penalty of 0.5 (Adam 0.001, 30 epochs): lowest at epoch 6, then climbing back toward
  // chance as the penalty shrinks the weights, accuracy stuck at 54 %. Once "looks healthy".
  const heldBack = run(
    [1.0735, 0.8263, 0.8027, 0.8051, 0.8016, 0.8, 0.8036, 0.8095, 0.8153, 0.8209, 0.8298, 0.8372, 0.8436, 0.8528]
      .concat([0.8601, 0.8677, 0.8733, 0.8809, 0.8875, 0.8938, 0.9006, 0.9045, 0.9105, 0.9129, 0.9183, 0.9219])
      .concat([0.9247, 0.9279, 0.9331, 0.9334]),
    [0.8822, 0.8269, 0.8182, 0.8193, 0.8107, 0.8117, 0.8164, 0.8224, 0.8287, 0.8335, 0.8416, 0.8491, 0.8552, 0.8636]
      .concat([0.8732, 0.8789, 0.8835, 0.8928, 0.8982, 0.904, 0.9105, 0.913, 0.9204, 0.9207, 0.9271, 0.9303])
      .concat([0.9327, 0.937, 0.9411, 0.9414]),
    () => ({ lr: 0.001 }),
  );
  add({
    label:
      'L2 of 0.5 on spirals: the loss climbing back toward chance is the penalty winning, not health or divergence',
    history: heldBack,
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant', weightDecay: true },
    must: ['over-regularized'],
    mustNot: ['healthy', 'diverging', 'underfitting', 'overfitting'],
    adviceMust: ['less-regularization'],
    adviceMustNot: ['lower-learning-rate', 'bigger-model'],
    details: [{ code: 'over-regularized', severity: 'warning', params: { lowestEpoch: 6, loss: 0.9334 } }],
  });
  add({
    label: 'the same climb without any penalty is not put down to one',
    history: heldBack,
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant', weightDecay: false },
    must: [],
    mustNot: ['over-regularized'],
  });
  add({
    label: 'a penalized run fitted to 1% of chance, wobbling 0.010 to 0.013: fitted, not held back',
    history: run([...decay(20, 1.1, 0.01, 0.5), ...range(20, (i) => 0.01 + 0.00015 * i)], undefined, () => ({
      lr: 0.001,
    })),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant', weightDecay: true },
    must: [],
    mustNot: ['over-regularized'],
  });
  add({
    label: 'a penalized run climbing far past chance is diverging, whatever its penalty',
    history: run([...decay(10, 1.1, 0.5, 0.4), ...range(10, (i) => 0.55 * 1.25 ** i)], undefined, () => ({ lr: 1 })),
    setup: { numClasses: 3, optimizer: 'sgd', schedule: 'constant', weightDecay: true },
    must: ['diverging'],
    mustNot: ['over-regularized'],
  });
  // Flat at 9 (8 times the loss of guessing) with the training accuracy at `accuracy`.
  const flatHighAt = (accuracy: number) =>
    run(
      range(20, (i) => 9 + 0.01 * Math.sin(i)),
      undefined,
      () => ({ trainAccuracy: accuracy, lr: 0.001 }),
    );
  add({
    // Recorded shape: two-moons with RMSProp at 3 ended at 99.7% training accuracy with a training loss of 9.
    label: 'right on 99.7% of the training samples, a loss of 9 from a few confident mistakes: not underfitting',
    history: flatHighAt(0.997),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant' },
    must: [],
    mustNot: ['underfitting', 'learning-slowly'],
  });
  add({
    label: 'right on 70% of the training samples with a high flat loss: underfitting',
    history: flatHighAt(0.7),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant' },
    must: ['underfitting'],
    mustNot: [],
  });
  // A first epoch far above the loss of guessing (ln 3 = 1.099 for three classes): 12 times it is a blow-up, 8 times not.
  const startingAt = (first: number) => run([first, ...decay(11, 1.0, 0.2, 0.3)], undefined, () => ({ lr: 0.001 }));
  add({
    label: 'a first epoch at 12 times the loss of guessing: blew up at the start, since recovered (info)',
    history: startingAt(12 * Math.log(3)),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant' },
    must: ['early-blowup'],
    mustNot: [],
    adviceMust: ['check-data', 'gradient-clipping'],
    adviceMustNot: ['lower-learning-rate'],
    details: [{ code: 'early-blowup', severity: 'info', params: { epoch: 1, factor: 12, recovered: 'yes' } }],
  });
  add({
    label: 'a first epoch at 8 times the loss of guessing: no blow-up',
    history: startingAt(8 * Math.log(3)),
    setup: { numClasses: 3, optimizer: 'adam', schedule: 'constant' },
    must: [],
    mustNot: ['early-blowup'],
  });
  add({
    // Recorded: two-moons with Adam at 3: 4,100 in the first epoch, 5,900 times the loss of guessing (ln 2); the
    // training loss then settled near 0.4 while the validation loss stayed at 22. Once "looks healthy".
    label: 'two-moons with Adam at 3: a blow-up at the start, not recovered: lower the rate',
    history: run(
      [
        4100, 4797, 4519, 751, 66.9, 8.0, 15.2, 2.47, 1.17, 0.912, 0.472, 0.384, 0.49, 0.457, 0.389, 0.389, 0.404,
      ].concat([0.396, 0.414, 0.388, 0.38, 0.378, 0.383, 0.406, 0.4, 0.544, 0.452, 0.405, 0.387, 0.413]),
      [
        1941, 19252, 305, 58.6, 7.74, 17.4, 21.6, 22.4, 22.5, 22.3, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0,
      ].concat([22.1, 22.0, 22.0, 22.1, 22.1, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0, 22.0]),
      () => ({ lr: 3 }),
    ),
    setup: { numClasses: 2, optimizer: 'adam', schedule: 'constant' },
    must: ['early-blowup'],
    mustNot: ['healthy'],
    adviceMust: ['lower-learning-rate'],
    details: [{ code: 'early-blowup', severity: 'warning', params: { epoch: 2, loss: 4797, recovered: 'no' } }],
  });
  add({
    // Recorded: noisy-curve with AdaGrad at 3, judged against the loss of predicting the mean (0.51): 72,552,901 in
    // the first epoch, still 772 at the thirtieth, falling 6% an epoch. Once "looks healthy: both losses fall".
    label: 'a regression blown up at the start, still 1,500 times the baseline: not healthy',
    history: run(
      [
        72552901, 116855, 17380, 7098, 5118, 4391, 4099, 3669, 3355, 3148, 2866, 2782, 2489, 2323, 2196, 1963, 1919,
      ].concat([1699, 1596, 1435, 1332, 1265, 1184, 1128, 1031, 983, 938, 873, 824, 772]),
      undefined,
      () => ({ lr: 3 }),
    ),
    setup: { baselineLoss: 0.51, optimizer: 'adagrad', schedule: 'constant' },
    must: ['early-blowup'],
    mustNot: ['healthy', 'converged'],
    adviceMust: ['lower-learning-rate'],
  });
  // The dropout lesson's network without dropout (1-200-200-1 on 20 noisy points, Adam 0.01, full batch): its
  // validation loss is 100 at epoch 2, lowest at epoch 50 (0.26), then 0.45 to the end while training falls to 0.06.
  // Counted from the blow-up, validation "gained" 100 and a rise of 0.19 looked like noise: no overfitting was said.
  const blownThenOverfit = run(
    [90, 60, 8, 2, 1, ...decay(95, 0.8, 0.05, 0.04)],
    [60, 100, 9, 2, 1.2, ...range(95, (i) => (i <= 45 ? 0.9 - (0.64 * i) / 45 : 0.26 + (0.19 * (i - 45)) / 49))].map(
      (v, i) => v * (1 + 0.02 * Math.sin(i * 1.7)),
    ),
  );
  add({
    label: 'a blow-up in the first epochs, then validation 70% above its best while training falls: overfitting too',
    history: blownThenOverfit,
    setup: { baselineLoss: 0.674, optimizer: 'adam', schedule: 'constant' },
    must: ['early-blowup', 'overfitting'],
    mustNot: ['healthy'],
    details: [{ code: 'overfitting', params: { training: 'fell' } }],
  });
  add({
    label: 'still falling 2% a window is not flat',
    history: flatAt(0.5, 1.1, 0.02),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['plateau', 'underfitting'],
  });
  add({
    label: 'a long flat tail of a fitted model is converged',
    history: run([...decay(20, 0.8, 0.01, 0.4), ...range(60, () => 0.01)]),
    setup: { numClasses: 3 },
    must: ['converged'],
    mustNot: ['plateau', 'underfitting', 'overfitting'],
  });
  add({
    label: 'at 6.5% of chance, still settling: not converged',
    history: flatAt(0.065 * Math.log(3), 1.1, 0.001),
    setup: { numClasses: 3 },
    must: ['plateau'],
    mustNot: ['converged'],
  });
  add({
    label: 'at 4% of chance and flat: converged',
    history: flatAt(0.04 * Math.log(3), 1.1, 0.001),
    setup: { numClasses: 3 },
    must: ['converged'],
    mustNot: ['plateau'],
  });
  add({
    label: 'plain SGD crawling at high loss is learning slowly',
    history: run(range(30, (i) => 1.0 * (1 - 0.007 * i))),
    setup: { numClasses: 3, optimizer: 'sgd' },
    must: ['learning-slowly'],
    mustNot: ['plateau', 'underfitting'],
    adviceMust: ['try-adam', 'raise-learning-rate'],
  });
  add({
    label: 'falling 1.3% per epoch at high loss is learning, not slow',
    history: run(range(30, (i) => 1.0 * (1 - 0.013) ** i)),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['learning-slowly', 'plateau'],
  });
  add({
    label: 'a high learning rate that does not learn: never "raise the learning rate"',
    history: flatAt(1.1, 1.1, 0.001).map((r) => ({ ...r, lr: 1 })),
    setup: { numClasses: 3, optimizer: 'sgd' },
    must: ['underfitting'],
    mustNot: [],
    adviceMustNot: ['raise-learning-rate'],
  });
  for (let seed = 1; seed <= 4; seed++) {
    const train = noisy(decay(30, 2.3, 0.1, 0.15), seed, 0.01);
    const val = noisy(decay(30, 2.35, 0.15, 0.15), seed + 100, 0.08);
    add({
      label: `noisy validation on a tiny split is not overfitting (seed ${seed})`,
      history: run(train, val),
      setup: { numClasses: 10 },
      must: [],
      mustNot: ['overfitting', 'diverging', 'validation-unstable'],
    });
  }
  {
    const train = noisy(
      range(40, () => 0.3),
      7,
      0.005,
    );
    const val = noisy(
      range(40, () => 0.35),
      8,
      0.05,
    );
    add({
      label: 'a noisy plateau is not overfitting',
      history: run(train, val),
      setup: { numClasses: 10 },
      must: [],
      mustNot: ['overfitting', 'validation-unstable'],
    });
  }
  {
    const grads = (i: number) => ({ gradNorms: { d1: i >= 4 ? 1e-9 : 0.1, d2: 0.3, d3: 0.5 } });
    add({
      label: 'one layer without gradient: vanishing',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, grads),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
    // Recorded shape: spirals' ReLU MLP with plain SGD at 2, fc1's gradient exactly 0 from epoch 3, the loss at chance.
    const dead = (i: number) => ({ gradNorms: { d1: i >= 2 ? 0 : 0.4, d2: i >= 2 ? 0 : 0.3, d3: 0.02 }, lr: 2 });
    add({
      label: 'ReLU units killed by a rate of 2 (no sigmoid or tanh): lower the rate, never "use ReLU instead"',
      history: run(
        flatAt(1.18, 1.3, 0.001, 20, 3).map((r) => r.trainLoss),
        undefined,
        dead,
      ),
      setup: { numClasses: 3, optimizer: 'sgd', schedule: 'constant', relu: true, saturating: false },
      must: ['vanishing-gradients'],
      mustNot: ['healthy'],
      adviceMust: ['lower-learning-rate', 'leaky-relu'],
      adviceMustNot: ['relu-activations', 'raise-learning-rate'],
    });
    add({
      label: 'a first layer without gradient under an L1 or L2 penalty: lower the penalty first',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, grads),
      setup: { optimizer: 'sgd', schedule: 'constant', relu: true, saturating: false, weightDecay: true },
      must: ['vanishing-gradients'],
      mustNot: [],
      adviceMust: ['less-regularization'],
    });
    add({
      label: 'the same without a penalty: no advice about one',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, grads),
      setup: { optimizer: 'sgd', schedule: 'constant', relu: true, saturating: false, weightDecay: false },
      must: ['vanishing-gradients'],
      mustNot: [],
      adviceMustNot: ['less-regularization'],
    });
    add({
      label: 'a tanh network whose first layer gets no gradient: use ReLU',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, grads),
      setup: { optimizer: 'adam', saturating: true, relu: false },
      must: ['vanishing-gradients'],
      mustNot: [],
      adviceMust: ['relu-activations'],
      adviceMustNot: ['lower-learning-rate'],
    });
    const small = (i: number) => ({ gradNorms: { d1: i >= 4 ? 2e-5 : 0.1, d2: 0.3, d3: 0.5 } });
    add({
      label: 'a layer 1.5e4 times below the others: vanishing',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, small),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
    const lower = (i: number) => ({ gradNorms: { d1: i >= 4 ? 5e-5 : 0.1, d2: 0.3, d3: 0.5 } });
    add({
      label: 'a layer 6e3 times below the others is not vanishing',
      history: run(decay(8, 1.0, 0.5, 0.2), undefined, lower),
      setup: {},
      must: [],
      mustNot: ['vanishing-gradients'],
    });
    add({
      label: 'a solved problem has tiny gradients, not vanishing ones',
      history: run(decay(8, 1.0, 0.0001, 2), undefined, grads),
      setup: {},
      must: [],
      mustNot: ['vanishing-gradients'],
    });
    // `netwright train --sample spirals --lr 0.01 --epochs 150 --batch-size 1`: the loss 0.643 -> 0.0108, only 60
    // times lower but 1 % of chance (ln 3), and every layer's gradient near 1e-27 at the end: fitted, not vanishing.
    add({
      label: 'fitted against chance though not a thousandfold below its first epoch: converged, not vanishing',
      history: run(decay(150, 0.643, 0.0108, 0.1), undefined, (i) =>
        i >= 140
          ? { gradNorms: { fc1: 3.8e-27, fc2: 5e-27, fc3: 2e-26 } }
          : { gradNorms: { fc1: 0.2, fc2: 0.3, fc3: 0.4 } },
      ),
      setup: { numClasses: 3 },
      must: ['converged'],
      mustNot: ['vanishing-gradients'],
    });
    add({
      label: 'solved only 700-fold: vanishing still counts',
      history: run([...decay(7, 1.0, 0.0014, 2), 0.0014], undefined, grads),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
  }
  {
    const growth = (factor: number) => (i: number) => ({ gradNorms: { d1: 0.5 * factor ** (i / 7), d2: 0.2 } });
    add({
      label: 'gradients grown 130x: exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, growth(130)),
      setup: {},
      must: ['exploding-gradients'],
      mustNot: [],
      adviceMust: ['gradient-clipping'],
    });
    add({
      label: 'gradients grown 70x: not exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, growth(70)),
      setup: {},
      must: [],
      mustNot: ['exploding-gradients'],
    });
    const jump = (factor: number) => (i: number) => ({ gradNorms: { d1: i === 7 ? 0.5 * factor : 0.5, d2: 0.01 } });
    add({
      label: 'gradients up 13x in one epoch: exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, jump(13)),
      setup: { clipping: true },
      must: ['exploding-gradients'],
      mustNot: [],
      adviceMustNot: ['gradient-clipping'],
    });
    add({
      label: 'gradients up 7x in one epoch: not exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, jump(7)),
      setup: {},
      must: [],
      mustNot: ['exploding-gradients'],
    });
    // Spirals at Adam 0.01 for 5,000 epochs (recorded): a fitted network's total gradient norm starts at 1.67,
    // settles around 0.03, and falls to 3.8e-9 in an epoch that classifies every sample; the last epoch's 0.0016 is a
    // million times that low and a thousandth of the start. Here in 300 epochs, with the low near the end.
    const fitted = (last: number) => (i: number) => {
      const norm = i === 0 ? 1.67 : i === 299 ? last : i === 260 ? 3.8e-9 : 0.03 + 0.02 * Math.sin(i);
      return { gradNorms: { d1: 0.8 * norm, d2: 0.6 * norm } };
    };
    add({
      label: 'a fitted network whose gradient touched zero: its next ordinary epoch is no explosion',
      history: run(decay(300, 0.77, 0.003, 0.05), undefined, fitted(0.0016)),
      setup: {},
      must: ['converged'],
      mustNot: ['exploding-gradients'],
    });
    add({
      label: 'a fitted network whose gradient then jumps above where training started: exploding',
      history: run(decay(300, 0.77, 0.003, 0.05), undefined, fitted(3.5)),
      setup: {},
      must: ['exploding-gradients'],
      mustNot: [],
    });
    add({
      label: 'a NaN gradient overflowed',
      history: run(decay(8, 1, 0.5, 0.2), undefined, (i) => ({ gradNorms: { d1: i === 6 ? NaN : 0.5 } })),
      setup: {},
      must: ['non-finite-gradients'],
      mustNot: ['exploding-gradients'],
    });
  }

  // Boundary histories: each sits just inside or just outside one threshold, so moving it by 30% changes the verdict.
  add({
    label: 'five steady epochs are enough to call a run healthy',
    history: run(decay(5, 2.3, 0.3, 0.3), decay(5, 2.2, 0.45, 0.3)),
    setup: { numClasses: 10 },
    must: ['healthy'],
    mustNot: ['too-early'],
  });
  add({
    label: 'nine epochs, flat for seven: too little to call a plateau',
    history: run([1.0, 0.6, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55]),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['plateau', 'underfitting'],
  });
  add({
    label: 'falling 1.3% a window is still learning, not flat',
    history: flatAt(0.5, 1.1, 0.013),
    setup: { numClasses: 3 },
    must: [],
    mustNot: ['plateau'],
  });
  {
    // Flat for 15 epochs, then falling faster: `change` per five epochs.
    const resumed = (change: number) =>
      run([
        ...range(6, (i) => 1.1 - 0.12 * i),
        ...range(15, (i) => 0.5 * (1 - 0.001 * i)),
        ...range(10, (i) => 0.4925 * (1 - (change * (i + 1)) / 5)),
      ]);
    add({
      label: 'a plateau that starts falling 2.5% a window stays a plateau (hysteresis)',
      history: resumed(0.025),
      setup: { numClasses: 3 },
      must: ['plateau'],
      mustNot: [],
    });
    add({
      label: 'a plateau that starts falling 3.3% a window is learning again',
      history: resumed(0.033),
      setup: { numClasses: 3 },
      must: [],
      mustNot: ['plateau'],
    });
  }
  {
    // Regression without a baseline: the first epoch is the reference.
    const flatOf = (fraction: number) =>
      run([1.0, ...range(6, (i) => 1.0 - ((1 - fraction) * (i + 1)) / 6), ...range(14, () => fraction)]);
    add({
      label: 'flat at 80% of the first epoch: a plateau',
      history: flatOf(0.8),
      setup: {},
      must: ['plateau'],
      mustNot: ['underfitting'],
    });
    add({
      label: 'flat at 95% of the first epoch: underfitting',
      history: flatOf(0.95),
      setup: {},
      must: ['underfitting'],
      mustNot: ['plateau'],
    });
  }
  {
    const level = (i: number) => (i < 6 ? 1.1 - 0.01 * i : 1.05);
    add({
      label: 'flat at chance with validation 1.4x training: the gap, not the fit, is the problem',
      history: run(
        range(20, level),
        range(20, (i) => level(i) * 1.4),
      ),
      setup: { numClasses: 3 },
      must: ['plateau'],
      mustNot: ['underfitting'],
    });
  }
  add({
    label: 'three rising epochs to 5x the best: diverging (error)',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.4, 0.8, 1.3, 2.0]),
    setup: {},
    must: ['diverging'],
    mustNot: [],
    details: [{ code: 'diverging', severity: 'error', params: { risingEpochs: 3 } }],
  });
  add({
    label: 'rising to 3.5x the best: an error',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.4, 0.6, 0.9, 1.4]),
    setup: {},
    must: ['diverging'],
    mustNot: [],
    details: [{ code: 'diverging', severity: 'error' }],
  });
  add({
    label: 'rising to 2.6x the best: a warning',
    history: run([1, 0.7, 0.5, 0.45, 0.42, 0.41, 0.4, 0.55, 0.75, 1.05]),
    setup: {},
    must: ['diverging'],
    mustNot: [],
    details: [{ code: 'diverging', severity: 'warning' }],
  });
  {
    const before = decay(36, 0.8, 0.013, 0.2);
    const highest = Math.max(...before.slice(31, 36));
    add({
      label: 'a jump to 3.5x the epochs before is a spike',
      history: run([...before, highest * 3.5, 0.015, 0.014, 0.014]),
      setup: { numClasses: 3 },
      must: ['loss-spike'],
      mustNot: [],
      details: [{ code: 'loss-spike', severity: 'info', params: { recovered: 'yes' } }],
    });
    add({
      label: 'a jump to 2.5x the epochs before is noise, not a spike',
      history: run([...before, highest * 2.5, 0.015, 0.014, 0.014]),
      setup: { numClasses: 3 },
      must: [],
      mustNot: ['loss-spike'],
    });
    const settled = decay(36, 0.8, 0.014, 0.3);
    add({
      label: 'back within 1.3x of before the spike: recovered',
      history: run([...settled, 0.14, 0.014 * 1.3, 0.014 * 1.3]),
      setup: { numClasses: 3 },
      must: ['loss-spike'],
      mustNot: [],
      details: [{ code: 'loss-spike', params: { recovered: 'yes' } }],
    });
    // A validation loss near zero (0.0001) that jumped to 0.04 and stands at 0.00023: 2.3 times its level, but back.
    add({
      label: 'a spike on a loss near zero, back within a hair of before: recovered',
      history: run(decay(40, 0.8, 0.0001, 0.4), [...decay(36, 0.9, 0.0001, 0.4), 0.04, 0.002, 0.0004, 0.00023]),
      setup: { numClasses: 3 },
      must: ['validation-spike'],
      mustNot: [],
      details: [{ code: 'validation-spike', params: { recovered: 'yes' } }],
    });
    add({
      label: 'still 1.7x above before the spike: not recovered, shape not judged',
      history: run([...settled, 0.14, 0.014 * 1.7, 0.014 * 1.7]),
      setup: { numClasses: 3 },
      must: ['loss-spike'],
      mustNot: ['converged', 'plateau'],
      details: [{ code: 'loss-spike', severity: 'warning', params: { recovered: 'no' } }],
    });
  }
  {
    // Validation rises 30% over six epochs after its best, then comes back down to `r` above 0.5 and stays.
    const returned = (r: number) =>
      run(
        decay(45, 1.0, 0.05, 0.1),
        range(45, (i) =>
          i <= 8
            ? 0.6 - 0.0125 * i
            : i <= 14
              ? 0.5 + 0.025 * (i - 8)
              : i <= 19
                ? 0.65 - ((0.15 - r) * (i - 14)) / 5
                : 0.5 + r,
        ),
      );
    add({
      label: 'overfitting that eases only partly stays overfitting (hysteresis)',
      history: returned(0.052),
      setup: {},
      must: ['overfitting'],
      mustNot: [],
    });
    add({
      label: 'overfitting whose validation comes back near its best is over',
      history: returned(0.048),
      setup: {},
      must: [],
      mustNot: ['overfitting'],
    });
  }
  {
    const sharp = (after: number) =>
      run(
        decay(12 + after, 1.0, 0.05, 0.15),
        range(12 + after, (i) => (i <= 11 ? 0.6 - 0.01 * i : 0.49 + 0.08 * (i - 11))),
      );
    add({
      label: 'validation shooting up for three epochs after its best: overfitting',
      history: sharp(3),
      setup: {},
      must: ['overfitting'],
      mustNot: [],
    });
    // Training loss nearly flat (0.3, falling `slope` per epoch) while validation rises from epoch 9.
    const slowTrain = (slope: number) =>
      run(
        range(26, (i) => 0.3 * (1 - slope * i)),
        range(26, (i) => (i <= 8 ? 0.6 - 0.0125 * i : 0.5 + 0.03 * (i - 8))),
      );
    add({
      label: 'validation rising while training still falls ~4%: overfitting',
      history: slowTrain(0.002),
      setup: {},
      must: ['overfitting'],
      mustNot: [],
    });
    add({
      label: 'validation rising while training has all but stopped (~3%): not overfitting',
      history: slowTrain(0.0015),
      setup: {},
      must: [],
      mustNot: ['overfitting'],
    });
  }
  {
    // Validation rising 30% after its best through 4% multiplicative noise (seed 17): the rise stands above the noise.
    const rng = new Rng(17);
    const val = range(
      30,
      (i) => (i <= 8 ? 0.6 - (0.1 / 8) * i : 0.5 * (1 + (0.3 * (i - 8)) / 21)) * (1 + 0.04 * rng.normal()),
    );
    add({
      label: 'validation rising 30% through 4% noise: overfitting',
      history: run(decay(30, 1.0, 0.05, 0.15), val),
      setup: {},
      must: ['overfitting'],
      mustNot: ['validation-unstable'],
    });
  }
  {
    const grads = (norms: (i: number) => Record<string, number>) =>
      run(decay(8, 1.0, 0.5, 0.2), undefined, (i) => ({ gradNorms: norms(i) }));
    add({
      label: 'a layer 1.2e4 times below the median of the others: vanishing',
      history: grads((i) => ({ d1: i >= 4 ? 0.4 * 8.5e-5 : 0.1, d2: 0.3, d3: 0.5 })),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
    add({
      label: 'a gradient of 8.5e-8 when all are small: vanishing',
      history: grads((i) => ({ d1: i >= 4 ? 8.5e-8 : 1e-3, d2: 3e-4, d3: 5e-4 })),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
    add({
      label: 'a gradient of 1.15e-7 when all are small: not vanishing',
      history: grads((i) => ({ d1: i >= 4 ? 1.15e-7 : 1e-3, d2: 3e-4, d3: 5e-4 })),
      setup: {},
      must: [],
      mustNot: ['vanishing-gradients'],
    });
    add({
      label: 'no gradient in the last epoch only: not yet vanishing',
      history: grads((i) => ({ d1: i >= 7 ? 0 : 0.1, d2: 0.3, d3: 0.5 })),
      setup: {},
      must: [],
      mustNot: ['vanishing-gradients'],
    });
    add({
      label: 'no gradient in the last two epochs: vanishing',
      history: grads((i) => ({ d1: i >= 6 ? 0 : 0.1, d2: 0.3, d3: 0.5 })),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
      details: [{ code: 'vanishing-gradients', params: { layer: 'd1', sinceEpoch: 7 } }],
    });
    const dead = (i: number) => ({ gradNorms: { d1: i >= 4 ? 0 : 0.1, d2: 0.3, d3: 0.5 } });
    add({
      label: 'loss down 870-fold: not solved, a dead layer is vanishing',
      history: run([...decay(7, 1.0, 0.00115, 2), 0.00115], undefined, dead),
      setup: {},
      must: ['vanishing-gradients'],
      mustNot: [],
    });
    add({
      label: 'loss down 1200-fold: solved, a dead layer is expected',
      history: run([...decay(7, 1.0, 0.00085, 2), 0.00085], undefined, dead),
      setup: {},
      must: [],
      mustNot: ['vanishing-gradients'],
    });
    add({
      label: 'gradients grown 88x over the run: not exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, (i) => ({ gradNorms: { d1: 0.5 * 95 ** (i / 7), d2: 0.2 } })),
      setup: {},
      must: [],
      mustNot: ['exploding-gradients'],
    });
    add({
      label: 'gradients up 8.5x in one epoch: not exploding',
      history: run(decay(8, 1, 0.5, 0.2), undefined, (i) => ({
        gradNorms: { d1: i === 7 ? 0.5 * 8.5 : 0.5, d2: 0.01 },
      })),
      setup: {},
      must: [],
      mustNot: ['exploding-gradients'],
    });
  }
  return cases;
}

interface Fixture {
  name: string;
  numClasses?: number;
  /** The size of the validation split, when recorded. */
  validationSamples?: number;
  config: TrainConfig;
  ops: string[];
  epochs: Array<{
    epoch: number;
    trainLoss: number | null;
    valLoss: number | null;
    lr: number;
    gradNorms?: Record<string, number>;
    weightNorms?: Record<string, number>;
  }>;
}

const FIXTURE_DIR = join(__dirname, 'fixtures', 'diagnosis');

function loadFixture(name: string): { history: EpochRecord[]; setup: RunSetup } {
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Fixture;
  const history = fixture.epochs.map((e) => ({
    epoch: e.epoch,
    trainLoss: e.trainLoss ?? NaN,
    lr: e.lr,
    ...(e.valLoss !== null ? { valLoss: e.valLoss } : {}),
    ...(e.gradNorms ? { gradNorms: e.gradNorms } : {}),
    ...(e.weightNorms ? { weightNorms: e.weightNorms } : {}),
  }));
  const spec = {
    version: 1,
    nodes: fixture.ops.map((op, i) => ({ id: `n${i}`, op, params: {} })),
    edges: [],
  } as unknown as ModelSpec;
  const setup = runSetup(fixture.config, spec, fixture.numClasses);
  if (fixture.validationSamples !== undefined) setup.validationSamples = fixture.validationSamples;
  return { history, setup };
}

const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

function recorded(): DiagnosisCase[] {
  const cases: DiagnosisCase[] = [];
  const add = (
    name: string,
    epochs: number | null,
    label: string,
    must: VerdictCode[],
    mustNot: VerdictCode[],
    adviceMustNot: AdviceCode[] = [],
  ) => {
    const { history, setup } = loadFixture(name);
    cases.push({
      label: `${name}${epochs ? ` (first ${epochs} epochs)` : ''}: ${label}`,
      history: epochs ? history.slice(0, epochs) : history,
      setup,
      must,
      mustNot,
      adviceMustNot,
    });
  };
  add(
    'dropout-demo',
    null,
    'with dropout, validation below training: not overfitting, no "add dropout"',
    [],
    ['overfitting', 'diverging'],
    ['add-dropout'],
  );
  add('dropout-demo', 12, 'wild early validation on 3 points is not overfitting', [], ['overfitting']);
  add(
    'dropout-demo-plain',
    null,
    'flat training loss: a plateau',
    ['plateau'],
    ['overfitting', 'diverging', 'underfitting'],
  );
  add('dropout-demo-plain', 11, 'a noisy tiny split is not diverging', [], ['diverging']);
  add(
    'two-moons-rmsprop',
    null,
    'RMSProp at 100% validation accuracy: a fitted model, not overfitting',
    ['converged'],
    ['overfitting', 'diverging'],
  );
  add('two-moons-rmsprop', 11, 'a one-epoch validation rise is not overfitting', [], ['overfitting']);
  add('spirals-adam', null, 'spike long recovered: converged', ['converged'], ['plateau', 'diverging', 'overfitting']);
  add(
    'spirals-adam',
    39,
    'loss rising six epochs to 0.129 is diverging, not a plateau',
    ['diverging'],
    ['plateau', 'converged'],
  );
  add('spirals-adam', 45, 'after the spike: not a plateau', [], ['plateau', 'underfitting']);
  add(
    'spirals-adam-spiky',
    null,
    'a jump to 0.166 in the last epoch: a spike not yet recovered, nothing else judged',
    ['loss-spike'],
    ['plateau', 'converged', 'diverging', 'healthy'],
  );
  add(
    'two-moons-early-stop',
    null,
    'early stopping already on: no advice to use it',
    ['converged'],
    ['overfitting'],
    ['early-stopping', 'training-done'],
  );
  add(
    'spirals-early-stop',
    null,
    'early stopped after a spike',
    [],
    ['overfitting', 'plateau'],
    ['early-stopping', 'training-done'],
  );
  add(
    'spirals-cosine',
    null,
    'cosine schedule, fitted',
    ['converged'],
    ['plateau', 'overfitting'],
    ['lower-learning-rate', 'use-lr-schedule'],
  );
  add(
    'noisy-curve-small-step',
    null,
    'step schedule already lowered the rate',
    ['plateau'],
    ['overfitting'],
    ['lower-learning-rate', 'use-lr-schedule'],
  );
  add(
    'noisy-curve-plateau-sched',
    null,
    'regression fitted to 2% of its first epoch',
    ['converged'],
    ['overfitting', 'diverging'],
  );
  add(
    'noisy-curve',
    null,
    'regression down to 5% of its first epoch, validation swinging 0.05 ↔ 0.15 every few epochs: unstable',
    ['validation-unstable'],
    ['overfitting', 'diverging', 'plateau', 'underfitting', 'learning-slowly'],
  );
  add('noisy-curve', 30, 'validation still falling with small bumps is not unstable', [], ['validation-unstable']);
  add('two-moons-default', null, 'twenty steady epochs', ['healthy'], ALL_TRENDS);
  add('shapes-lenet', null, 'a CNN learning fast', ['healthy'], ALL_TRENDS);
  {
    // The studio's shapes CNN at Adam 0.01 (36 validation samples): the validation loss goes 0.13 → 0.56 → 0.13 →
    // 1.54 → 0.002 over epochs 20-27 while training stays under 0.11; the studio called it healthy.
    const { history, setup } = loadFixture('shapes-adam-bouncing');
    cases.push({
      label: 'shapes-adam-bouncing: Adam at 0.01, validation swinging by up to 1.5 while training stays smooth',
      history,
      setup,
      must: ['validation-unstable'],
      mustNot: ['healthy', 'validation-spike', 'overfitting', 'diverging'],
      adviceMust: ['lower-learning-rate', 'larger-validation-split', 'larger-batches'],
      details: [
        {
          code: 'validation-unstable',
          params: { fromEpoch: 19, toEpoch: 30, rises: 2, largestFrom: 0.1288, largestTo: 1.54, largestEpoch: 24 },
        },
      ],
    });
  }
  add(
    'shapes-adam-bouncing',
    20,
    'one jump so far (epoch 16): a validation spike, not yet unstable',
    ['validation-spike'],
    ['validation-unstable', 'healthy'],
  );
  add('spirals-sgd-slow', null, 'SGD at lr 0.0005 crawls', ['learning-slowly'], except('learning-slowly'));
  add(
    'spirals-sgd-lr1',
    null,
    'SGD at lr 1 killed its ReLUs: dead layers, stuck at chance',
    ['vanishing-gradients', 'underfitting'],
    ['healthy'],
    ['raise-learning-rate'],
  );
  return cases;
}

function diagnosisCases(): DiagnosisCase[] {
  return [...synthetic(), ...recorded()];
}

function failures(cases: readonly DiagnosisCase[], thresholds: DiagnosisThresholds = DIAGNOSIS_THRESHOLDS): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const verdicts = diagnose(c.history, c.setup, thresholds);
    const codes = verdicts.map((v) => v.code);
    const advice = verdicts.flatMap((v) => v.advice.map((a) => a.code));
    for (const code of c.must)
      if (!codes.includes(code)) out.push(`${c.label}: missing ${code} (got ${codes.join(', ')})`);
    for (const code of c.mustNot) if (codes.includes(code)) out.push(`${c.label}: must not be ${code}`);
    for (const code of c.adviceMust ?? []) if (!advice.includes(code)) out.push(`${c.label}: missing advice ${code}`);
    for (const code of c.adviceMustNot ?? [])
      if (advice.includes(code)) out.push(`${c.label}: must not advise ${code}`);
    for (const want of c.details ?? []) {
      const got = verdicts.find((v) => v.code === want.code);
      if (!got) continue; // reported as missing above when it is a must
      if (want.severity && got.severity !== want.severity)
        out.push(`${c.label}: ${want.code} is ${got.severity}, not ${want.severity}`);
      for (const [name, value] of Object.entries(want.params ?? {})) {
        if (got.params[name] !== value)
          out.push(`${c.label}: ${want.code}.${name} is ${got.params[name]}, not ${value}`);
      }
    }
  }
  return out;
}

const cases = diagnosisCases();

describe('diagnosis on labelled histories', () => {
  it('has at least 40 labelled histories, among them every recorded fixture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const used = new Set(cases.map((c) => c.label.split(/[ :]/)[0]));
    for (const name of fixtureNames()) expect(used, name).toContain(name);
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', (_, c) => {
    expect(failures([c])).toEqual([]);
  });

  it('gives the same verdicts for the same history, every time', () => {
    for (const c of cases) expect(diagnose(c.history, c.setup)).toEqual(diagnose(c.history, c.setup));
  });
});

// Threshold moves (±30%) that no labelled case catches: the test fails when this list is out of date either way.
// overfitEpochsPastBest × 0.7 (3 → 2): the 5-epoch trailing median already puts the smoothed best two epochs after
// the raw one, so two epochs past it never decide alone.
const NOT_YET_PINNED = new Set(['overfitEpochsPastBest×0.7']);

describe('overfitting against noise', () => {
  // Validation falls to 0.5 by epoch 9, then rises by `rise` over 21 epochs, times (1 + sigma * normal noise).
  const noisyRun = (seed: number, sigma: number, rise: number) => {
    const rng = new Rng(seed);
    const val = range(
      30,
      (i) => (i <= 8 ? 0.6 - (0.1 / 8) * i : 0.5 * (1 + (rise * (i - 8)) / 21)) * (1 + sigma * rng.normal()),
    );
    return run(decay(30, 1.0, 0.05, 0.15), val);
  };
  const overfits = (h: EpochRecord[]) => diagnose(h).some((v) => v.code === 'overfitting');

  it('never calls a flat validation loss with 4% noise overfitting (50 seeds)', () => {
    for (let seed = 1; seed <= 50; seed++) expect(overfits(noisyRun(seed, 0.04, 0)), `seed ${seed}`).toBe(false);
  });

  it('always finds a 30% rise through 2% noise (50 seeds)', () => {
    for (let seed = 1; seed <= 50; seed++) expect(overfits(noisyRun(seed, 0.02, 0.3)), `seed ${seed}`).toBe(true);
  });
});

describe('validation instability against noise', () => {
  // Validation falls to 0.5 by epoch 6 and stays, or decays from 1.1 to 0.3, times (1 + 8% normal noise): the
  // epoch-to-epoch jitter of a small validation split; training falls smoothly.
  const noisyRun = (seed: number, flat: boolean) => {
    const rng = new Rng(seed);
    const base = flat ? range(30, (i) => (i < 6 ? 1.1 - 0.1 * i : 0.5)) : decay(30, 1.1, 0.3, 0.15);
    return run(
      decay(30, 1.0, 0.2, 0.15),
      base.map((v) => v * (1 + 0.08 * rng.normal())),
    );
  };
  const unstable = (h: EpochRecord[]) => diagnose(h, { numClasses: 3 }).some((v) => v.code === 'validation-unstable');

  it('never calls 8% noise on a flat or falling validation loss unstable (50 seeds each)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      expect(unstable(noisyRun(seed, true)), `flat, seed ${seed}`).toBe(false);
      expect(unstable(noisyRun(seed, false)), `falling, seed ${seed}`).toBe(false);
    }
  });

  it('always finds validation alternating 0.4 ↔ 0.6 through 5% noise (50 seeds)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rng = new Rng(seed);
      const tail = alternating(12, 0.4, 0.6).map((v) => v * (1 + 0.05 * rng.normal()));
      expect(unstable(settlesThen(10, 0.5, tail)), `seed ${seed}`).toBe(true);
    }
  });
});

describe('every threshold matters', () => {
  // Moving a threshold by 30% either way must break at least one labelled case: none is decoration.
  const keys = Object.keys(DIAGNOSIS_THRESHOLDS) as Array<keyof DiagnosisThresholds>;
  const baseline = new Set(failures(cases));
  it.each(
    keys.flatMap(
      (key) =>
        [
          [key, 0.7],
          [key, 1.3],
        ] as const,
    ),
  )('%s × %s breaks a labelled case (or is listed as not yet pinned)', (key, factor) => {
    const changed = { ...DIAGNOSIS_THRESHOLDS, [key]: DIAGNOSIS_THRESHOLDS[key] * factor };
    const caught = failures(cases, changed).some((f) => !baseline.has(f));
    expect(caught, `${key}×${factor}`).toBe(!NOT_YET_PINNED.has(`${key}×${factor}`));
  });
});
