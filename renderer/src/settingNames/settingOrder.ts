// The order settings are listed in side by side (a run's settings, runs compared): the training form's order, so
// that related settings stand together once they are shown in words rather than sorted by configuration path.
import type { SettingKey } from './messages';

/**
 * Every configuration path, grouped as the training form shows them: data, loss and model, optimizer, schedule,
 * length of training, regularization, early stopping, augmentation, then the seed and the settings' version.
 */
export const SETTING_ORDER: readonly SettingKey[] = [
  // Data
  'dataset',
  'split.train',
  'split.validation',
  'split.test',
  'split.stratify',
  'splitSeed',
  'shuffle',
  // Loss and model
  'loss',
  'dropout',
  // Optimizer
  'optimizer.type',
  'optimizer.lr',
  'optimizer.momentum',
  'optimizer.nesterov',
  'optimizer.alpha',
  'optimizer.beta1',
  'optimizer.beta2',
  'optimizer.eps',
  'optimizer.weightDecay',
  // Schedule
  'schedule.type',
  'schedule.stepSize',
  'schedule.milestones',
  'schedule.gamma',
  'schedule.tMax',
  'schedule.etaMin',
  'schedule.factor',
  'schedule.patience',
  'schedule.threshold',
  'schedule.minLr',
  // Length of training
  'epochs',
  'batchSize',
  // Regularization
  'l1',
  'l1IncludeBias',
  'l2',
  'clipping.maxNorm',
  'clipping.value',
  // Early stopping
  'earlyStopping.metric',
  'earlyStopping.patience',
  'earlyStopping.minDelta',
  'earlyStopping.restoreBest',
  // Augmentation
  'augmentation.horizontalFlip',
  'augmentation.verticalFlip',
  'augmentation.cropPadding',
  'augmentation.rotationDegrees',
  'augmentation.brightness',
  'augmentation.contrast',
  'augmentation.cutoutSize',
  'augmentation.cutoutCount',
  // Reproducing the run
  'seed',
  'version',
];

const RANK: ReadonlyMap<string, number> = new Map(SETTING_ORDER.map((path, i) => [path, i]));

/**
 * Where `path` stands: its place in SETTING_ORDER (an element "schedule.milestones[1]" at its list's, a layer's
 * "dropout.d1" at the dropout rate's); a path the list lacks after the known ones of its group ("optimizer.x" after
 * the optimizer's), or at the end.
 */
function rankOf(path: string): number {
  const plain = path.replace(/\[\d+\]$/, '').replace(/^dropout\..+$/, 'dropout');
  const known = RANK.get(plain);
  if (known !== undefined) return known;
  const group = plain.split('.')[0];
  let last = -1;
  SETTING_ORDER.forEach((p, i) => {
    if (p === group || p.startsWith(`${group}.`)) last = i;
  });
  return last >= 0 ? last + 0.5 : SETTING_ORDER.length;
}

/** Sorts configuration paths in the training form's order; paths at the same place by name. */
export function compareSettings(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}
