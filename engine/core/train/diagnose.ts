// The diagnosis of a training run from its epoch history: verdicts (overfitting, underfitting, divergence, spikes,
// plateaus, gradient trouble, healthy) as stable codes with the numbers that justify them, each with advice codes
// chosen for the run's own setup; and the verdict when the loss becomes NaN or infinite mid-epoch.
import { adviceFor } from './diagnosisAdvice';
import type { Verdict } from './diagnosisCodes';
import { explodingGradients, nonFiniteGradients, vanishingGradients } from './diagnosisGradients';
import {
  curveShape,
  divergingLoss,
  earlyBlowup,
  lossSpike,
  overfitting,
  overRegularized,
  validationSpike,
  type Finding,
} from './diagnosisLoss';
import { round4 } from './diagnosisMath';
import type { RunSetup } from './diagnosisSetup';
import { trainingUnstable, validationUnstable } from './diagnosisSwings';
import { DIAGNOSIS_THRESHOLDS, type DiagnosisThresholds } from './diagnosisThresholds';

export type { Advice, AdviceCode, Verdict, VerdictCode } from './diagnosisCodes';
export { ADVICE_CODES, VERDICT_CODES } from './diagnosisCodes';
export type { RunSetup } from './diagnosisSetup';
export { runSetup } from './diagnosisSetup';

export interface EpochRecord {
  /** The epoch number as the run reports it; verdicts quote it unchanged. */
  epoch: number;
  trainLoss: number;
  valLoss?: number;
  trainAccuracy?: number;
  valAccuracy?: number;
  lr: number;
  /** L2 norm of each layer's parameter gradients (keyed by layer id, in network order), e.g. averaged over the epoch. */
  gradNorms?: Record<string, number>;
  /** L2 norm of each layer's weights at the end of the epoch. */
  weightNorms?: Record<string, number>;
}

/**
 * The verdicts on a history, most serious first; 'healthy' or 'too-early' when nothing is wrong. The same history
 * and setup always give the same verdicts.
 */
export function diagnose(
  history: readonly EpochRecord[],
  setup: RunSetup = {},
  thresholds: DiagnosisThresholds = DIAGNOSIS_THRESHOLDS,
): Verdict[] {
  if (history.length === 0) return [];
  return findings(history, setup, thresholds).map((f) => ({ ...f, advice: adviceFor(f, setup, history) }));
}

function findings(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds): Finding[] {
  const gradientOverflow = nonFiniteGradients(history);
  const broken = nonFinite(history);
  if (broken) return gradientOverflow ? [broken, gradientOverflow] : [broken];
  const found: Finding[] = [];
  if (gradientOverflow) found.push(gradientOverflow);
  // Told as soon as it happens: a first epoch far above guessing needs no trend to be judged.
  const blowup = earlyBlowup(history, setup, th);
  if (blowup) found.push(blowup);
  if (history.length < th.minEpochs) {
    if (found.length === 0)
      found.push({
        code: 'too-early',
        severity: 'info',
        params: { epochs: history.length, needed: Math.round(th.minEpochs) },
      });
    return found;
  }
  // A penalty pulling the weights back raises the training loss without any step going wrong: not divergence.
  const heldBack = overRegularized(history, setup, th);
  const diverging = heldBack ? null : divergingLoss(history, setup, th);
  // Repeated jumps of the training loss include any single spike among them: the instability is the one verdict.
  const thrashing = diverging ? null : trainingUnstable(history, setup, th);
  const spike = diverging || thrashing ? null : lossSpike(history, setup, th);
  if (diverging) found.push(diverging);
  if (thrashing) found.push(thrashing);
  if (spike) found.push(spike);
  // Repeated swings include any single jump among them: the instability is the one verdict then. Its sentence says the
  // training loss moved far less, which a training loss that spiked or thrashed itself did not (RMSProp on noisy-curve:
  // training 0.035 -> 5.1 and back beside validation's swings): the training verdict tells that run.
  const unstable = diverging || thrashing || spike ? null : validationUnstable(history, setup, th);
  const validationJump = diverging || unstable ? null : validationSpike(history, setup, th);
  if (unstable) found.push(unstable);
  if (validationJump) found.push(validationJump);
  if (!gradientOverflow) {
    const exploding = explodingGradients(history, th);
    if (exploding) found.push(exploding);
  }
  const vanishing = vanishingGradients(history, setup, th);
  if (vanishing) found.push(vanishing);
  if (!diverging) {
    // Until a spike has passed, the curve's shape (flat, converged, slow) cannot be judged.
    const unsettled = spike !== null && spike.params.recovered === 'no';
    const shape = heldBack ?? overfitting(history, setup, th) ?? (unsettled ? null : curveShape(history, setup, th));
    if (shape) found.push(shape);
  }
  if (found.length === 0) found.push(healthy(history));
  return found;
}

/** The first epoch whose weights or losses are NaN or infinite: nothing after it can be judged. */
function nonFinite(history: readonly EpochRecord[]): Finding | null {
  const bad = history.find(
    (r) => !Number.isFinite(r.trainLoss) || (r.valLoss !== undefined && !Number.isFinite(r.valLoss)),
  );
  const badWeights = history.find(
    (r) => r.weightNorms && Object.values(r.weightNorms).some((w) => !Number.isFinite(w)),
  );
  if (badWeights && (!bad || badWeights.epoch < bad.epoch)) {
    const layer = Object.entries(badWeights.weightNorms!).find(([, w]) => !Number.isFinite(w))![0];
    return {
      code: 'non-finite-weights',
      severity: 'error',
      params: { epoch: badWeights.epoch, layer, learningRate: round4(badWeights.lr) },
    };
  }
  if (!bad) return null;
  const split = Number.isFinite(bad.trainLoss) ? 'validation' : 'training';
  return {
    code: 'non-finite-loss',
    severity: 'error',
    params: { epoch: bad.epoch, split, learningRate: round4(bad.lr) },
  };
}

function healthy(history: readonly EpochRecord[]): Finding {
  const first = history[0];
  const last = history[history.length - 1];
  const params: Record<string, number> = { firstLoss: round4(first.trainLoss), lastLoss: round4(last.trainLoss) };
  if (first.valLoss !== undefined && last.valLoss !== undefined) {
    params.firstValLoss = round4(first.valLoss);
    params.lastValLoss = round4(last.valLoss);
  }
  return { code: 'healthy', severity: 'info', params };
}

/** Where a training loss became NaN or infinite mid-epoch (before the epoch could be recorded). */
export interface NonFiniteLossInfo {
  epoch: number;
  /** The step within the epoch, from 1. */
  step: number;
  lr: number;
  gradNorm?: number;
  optimizer: string;
}

/** The verdict on a run stopped mid-epoch by a NaN or infinite loss: its history may not even have one epoch. */
export function nonFiniteLossVerdict(info: NonFiniteLossInfo, setup: RunSetup = {}): Verdict {
  const finding: Finding = {
    code: 'non-finite-loss',
    severity: 'error',
    params: { epoch: info.epoch, split: 'training', learningRate: round4(info.lr), step: info.step },
  };
  return { ...finding, advice: adviceFor(finding, setup, [{ epoch: info.epoch, trainLoss: NaN, lr: info.lr }]) };
}
