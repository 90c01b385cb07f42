// The stable codes of a training diagnosis: verdicts and advice, each with the parameters it carries. The UI and
// the CLI word them from their message tables; the engine never returns sentences.

/** What a run's history shows. */
export const VERDICT_CODES = [
  'too-early', // fewer epochs than any trend needs: { epochs, needed }
  'non-finite-loss', // { epoch, split: 'training' | 'validation', learningRate }
  'non-finite-weights', // { epoch, layer, learningRate }
  // the training loss of one of the first epochs far above the loss of a model that learned nothing:
  // { epoch, loss, factor, reference, referenceKind, recovered: 'yes' | 'no' }
  'early-blowup',
  'diverging', // training loss rising epoch after epoch: { bestEpoch, bestLoss, loss, risingEpochs, factor, learningRate }
  'loss-spike', // one epoch far above the epochs before: { epoch, before, peak, factor, recovered: 'yes' | 'no' }
  'validation-spike', // the validation loss of one epoch far above the epochs before, the training loss not: same parameters
  // the validation loss rising and falling by large amounts, again and again, while the training loss moves far less:
  // { fromEpoch, toEpoch, rises, lowest, highest, largestFrom, largestTo, largestEpoch }
  'validation-unstable',
  // the training loss itself jumping up by large amounts again and again (the same parameters): steps too large
  'training-unstable',
  'non-finite-gradients', // { epoch, layer }
  'exploding-gradients', // { layer, fromEpoch, fromNorm, toEpoch, toNorm, factor }
  'vanishing-gradients', // { layer, norm, sinceEpoch, alsoAffected }
  'overfitting', // { bestEpoch, bestValLoss, valLoss, trainLoss, gap, risePercent, training: 'fell' | 'flat' }
  'underfitting', // flat and high: { trainLoss, reference, referenceKind, percentOfReference, sinceEpoch }
  // L1, L2 or weight decay on, and the training loss climbing from its lowest back toward the reference:
  // { lowestEpoch, lowestLoss, loss, percentOfReference, reference, referenceKind }
  'over-regularized',
  'learning-slowly', // still high, falling slowly: { trainLoss, reference, referenceKind, percentOfReference, fallPercentPerEpoch }
  'plateau', // flat in between: { trainLoss, changePercent, epochs, sinceEpoch }
  'converged', // flat at a small fraction of where it started: { trainLoss, percentOfReference, referenceKind, sinceEpoch }
  'healthy', // { firstLoss, lastLoss, firstValLoss?, lastValLoss? }
] as const;
export type VerdictCode = (typeof VERDICT_CODES)[number];

/** What to try; only advice the run's configuration does not already follow. */
export const ADVICE_CODES = [
  'lower-learning-rate', // { learningRate, suggested }
  'raise-learning-rate', // { learningRate }
  'use-lr-schedule', // a plateau or cosine schedule lowers the rate by itself
  'learning-rate-already-lowered', // { learningRate }: the schedule has done it; more capacity may be needed
  'schedule-already-lowering', // { learningRate }: a decaying schedule is on; a lower starting rate, if it goes on
  'larger-validation-split', // { samples }: a few validation samples make a jumpy validation loss
  'larger-batches', // { batchSize }: batch norm's running statistics from small batches lag behind fast weights
  'gradient-clipping', // { maxNorm }
  'add-batch-norm',
  'check-data',
  'add-dropout',
  'raise-dropout',
  'add-weight-decay', // { value }
  'raise-weight-decay',
  'early-stopping', // { epoch }: restoreBest would keep the weights of that epoch
  'restore-best', // { epoch }: early stopping is on but keeps the last weights
  'augment-images', // the training settings' Augmentation section (image datasets, augmentation off)
  'more-data',
  'smaller-model',
  'bigger-model',
  'less-regularization',
  'more-epochs',
  'try-adam',
  'training-done',
  'relu-activations',
  'kaiming-init',
  'residual-connections',
  'leaky-relu',
  'careful-init',
] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

export type DiagnosisParams = Record<string, number | string>;

export interface Advice {
  code: AdviceCode;
  params: DiagnosisParams;
}

export interface Verdict {
  code: VerdictCode;
  severity: 'info' | 'warning' | 'error';
  /** The numbers that justify the verdict (losses as recorded, rounded to 4 significant digits; epochs as recorded). */
  params: DiagnosisParams;
  advice: Advice[];
}
