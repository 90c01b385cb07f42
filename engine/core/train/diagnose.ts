// Plain-language diagnosis of a training run from its epoch history (overfitting, underfitting, divergence,
// vanishing or exploding gradients, plateaus), and the message shown when the loss becomes NaN or infinite.

export interface EpochRecord {
  /** The epoch number as the run reports it; messages quote it unchanged. */
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

export type DiagnosisKind =
  | 'overfitting'
  | 'underfitting'
  | 'diverging'
  | 'vanishing-gradients'
  | 'exploding-gradients'
  | 'plateau'
  | 'healthy';

export interface Diagnosis {
  kind: DiagnosisKind;
  severity: 'info' | 'warning' | 'error';
  message: string;
  suggestions: string[];
  /** The epoch (as recorded) where the problem began. */
  sinceEpoch?: number;
  /** The layer id concerned, for gradient problems. */
  layer?: string;
}

export interface DiagnoseOptions {
  /** For classification: lets "high loss" be judged against chance, ln(numClasses), rather than the first epoch. */
  numClasses?: number;
  /**
   * The loss of a model that has learned nothing, when known otherwise (e.g. the variance of standardized regression
   * targets, about 1, for MSE). Takes precedence over numClasses.
   */
  baselineLoss?: number;
}

// Trailing mean over this many epochs before judging a trend: long enough that epoch-to-epoch noise in the validation
// loss does not look like a rise, short enough to react within a few epochs.
const SMOOTHING_EPOCHS = 3;
// Trends (overfitting, diverging) need a few epochs; flatness compares the mean of the last FLAT_EPOCHS epochs with
// the mean of the FLAT_EPOCHS before, so it needs twice as many.
const MIN_EPOCHS_FOR_TRENDS = 4;
const FLAT_EPOCHS = 3;
// Less than 1% improvement between those two windows counts as flat: a learning model usually gains several percent.
const FLAT_RELATIVE_CHANGE = 0.01;
// Overfitting: the smoothed validation loss must have risen for this many epochs past its minimum, by at least this
// fraction of it (above the noise of a plateau), while the smoothed training loss fell by at least the last fraction.
const OVERFIT_RISING_EPOCHS = 3;
const OVERFIT_MIN_RISE = 0.05;
const OVERFIT_MIN_TRAIN_FALL = 0.02;
// Diverging: training loss (an epoch average, so little noise) rising every epoch for this many epochs and this far
// above its best is a warning; twice its best or more is an error. Cyclic schedules move the loss far less than that.
const DIVERGE_RISING_EPOCHS = 3;
const DIVERGE_WARNING_RISE = 0.2;
const DIVERGE_ERROR_FACTOR = 2;
// Underfitting: still above this fraction of the loss of a model that learned nothing (chance level ln(C) for
// classification) once flat. At 0.6 * ln(C) a classifier is still far from confident on its own training data.
const UNDERFIT_HIGH_FRACTION = 0.6;
// Without such a baseline only the first epoch's loss is known, and it already includes an epoch of learning (a
// fast learner's first epoch can be its best); so demand that the loss has barely moved from it at all.
const UNDERFIT_HIGH_FRACTION_OF_FIRST_EPOCH = 0.9;
// ... and validation not far above training (otherwise the gap, not the fit, is the problem).
const UNDERFIT_MAX_GAP_FACTOR = 1.25;
// Vanishing: a layer's gradient norm this far below the median of the other layers (four orders of magnitude) or
// below the absolute floor (float32 rounding territory for typical weights) for the last VANISHING_EPOCHS epochs.
const VANISHING_RATIO = 1e-4;
const VANISHING_ABSOLUTE = 1e-7;
const VANISHING_EPOCHS = 2;
// A training loss this many times below the first epoch's means the network has fitted its data: every gradient is
// then tiny because there is nothing left to learn, not because it fails to reach the first layers.
const SOLVED_LOSS_FALL = 1e-3;
// Exploding: the total gradient norm grew this many times over its smallest earlier value, or this many times in one
// epoch. Healthy runs have their largest gradients early and shrink them; growth by orders of magnitude is a runaway.
const EXPLODING_GROWTH = 100;
const EXPLODING_GROWTH_PER_EPOCH = 10;

export function diagnose(history: EpochRecord[], options: DiagnoseOptions = {}): Diagnosis[] {
  if (history.length === 0) return [];
  const found: Diagnosis[] = [];
  const broken = nonFiniteLoss(history) ?? divergingLoss(history);
  if (broken) found.push(broken);
  const exploding = explodingGradients(history);
  if (exploding) found.push(exploding);
  const vanishing = vanishingGradients(history);
  if (vanishing) found.push(vanishing);
  if (!broken) {
    const overfit = overfitting(history);
    if (overfit) found.push(overfit);
    else {
      const flat = flatTraining(history, options);
      if (flat) found.push(flat);
    }
  }
  if (found.length === 0) found.push(healthy(history));
  return found;
}

function nonFiniteLoss(history: EpochRecord[]): Diagnosis | null {
  const bad = history.find((r) => !Number.isFinite(r.trainLoss) || (r.valLoss !== undefined && !Number.isFinite(r.valLoss)));
  const badWeights = history.find((r) => r.weightNorms && Object.values(r.weightNorms).some((w) => !Number.isFinite(w)));
  if (badWeights && (!bad || badWeights.epoch < bad.epoch)) {
    const layer = Object.entries(badWeights.weightNorms!).find(([, w]) => !Number.isFinite(w))![0];
    return {
      kind: 'diverging',
      severity: 'error',
      sinceEpoch: badWeights.epoch,
      layer,
      message: `The weights of layer ${layer} became NaN or infinite at epoch ${badWeights.epoch} (learning rate ${fmt(badWeights.lr)}): training has diverged.`,
      suggestions: DIVERGING_SUGGESTIONS,
    };
  }
  if (!bad) return null;
  const which = Number.isFinite(bad.trainLoss) ? 'validation' : 'training';
  return {
    kind: 'diverging',
    severity: 'error',
    sinceEpoch: bad.epoch,
    message: `The ${which} loss became NaN or infinite at epoch ${bad.epoch} (learning rate ${fmt(bad.lr)}): training has diverged and the weights are no longer usable.`,
    suggestions: DIVERGING_SUGGESTIONS,
  };
}

function divergingLoss(history: EpochRecord[]): Diagnosis | null {
  const n = history.length;
  if (n < DIVERGE_RISING_EPOCHS + 1) return null;
  for (let i = n - DIVERGE_RISING_EPOCHS; i < n; i++) if (!(history[i].trainLoss > history[i - 1].trainLoss)) return null;
  const bestIndex = argMin(history.map((r) => r.trainLoss));
  const best = history[bestIndex].trainLoss;
  const last = history[n - 1].trainLoss;
  if (!(last >= best * (1 + DIVERGE_WARNING_RISE))) return null;
  const severe = last >= best * DIVERGE_ERROR_FACTOR;
  const since = history[Math.min(bestIndex + 1, n - 1)].epoch;
  return {
    kind: 'diverging',
    severity: severe ? 'error' : 'warning',
    sinceEpoch: since,
    message:
      `The training loss has risen for ${DIVERGE_RISING_EPOCHS}+ epochs in a row, from ${fmt(best)} at epoch ${history[bestIndex].epoch} ` +
      `to ${fmt(last)} (learning rate ${fmt(history[n - 1].lr)}): the updates overshoot instead of descending.`,
    suggestions: DIVERGING_SUGGESTIONS,
  };
}

const DIVERGING_SUGGESTIONS = [
  'Lower the learning rate, for example by 10x.',
  'Turn on gradient clipping (maxNorm 1 is a good start).',
  'Add batch normalization after dense or convolution layers to keep activations in range.',
  'Check the data for NaN or very large values, and standardize the inputs.',
];

function layerSeries(history: EpochRecord[], key: 'gradNorms'): { epochs: EpochRecord[]; layers: string[] } {
  const epochs = history.filter((r) => r[key] && Object.keys(r[key]!).length > 0);
  const layers = epochs.length > 0 ? Object.keys(epochs[epochs.length - 1][key]!) : [];
  return { epochs, layers };
}

function explodingGradients(history: EpochRecord[]): Diagnosis | null {
  const { epochs, layers } = layerSeries(history, 'gradNorms');
  if (epochs.length === 0) return null;
  for (const record of epochs) {
    for (const [layer, norm] of Object.entries(record.gradNorms!)) {
      if (!Number.isFinite(norm)) {
        return {
          kind: 'exploding-gradients',
          severity: 'error',
          sinceEpoch: record.epoch,
          layer,
          message: `The gradient of layer ${layer} became ${norm} at epoch ${record.epoch}: the gradients overflowed.`,
          suggestions: EXPLODING_SUGGESTIONS,
        };
      }
    }
  }
  if (epochs.length < 2) return null;
  const totals = epochs.map((r) => Math.sqrt(Object.values(r.gradNorms!).reduce((s, g) => s + g * g, 0)));
  const last = totals.length - 1;
  const smallestIndex = argMin(totals.slice(0, last));
  const growth = totals[smallestIndex] > 0 ? totals[last] / totals[smallestIndex] : 0;
  // A jump in one epoch counts only once the norm is also above where training started: some networks (e.g. a
  // zero-initialized last layer) start with tiny gradients that grow quickly and harmlessly in the first epochs.
  const lastStep = totals[last - 1] > 0 && totals[last] > totals[0] ? totals[last] / totals[last - 1] : 0;
  if (!(growth >= EXPLODING_GROWTH || lastStep >= EXPLODING_GROWTH_PER_EPOCH)) return null;
  // Name the layer whose gradient grew the most over the same span.
  const from = lastStep >= EXPLODING_GROWTH_PER_EPOCH && growth < EXPLODING_GROWTH ? last - 1 : smallestIndex;
  let layer = layers[0];
  let worst = 0;
  for (const name of layers) {
    const before = epochs[from].gradNorms![name];
    const ratio = epochs[last].gradNorms![name] / (before > 0 ? before : Number.MIN_VALUE);
    if (ratio > worst) {
      worst = ratio;
      layer = name;
    }
  }
  const factor = totals[last] / totals[from];
  return {
    kind: 'exploding-gradients',
    severity: 'warning',
    sinceEpoch: epochs[from + 1].epoch,
    layer,
    message:
      `Gradients are exploding: their total norm grew ${fmt(factor)}x, from ${fmt(totals[from])} at epoch ${epochs[from].epoch} ` +
      `to ${fmt(totals[last])} at epoch ${epochs[last].epoch}, fastest in layer ${layer}.`,
    suggestions: EXPLODING_SUGGESTIONS,
  };
}

const EXPLODING_SUGGESTIONS = [
  'Turn on gradient clipping (maxNorm 1 is a good start).',
  'Lower the learning rate.',
  'Add batch normalization to keep activations, and so gradients, in range.',
  'Use a careful initialization (Kaiming for ReLU layers, Xavier for tanh or sigmoid).',
];

function vanishingGradients(history: EpochRecord[]): Diagnosis | null {
  const { epochs, layers } = layerSeries(history, 'gradNorms');
  if (epochs.length === 0) return null;
  const first = history[0].trainLoss;
  const last = history[history.length - 1].trainLoss;
  if (first > 0 && last >= 0 && last < first * SOLVED_LOSS_FALL) return null;
  const recent = epochs.slice(-VANISHING_EPOCHS);
  const isVanishing = (record: EpochRecord, layer: string): boolean => {
    const norms = record.gradNorms!;
    const norm = norms[layer];
    if (!(norm !== undefined && Number.isFinite(norm))) return false;
    if (norm <= VANISHING_ABSOLUTE) return true;
    const others = Object.entries(norms)
      .filter(([name, g]) => name !== layer && Number.isFinite(g))
      .map(([, g]) => g);
    return others.length > 0 && norm < median(others) * VANISHING_RATIO;
  };
  const flagged = layers.filter((layer) => recent.every((r) => isVanishing(r, layer)));
  if (flagged.length === 0) return null;
  const layer = flagged[0];
  // The epoch from which the first flagged layer has vanished without a break.
  let start = epochs.length - 1;
  while (start > 0 && isVanishing(epochs[start - 1], layer)) start--;
  const norm = epochs[epochs.length - 1].gradNorms![layer];
  const also = flagged.length > 1 ? ` Also affected: ${flagged.slice(1, 4).join(', ')}${flagged.length > 4 ? ', ...' : ''}.` : '';
  const what =
    norm === 0
      ? `receives no gradient at all, so its weights are not learning`
      : `has a gradient norm of ${fmt(norm)}, many orders of magnitude below the other layers, so it barely learns`;
  return {
    kind: 'vanishing-gradients',
    severity: 'warning',
    sinceEpoch: epochs[start].epoch,
    layer,
    message: `Layer ${layer} ${what}.${also}`,
    suggestions: [
      'Use ReLU, Leaky ReLU or GELU instead of sigmoid or tanh in hidden layers.',
      'Add batch normalization between layers.',
      'Use Kaiming initialization for ReLU layers.',
      'For a deep network, add residual (skip) connections.',
      'If many ReLU units are dead (always zero), lower the learning rate or use Leaky ReLU.',
    ],
  };
}

function overfitting(history: EpochRecord[]): Diagnosis | null {
  const records = history.filter((r) => r.valLoss !== undefined);
  const n = records.length;
  if (n < OVERFIT_RISING_EPOCHS + 2) return null;
  const val = trailingMean(records.map((r) => r.valLoss!));
  const train = trailingMean(records.map((r) => r.trainLoss));
  const best = argMin(val);
  const last = n - 1;
  if (last - best < OVERFIT_RISING_EPOCHS) return null;
  if (!(val[last] >= val[best] * (1 + OVERFIT_MIN_RISE))) return null;
  if (!(train[last] <= train[best] * (1 - OVERFIT_MIN_TRAIN_FALL))) return null;
  const lowest = records[argMin(records.map((r) => r.valLoss!))];
  const now = records[last];
  const gap = now.valLoss! - now.trainLoss;
  const accuracy =
    now.trainAccuracy !== undefined && now.valAccuracy !== undefined
      ? ` Training accuracy is ${pct(now.trainAccuracy)} against ${pct(now.valAccuracy)} on validation.`
      : '';
  return {
    kind: 'overfitting',
    severity: 'warning',
    sinceEpoch: lowest.epoch,
    message:
      `The model is overfitting: validation loss was lowest at epoch ${lowest.epoch} (${fmt(lowest.valLoss!)}) and has risen since, ` +
      `to ${fmt(now.valLoss!)}, while training loss kept falling to ${fmt(now.trainLoss)}. The gap is now ${fmt(gap)}.${accuracy} ` +
      `The model is memorizing the training examples instead of learning what carries over to new ones.`,
    suggestions: [
      'Add dropout, or raise the dropout rate.',
      'Add L2 regularization (weight decay), for example 1e-4.',
      `Use early stopping on val_loss with restoreBest, which would keep the weights from epoch ${lowest.epoch}.`,
      'Get more training data, or augment the data you have.',
      'Use a smaller model (fewer units or layers).',
    ],
  };
}

/** Underfitting when the flat loss is still high, otherwise an informational plateau. */
function flatTraining(history: EpochRecord[], options: DiagnoseOptions): Diagnosis | null {
  const n = history.length;
  if (n < 2 * FLAT_EPOCHS) return null;
  const losses = history.map((r) => r.trainLoss);
  const before = mean(losses.slice(n - 2 * FLAT_EPOCHS, n - FLAT_EPOCHS));
  const recent = mean(losses.slice(n - FLAT_EPOCHS));
  if (!((before - recent) / Math.abs(before) < FLAT_RELATIVE_CHANGE)) return null;

  const last = history[n - 1];
  const since = history[n - FLAT_EPOCHS].epoch;
  const chance = options.numClasses !== undefined && options.numClasses >= 2 ? Math.log(options.numClasses) : undefined;
  const baseline = options.baselineLoss ?? chance;
  const reference = baseline ?? history[0].trainLoss;
  const highFraction = baseline !== undefined ? UNDERFIT_HIGH_FRACTION : UNDERFIT_HIGH_FRACTION_OF_FIRST_EPOCH;
  const valOk = last.valLoss === undefined || last.valLoss <= last.trainLoss * UNDERFIT_MAX_GAP_FACTOR;
  if (last.trainLoss >= reference * highFraction && valOk) {
    const against =
      options.baselineLoss !== undefined
        ? `${pct(last.trainLoss / reference)} of the ${fmt(reference)} a model that learned nothing would get`
        : chance !== undefined
          ? `close to the ${fmt(chance)} of guessing among ${options.numClasses} classes`
          : `still ${pct(last.trainLoss / reference)} of the first epoch's ${fmt(reference)}`;
    const accuracy = last.trainAccuracy !== undefined ? ` (training accuracy ${pct(last.trainAccuracy)})` : '';
    return {
      kind: 'underfitting',
      severity: 'warning',
      sinceEpoch: since,
      message:
        `The model is underfitting: training loss has stopped improving at ${fmt(last.trainLoss)}${accuracy}, ${against}, ` +
        `and validation loss is just as high. The model is not capturing the pattern even on its training data.`,
      suggestions: [
        'Use a bigger model: more units per layer or more layers.',
        'Lower the regularization: less dropout, smaller L1/L2.',
        'Train for more epochs.',
        `Raise the learning rate (now ${fmt(last.lr)}), or try Adam if you use plain SGD.`,
        'Check that the inputs are standardized and the labels are right.',
      ],
    };
  }
  const lowered = last.lr < history[0].lr;
  return {
    kind: 'plateau',
    severity: 'info',
    sinceEpoch: since,
    message: `Training loss has levelled off around ${fmt(last.trainLoss)}: it changed by less than ${pct(FLAT_RELATIVE_CHANGE)} over the last ${FLAT_EPOCHS} epochs.`,
    suggestions: [
      'If the validation results are good enough, training is done: stop here, or let early stopping do it.',
      lowered
        ? `The learning rate is already down to ${fmt(last.lr)}; a larger model may be needed to go further.`
        : 'Lower the learning rate to settle further; a plateau or cosine schedule does this automatically.',
    ],
  };
}

function healthy(history: EpochRecord[]): Diagnosis {
  const first = history[0];
  const last = history[history.length - 1];
  if (history.length < MIN_EPOCHS_FOR_TRENDS) {
    return {
      kind: 'healthy',
      severity: 'info',
      message: `No problems so far; ${history.length} epoch${history.length === 1 ? '' : 's'} are too few to judge trends.`,
      suggestions: [],
    };
  }
  const val = first.valLoss !== undefined && last.valLoss !== undefined ? `; validation loss ${fmt(first.valLoss)} → ${fmt(last.valLoss)}` : '';
  return {
    kind: 'healthy',
    severity: 'info',
    message: `Training looks healthy: training loss ${fmt(first.trainLoss)} → ${fmt(last.trainLoss)}${val}.`,
    suggestions: [],
  };
}

// nonFiniteLossMessage: a gradient norm this large (the global L2 norm of a mean-reduced loss's gradients is usually
// well below 100 on standardized data) means the last updates were blowing up.
const HUGE_GRADIENT_NORM = 1e3;
// Learning rates above these are unusually high for the optimizer (adaptive optimizers take steps of about lr per
// weight, so their usual rates are far smaller than SGD's).
const HIGH_LEARNING_RATE: Record<string, number> = { sgd: 0.5, adagrad: 0.5, rmsprop: 0.01, adam: 0.01, adamw: 0.01 };

/** The message shown when a training loss becomes NaN or infinite. */
export function nonFiniteLossMessage(info: { epoch: number; step: number; lr: number; gradNorm?: number; optimizer: string }): string {
  const { epoch, step, lr, gradNorm, optimizer } = info;
  const causes: string[] = [];
  if (gradNorm !== undefined && !(gradNorm < HUGE_GRADIENT_NORM)) {
    causes.push(`exploding gradients: the last gradient norm was ${fmt(gradNorm)}`);
  }
  const high = HIGH_LEARNING_RATE[optimizer];
  if (high !== undefined && lr > high) {
    causes.push(`a learning rate too high for ${optimizer}: ${fmt(lr)}, where up to ${fmt(high)} is usual`);
  }
  if (causes.length === 0) causes.push('bad input values (NaN, infinite or very large numbers in the data) or an unstable layer');
  return (
    `The loss became NaN or infinite at epoch ${epoch}, step ${step} (learning rate ${fmt(lr)}, optimizer ${optimizer}), so training stopped. ` +
    `Likely cause: ${causes.join('; or ')}. ` +
    `What to try: lower the learning rate by 10x (to ${fmt(lr / 10)}); turn on gradient clipping with maxNorm 1; ` +
    `add batch normalization; check the data for NaN or huge values and standardize the inputs.`
  );
}

function trailingMean(values: number[]): number[] {
  return values.map((_, i) => mean(values.slice(Math.max(0, i - SMOOTHING_EPOCHS + 1), i + 1)));
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Index of the smallest value, the earliest on ties. */
function argMin(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** Three significant digits: 0.000123, 2.35, 1.5e+6. */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}
