// Checks a whole TrainConfig against the ranges training can use, before any run exists: the studio, the command
// line and the engine all call `checkTrainConfig`. Problems are codes with the setting's path and its allowed range.
import { augmentationActive } from './augment';
import { TRAIN_CONFIG_VERSION, type TrainConfig } from './config';

/** Epochs beyond this are a typo (1e9 epochs would run for years); batch sizes beyond it cannot fit a step. */
export const MAX_EPOCHS = 100_000;
export const MAX_BATCH_SIZE = 65_536;
/** Seeds are 32-bit unsigned (the shuffle and dropout generators take them so). */
export const MAX_SEED = 0xffff_ffff;

export type ConfigProblem =
  /** `setting` must be a number in [min, max] (min excluded when minExclusive; whole when integer). */
  | {
      code: 'setting-out-of-range';
      setting: string;
      value: unknown;
      min: number;
      max: number;
      minExclusive: boolean;
      integer: boolean;
    }
  /** `setting` must be one of `choices`. */
  | { code: 'setting-not-a-choice'; setting: string; value: unknown; choices: readonly string[] }
  /** The split fractions must add up to 1 (they add up to `sum`). */
  | { code: 'split-sum'; setting: 'split'; sum: number }
  /** Augmentation changes images; this dataset's rows have shape `shape` (a table), not [channels, height, width]. */
  | { code: 'augmentation-needs-images'; setting: 'augmentation'; shape: number[] };

const LOSSES = ['cross_entropy', 'bce_with_logits', 'mse'] as const;
const OPTIMIZERS = ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const;
const SCHEDULES = ['constant', 'step', 'multistep', 'exponential', 'cosine', 'plateau'] as const;
const MONITORED = ['val_loss', 'val_accuracy'] as const;

interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
  integer?: boolean;
}

const POSITIVE: Range = { min: 0, max: Number.MAX_VALUE, minExclusive: true };
const NON_NEGATIVE: Range = { min: 0, max: Number.MAX_VALUE };
const FRACTION_BELOW_ONE: Range = { min: 0, max: 0.999999 };
const COUNT: Range = { min: 1, max: MAX_EPOCHS, integer: true };
const PATIENCE: Range = { min: 0, max: MAX_EPOCHS, integer: true };
const PROBABILITY: Range = { min: 0, max: 1 };
/** Augmentation in pixels: beyond this a shift or cutout hides more than any small image holds. */
export const MAX_AUGMENT_PIXELS = 64;
/** "Small rotation": beyond this an image's corners are mostly black. */
export const MAX_ROTATION_DEGREES = 45;
const PIXELS: Range = { min: 0, max: MAX_AUGMENT_PIXELS, integer: true };

/**
 * Every problem of `config`, in the order of its fields (empty when training can start with it). With the
 * dataset's `featureShape`, augmentation is also refused for data that are not images.
 */
export function checkTrainConfig(config: TrainConfig, featureShape?: readonly number[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const record = (config ?? {}) as unknown as Record<string, unknown>;
  const inRange = (setting: string, value: unknown, range: Range, optional = false) => {
    if (optional && value === undefined) return;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (range.integer ? Number.isInteger(value) : true) &&
      (range.minExclusive ? value > range.min : value >= range.min) &&
      value <= range.max;
    if (!ok) {
      problems.push({
        code: 'setting-out-of-range',
        setting,
        value,
        min: range.min,
        max: range.max,
        minExclusive: range.minExclusive ?? false,
        integer: range.integer ?? false,
      });
    }
  };
  const choice = (setting: string, value: unknown, choices: readonly string[]): boolean => {
    if (typeof value === 'string' && choices.includes(value)) return true;
    problems.push({ code: 'setting-not-a-choice', setting, value, choices });
    return false;
  };
  const part = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

  inRange('version', record.version, { min: TRAIN_CONFIG_VERSION, max: TRAIN_CONFIG_VERSION, integer: true });
  choice('loss', record.loss, LOSSES);

  const optimizer = part(record.optimizer);
  if (choice('optimizer.type', optimizer.type, OPTIMIZERS)) {
    // Above 10 every optimizer here diverges at once; 0 or below never learns.
    inRange('optimizer.lr', optimizer.lr, { min: 0, max: 10, minExclusive: true });
    inRange('optimizer.momentum', optimizer.momentum, FRACTION_BELOW_ONE, true);
    inRange('optimizer.alpha', optimizer.alpha, FRACTION_BELOW_ONE, true);
    inRange('optimizer.beta1', optimizer.beta1, FRACTION_BELOW_ONE, true);
    inRange('optimizer.beta2', optimizer.beta2, FRACTION_BELOW_ONE, true);
    inRange('optimizer.eps', optimizer.eps, POSITIVE, true);
    inRange('optimizer.weightDecay', optimizer.weightDecay, NON_NEGATIVE, true);
  }

  const schedule = part(record.schedule);
  if (choice('schedule.type', schedule.type, SCHEDULES)) {
    switch (schedule.type) {
      case 'constant':
        break;
      case 'step':
        inRange('schedule.stepSize', schedule.stepSize, COUNT);
        inRange('schedule.gamma', schedule.gamma, { min: 0, max: 1, minExclusive: true });
        break;
      case 'multistep': {
        const milestones = Array.isArray(schedule.milestones) ? schedule.milestones : [undefined];
        milestones.forEach((m, i) => inRange(`schedule.milestones[${i}]`, m, COUNT));
        inRange('schedule.gamma', schedule.gamma, { min: 0, max: 1, minExclusive: true });
        break;
      }
      case 'exponential':
        inRange('schedule.gamma', schedule.gamma, { min: 0, max: 1, minExclusive: true });
        break;
      case 'cosine':
        inRange('schedule.tMax', schedule.tMax, COUNT);
        inRange('schedule.etaMin', schedule.etaMin, NON_NEGATIVE, true);
        break;
      case 'plateau':
        inRange('schedule.factor', schedule.factor, { min: 0, max: 1, minExclusive: true }, true);
        inRange('schedule.patience', schedule.patience, PATIENCE, true);
        inRange('schedule.threshold', schedule.threshold, NON_NEGATIVE, true);
        inRange('schedule.minLr', schedule.minLr, NON_NEGATIVE, true);
        break;
      default:
        throw new Error(`unhandled schedule ${String(schedule.type)}`);
    }
  }

  inRange('epochs', record.epochs, COUNT);
  inRange('batchSize', record.batchSize, { min: 1, max: MAX_BATCH_SIZE, integer: true });
  inRange('l1', record.l1, NON_NEGATIVE, true);
  inRange('l2', record.l2, NON_NEGATIVE, true);
  const clipping = part(record.clipping);
  inRange('clipping.maxNorm', clipping.maxNorm, POSITIVE, true);
  inRange('clipping.value', clipping.value, POSITIVE, true);
  if (record.earlyStopping !== undefined) {
    const early = part(record.earlyStopping);
    choice('earlyStopping.metric', early.metric, MONITORED);
    inRange('earlyStopping.patience', early.patience, PATIENCE);
    inRange('earlyStopping.minDelta', early.minDelta, NON_NEGATIVE, true);
  }
  inRange('seed', record.seed, { min: 0, max: MAX_SEED, integer: true });
  if (record.augmentation !== undefined) {
    const augmentation = part(record.augmentation);
    inRange('augmentation.horizontalFlip', augmentation.horizontalFlip, PROBABILITY, true);
    inRange('augmentation.verticalFlip', augmentation.verticalFlip, PROBABILITY, true);
    inRange('augmentation.cropPadding', augmentation.cropPadding, PIXELS, true);
    inRange('augmentation.rotationDegrees', augmentation.rotationDegrees, { min: 0, max: MAX_ROTATION_DEGREES }, true);
    // Factors are drawn from [1 - b, 1 + b]: at 1 an image could turn black or lose all contrast.
    inRange('augmentation.brightness', augmentation.brightness, FRACTION_BELOW_ONE, true);
    inRange('augmentation.contrast', augmentation.contrast, FRACTION_BELOW_ONE, true);
    inRange('augmentation.cutoutSize', augmentation.cutoutSize, PIXELS, true);
    inRange('augmentation.cutoutCount', augmentation.cutoutCount, { min: 0, max: 16, integer: true }, true);
    if (featureShape && featureShape.length !== 3 && augmentationActive(config.augmentation)) {
      problems.push({ code: 'augmentation-needs-images', setting: 'augmentation', shape: [...featureShape] });
    }
  }

  const split = part(record.split);
  const before = problems.length;
  inRange('split.train', split.train, { min: 0, max: 1, minExclusive: true });
  inRange('split.validation', split.validation, { min: 0, max: 1 });
  inRange('split.test', split.test, { min: 0, max: 1 });
  if (problems.length === before) {
    const sum = (split.train as number) + (split.validation as number) + (split.test as number);
    if (Math.abs(sum - 1) > 1e-6) problems.push({ code: 'split-sum', setting: 'split', sum });
  }
  return problems;
}
