// Verdicts read from the loss curves of a run with finite losses: diverging, a loss spike, overfitting, and the
// shape of a flat or slow curve (underfitting, learning slowly, plateau, converged). Each is decided from the whole
// history, so the same history always gives the same verdict; overfitting and flatness sweep the history epoch by
// epoch with separate thresholds to enter and to leave, so a prefix's verdict changes only on clear evidence.
import type { VerdictCode } from './diagnosisCodes';
import { argMin, median, percent, round4, SlidingMedian, trailingMedian } from './diagnosisMath';
import type { RunSetup } from './diagnosisSetup';
import type { DiagnosisThresholds } from './diagnosisThresholds';
import type { EpochRecord } from './diagnose';

/** A verdict before its advice is chosen. */
export interface Finding {
  code: VerdictCode;
  severity: 'info' | 'warning' | 'error';
  params: Record<string, number | string>;
}

/**
 * The epoch-to-epoch noise of a series up to index i: the median distance of each value from the median of it and two
 * neighbours on each side, over the last few windows (zero on a straight line, large for a loss that swings from epoch
 * to epoch on a tiny split or with heavy dropout).
 */
function noiseOf(
  values: readonly number[],
  th: DiagnosisThresholds,
  window = 4 * Math.max(1, Math.round(th.smoothingEpochs)),
): (i: number) => number {
  const neighbours = new SlidingMedian(values);
  const residual = values.map((v, j) =>
    j < 2 || j > values.length - 3 ? NaN : Math.abs(v - neighbours.median(j - 2, j + 3)),
  );
  const windows = new SlidingMedian(residual);
  return (i) => {
    const typical = windows.median(Math.max(2, i - window), i - 1);
    // The median absolute residual scaled (×1.4826) to a standard deviation for normally distributed noise.
    return Number.isNaN(typical) ? 0 : 1.4826 * typical;
  };
}

export function divergingLoss(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  const n = history.length;
  const train = history.map((r) => r.trainLoss);
  let rising = 0;
  while (rising < n - 1 && train[n - 1 - rising] > train[n - 2 - rising]) rising++;
  if (rising < Math.round(th.divergeRisingEpochs)) return null;
  // Judged against the best of the trailing median, and the smoothed rise must stand above the epoch-to-epoch noise:
  // a few rising epochs on a tiny, noisy split do not count.
  const smooth = trailingMedian(train, th.smoothingEpochs);
  const smoothBest = Math.min(...smooth);
  const best = argMin(train);
  const factor = train[n - 1] / smoothBest;
  if (!(factor >= 1 + th.divergeWarningRise)) return null;
  if (!(smooth[n - 1] - smoothBest > th.noiseMultiple * noiseOf(train, th)(n))) return null;
  // A loss still at the level called converged (a twentieth of guessing's, or of the mean's for numbers) has not left
  // it: spirals fitted long ago at Adam 0.01 wobble from 0.003 to 0.013, four times their best and 1 % of guessing,
  // and come back. Not against a first epoch's loss, which one that blew up would make large enough to hide anything.
  const ref = reference(history, setup, th);
  if (ref.kind !== 'first-epoch' && train[n - 1] <= th.convergedFraction * ref.value) return null;
  return {
    code: 'diverging',
    severity: factor >= th.divergeErrorFactor ? 'error' : 'warning',
    params: {
      bestEpoch: history[best].epoch,
      bestLoss: round4(train[best]),
      loss: round4(train[n - 1]),
      risingEpochs: rising,
      factor: round4(factor),
      learningRate: round4(history[n - 1].lr),
    },
  };
}

/**
 * A penalty stronger than the data: with L1, L2 or weight decay on, training minimizes the data loss plus the
 * penalty, and a penalty that wins pulls the weights back toward zero, so the training loss (the data's part, as
 * recorded) climbs from its lowest toward what a model that learned nothing scores, and no further. Spirals with an
 * L2 penalty of 0.5: 0.80 at epoch 6, 0.93 at epoch 30 (85 % of guessing), accuracy stuck at 54 %; before this
 * verdict it read "healthy", and a larger climb would have read "diverging: steps too large". A climb well past the
 * reference is divergence all the same (divergingLoss).
 */
export function overRegularized(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  if (!setup.weightDecay && !setup.l1) return null;
  const ref = reference(history, setup, th);
  const n = history.length;
  const span = Math.max(1, Math.round(th.flatEpochs));
  if (ref.kind === 'first-epoch' || n < 2 * span) return null;
  const train = history.map((r) => r.trainLoss);
  const smooth = trailingMedian(train, th.smoothingEpochs);
  const lowest = argMin(smooth);
  const last = smooth[n - 1];
  const rise = last - smooth[lowest];
  // Risen by a tenth of its lowest and beyond the epoch-to-epoch noise, still climbing over the last window, and
  // never well above the reference.
  if (rise < th.overfitRiseOfBest * smooth[lowest] || !(rise > th.noiseMultiple * noiseOf(train, th)(n))) return null;
  if (last < smooth[n - 1 - span]) return null;
  if (Math.max(...train.slice(lowest)) > ref.value * (1 + th.divergeWarningRise)) return null;
  // A loss still at the level called converged fits its data, penalty or not: a wobble there is no underfit.
  if (last <= th.convergedFraction * ref.value) return null;
  return {
    code: 'over-regularized',
    severity: 'warning',
    params: {
      lowestEpoch: history[lowest].epoch,
      lowestLoss: round4(smooth[lowest]),
      loss: round4(train[n - 1]),
      percentOfReference: percent(train[n - 1] / ref.value),
      reference: round4(ref.value),
      referenceKind: ref.kind,
    },
  };
}

/**
 * The latest recent index of `values` that jumped spikeFactor times above every one of the epochs before it, and by
 * at least spikeRiseOfReference of the reference loss `ref`, with the median of those epochs. Older spikes are
 * history, not news: only the last two flat windows count.
 */
function latestSpike(
  values: readonly number[],
  ref: number,
  th: DiagnosisThresholds,
): { at: number; before: number } | null {
  const n = values.length;
  const from = Math.max(3, n - 2 * Math.round(th.flatEpochs));
  for (let j = n - 1; j >= from; j--) {
    if (!spikesAt(values, j, th)) continue;
    const previous = before(values, j, th);
    if (values[j] - Math.max(...previous) >= th.spikeRiseOfReference * ref) return { at: j, before: median(previous) };
  }
  return null;
}

/** The epochs a spike at j is measured against: the smoothing window before it. */
function before(values: readonly number[], j: number, th: DiagnosisThresholds): number[] {
  return values.slice(Math.max(0, j - Math.max(1, Math.round(th.smoothingEpochs))), j);
}

/** Far above every one of the epochs before, so a noisy curve's ordinary ups and downs are not spikes. */
function spikesAt(values: readonly number[], j: number, th: DiagnosisThresholds): boolean {
  const previous = before(values, j, th);
  return median(previous) > 0 && values[j] >= th.spikeFactor * Math.max(...previous);
}

/** What may be left of a spike, as a share of the rise that counts as one, and the spike still be over. */
const SPIKE_LEFT_OF_RISE = 0.1;

/** A spike of `values` (one per record) as a finding: recovered once the last value is back near where it was. */
function spikeFinding(
  code: 'loss-spike' | 'validation-spike',
  records: readonly EpochRecord[],
  values: readonly number[],
  spike: { at: number; before: number },
  th: DiagnosisThresholds,
  ref: number,
): Finding {
  // Back near where it was: within spikeRecoveredFactor of it, or above it by less than a tenth of what counts as a
  // spike (a validation loss of 0.0001 that jumped to 0.04 and stands at 0.00023 is back, though 2.3 times its level;
  // a training loss of 0.014 still at 0.024 on three classes, 0.01 above, is not).
  const now = values[values.length - 1];
  // The jump's top: it may go on climbing for an epoch or two after the epoch that set it off (noisy-curve with
  // RMSProp: 0.035, then 4.4 at epoch 35 and 5.1 at epoch 36); the sentence's peak is the highest it reached.
  let top = spike.at;
  while (top + 1 < values.length && values[top + 1] > values[top]) top++;
  const within = now <= spike.before * th.spikeRecoveredFactor;
  const recovered = within || now - spike.before < SPIKE_LEFT_OF_RISE * th.spikeRiseOfReference * ref;
  return {
    code,
    severity: recovered ? 'info' : 'warning',
    params: {
      epoch: records[spike.at].epoch,
      before: round4(spike.before),
      peak: round4(values[top]),
      factor: round4(values[top] / spike.before),
      recovered: recovered ? 'yes' : 'no',
    },
  };
}

/**
 * One of the first epochs' training loss at blowupFactor times or more the loss of a model that learned nothing
 * (chance, or the baseline; a first-epoch reference cannot say): the first steps threw the weights far off. Whether
 * both losses have since come back below that reference is its `recovered`, and its severity.
 */
export function earlyBlowup(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds): Finding | null {
  const ref = reference(history, setup, th);
  if (ref.kind === 'first-epoch' || !(ref.value > 0)) return null;
  const first = history.slice(0, Math.max(1, Math.round(th.minEpochs)));
  const worst = first.reduce((a, b) => (b.trainLoss > a.trainLoss ? b : a));
  if (!(worst.trainLoss >= th.blowupFactor * ref.value)) return null;
  // Come back: both losses of the last epoch below the reference (a validation loss still far above it is not).
  const last = history[history.length - 1];
  const recovered = last.trainLoss < ref.value && (last.valLoss === undefined || last.valLoss < ref.value);
  return {
    code: 'early-blowup',
    severity: recovered ? 'info' : 'warning',
    params: {
      epoch: worst.epoch,
      loss: round4(worst.trainLoss),
      factor: round4(worst.trainLoss / ref.value),
      reference: round4(ref.value),
      referenceKind: ref.kind,
      recovered: recovered ? 'yes' : 'no',
    },
  };
}

/** The latest epoch whose training loss jumped as latestSpike says, if recent. */
export function lossSpike(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds): Finding | null {
  const train = history.map((r) => r.trainLoss);
  const ref = reference(history, setup, th).value;
  const spike = latestSpike(train, ref, th);
  return spike ? spikeFinding('loss-spike', history, train, spike, th, ref) : null;
}

/**
 * The latest recent epoch whose validation loss jumped as a loss spike does while the training loss did not: the
 * weights at that epoch's end were briefly worse than the epoch's steps on average (or, with batch norm, the running
 * statistics evaluation uses lagged behind them).
 */
export function validationSpike(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  const records = history.filter((r) => r.valLoss !== undefined);
  const val = records.map((r) => r.valLoss!);
  const ref = reference(history, setup, th).value;
  const spike = latestSpike(val, ref, th);
  const train = records.map((r) => r.trainLoss);
  if (!spike || spikesAt(train, spike.at, th)) return null;
  return spikeFinding('validation-spike', records, val, spike, th, ref);
}

export function overfitting(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds): Finding | null {
  const records = history.filter((r) => r.valLoss !== undefined);
  const n = records.length;
  if (n < th.minEpochs) return null;
  // Training at the level called converged (see curveShape) has nothing left to fall: there, a validation loss that
  // climbs is the gap widening all the same (spirals at Adam 0.01: 0.03 to 0.71 over 600 epochs, training flat at
  // 0.002, the wrong predictions ever surer). Only against guessing or the mean, as for divergence.
  const ref = reference(history, setup, th);
  const fitted = ref.kind === 'first-epoch' ? 0 : th.convergedFraction * ref.value;
  const val = records.map((r) => r.valLoss!);
  const train = records.map((r) => r.trainLoss);
  const sv = trailingMedian(val, th.smoothingEpochs);
  const st = trailingMedian(train, th.smoothingEpochs);
  const valNoise = noiseOf(val, th);
  const trainNoise = noiseOf(train, th);
  let state = false;
  let best = 0;
  let highest = sv[0];
  // The highest smoothed validation loss before the best: what validation gained is peakBefore - sv[best].
  let peakBefore = sv[0];
  // How far the validation loss stood above its best at the epoch before, smoothed or as it was (the smoothed one
  // lags a sharp rise). Entering needs one of them at half of what the rise now needs (the exit's fraction): a rise
  // builds over epochs, while a series alternating low, high, low… is back at its best every other epoch, and so is
  // its median over an odd window, which flips between the two levels: no rise, whatever its size.
  let riseBefore = 0;
  // Whether training fell measurably since the validation's best, by epoch i.
  const trainFell = (i: number) =>
    st[best] - st[i] >= Math.max(th.overfitTrainFall * st[best], th.noiseMultiple * trainNoise(i));
  for (let i = 0; i < n; i++) {
    highest = Math.max(highest, sv[i]);
    // The best is taken among smoothed values over a full window, not a lone first epoch.
    const full = i >= Math.round(th.smoothingEpochs) - 1;
    if (full && (best < Math.round(th.smoothingEpochs) - 1 || sv[i] < sv[best])) best = i;
    if (best === i) peakBefore = highest;
    if (i + 1 < th.minEpochs) continue;
    // What validation gained on its way to the best, counted from no higher than a model that learned nothing
    // (chance, or the mean's loss) where that is known: a blow-up in the first epochs (a 1-200-200-1 network's
    // validation loss at 100 against a baseline of 0.9) is no gain, and counted as one it would make any later rise
    // look like noise.
    const start = ref.kind === 'first-epoch' ? peakBefore : Math.min(peakBefore, ref.value);
    const gain = Math.max(0, start - sv[best]);
    const need = Math.max(th.overfitRiseOfBest * sv[best], th.overfitRiseOfGain * gain, th.noiseMultiple * valNoise(i));
    const rise = sv[i] - sv[best];
    // A validation loss below the training loss (dropout, augmentation, an easy split) is never overfitting.
    const above = val[i] > train[i] && sv[i] > st[i];
    if (!state) {
      const building = riseBefore >= need * th.overfitExitFraction;
      state =
        i - best >= Math.round(th.overfitEpochsPastBest) &&
        rise >= need &&
        building &&
        (st[i] <= fitted || trainFell(i)) &&
        above;
    } else {
      state = rise >= need * th.overfitExitFraction && above;
    }
    riseBefore = Math.max(rise, val[i] - sv[best]);
  }
  if (!state) return null;
  const lowest = argMin(val);
  // The verdict is read on the smoothed curve, its numbers on the curve as drawn: a latest epoch at (or below) the
  // lowest validation loss so far, which the smoothing lags behind, has not "risen since", whatever the medians say.
  if (val[n - 1] <= val[lowest]) return null;
  const last = records[n - 1];
  return {
    code: 'overfitting',
    severity: 'warning',
    params: {
      bestEpoch: records[lowest].epoch,
      bestValLoss: round4(val[lowest]),
      valLoss: round4(last.valLoss!),
      trainLoss: round4(last.trainLoss),
      gap: round4(last.valLoss! - last.trainLoss),
      // The rise of the numbers the sentence shows (the curve as drawn), not of the medians the verdict was read on.
      risePercent: percent((last.valLoss! - val[lowest]) / val[lowest]),
      // The sentence says whether training fell or stayed (fitted) since that best.
      training: trainFell(n - 1) ? 'fell' : 'flat',
    },
  };
}

/** The loss a model that learned nothing would have, and what the other thresholds call high against it. */
export function reference(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds) {
  if (setup.baselineLoss !== undefined)
    return { value: setup.baselineLoss, kind: 'baseline', high: th.highFractionOfBaseline };
  if (setup.numClasses !== undefined && setup.numClasses >= 2)
    return { value: Math.log(setup.numClasses), kind: 'chance', high: th.highFractionOfBaseline };
  return { value: history[0].trainLoss, kind: 'first-epoch', high: th.highFractionOfFirstEpoch };
}

/** Underfitting, plateau or converged when the training loss is flat; learning slowly when high and barely falling. */
export function curveShape(history: readonly EpochRecord[], setup: RunSetup, th: DiagnosisThresholds): Finding | null {
  const n = history.length;
  const span = Math.max(1, Math.round(th.flatEpochs));
  if (n < 2 * span) return null;
  const train = history.map((r) => r.trainLoss);
  const change = (i: number) => {
    const before = median(train.slice(i - 2 * span + 1, i - span + 1));
    const recent = median(train.slice(i - span + 1, i + 1));
    return { before, recent, relative: (before - recent) / Math.abs(before) };
  };
  const ref = reference(history, setup, th);
  const smooth = trailingMedian(train, span);
  if (smooth[n - 1] <= th.convergedFraction * ref.value && smooth[n - 1 - span] <= th.convergedFraction * ref.value) {
    let since = n - 1;
    while (since > 0 && smooth[since - 1] <= th.convergedFraction * ref.value) since--;
    return {
      code: 'converged',
      severity: 'info',
      params: {
        trainLoss: round4(smooth[n - 1]),
        percentOfReference: percent(smooth[n - 1] / ref.value),
        referenceKind: ref.kind,
        sinceEpoch: history[since].epoch,
      },
    };
  }
  // A change between the two windows' medians that the epoch-to-epoch noise alone would make is no change: a median of
  // `span` values varies about 1.25 σ / √span, the difference of two such √2 times that. So a loss that hovers at one
  // level with noise is flat too, not left without a verdict because its medians moved a few percent. The noise is
  // that of the two windows only: a smooth steep fall before them has no residuals and would hide it.
  const trainNoise = noiseOf(train, th, 2 * span);
  const noiseChange = (i: number) => (th.noiseMultiple * trainNoise(i + 1) * 1.25 * Math.SQRT2) / Math.sqrt(span);
  let flat = false;
  let flatSince = 0;
  for (let i = 2 * span - 1; i < n; i++) {
    const { before, relative } = change(i);
    const noise = noiseChange(i) / Math.abs(before);
    const next: boolean = flat
      ? Math.abs(relative) <= Math.max(th.flatExitChange, noise)
      : Math.abs(relative) < Math.max(th.flatEnterChange, noise);
    if (next && !flat) flatSince = i - span + 1;
    flat = next;
  }
  const { recent, relative } = change(n - 1);
  const last = history[n - 1];
  // A classifier right on nearly every training sample whose loss is still high has a few samples it is very
  // confidently wrong about (their losses dominate the mean): that is no failure to fit, so neither underfitting nor
  // learning slowly is said of it.
  const fits = last.trainAccuracy !== undefined && last.trainAccuracy >= th.fittedAccuracy;
  const ofReference = fits ? 0 : recent / ref.value;
  const shared = {
    trainLoss: round4(recent),
    reference: round4(ref.value),
    referenceKind: ref.kind,
    percentOfReference: percent(ofReference),
  };
  if (!flat) {
    const perEpoch = relative / span;
    if (ofReference >= ref.high && perEpoch > 0 && perEpoch < th.slowFallPerEpoch) {
      return {
        code: 'learning-slowly',
        severity: 'warning',
        params: { ...shared, fallPercentPerEpoch: percent(perEpoch) },
      };
    }
    return null;
  }
  const since = history[flatSince].epoch;
  const valRecent = history
    .slice(-span)
    .map((r) => r.valLoss)
    .filter((v): v is number => v !== undefined);
  const valOk = valRecent.length === 0 || median(valRecent) <= recent * th.underfitMaxGapFactor;
  if (ofReference >= ref.high && valOk) {
    return { code: 'underfitting', severity: 'warning', params: { ...shared, sinceEpoch: since } };
  }
  return {
    code: 'plateau',
    severity: 'info',
    params: {
      trainLoss: round4(recent),
      changePercent: percent(Math.abs(relative)),
      epochs: span,
      sinceEpoch: since,
      learningRate: round4(last.lr),
    },
  };
}
