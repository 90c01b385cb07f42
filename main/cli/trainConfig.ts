// The training configuration from `train` options: optimizer, learning-rate schedule, regularization, clipping,
// early stopping; checked here so a mistake is a usage error before any run is recorded.
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { createSchedule } from '../../engine/core/schedule';
import { checkTrainConfig } from '../../engine/core/train/configCheck';
import {
  TRAIN_CONFIG_VERSION,
  type AugmentationConfig,
  type LossKind,
  type OptimizerConfig,
  type ScheduleConfig,
  type TrainConfig,
} from '../../engine/core/train/config';
import { choiceOption, countOption, numberOption, positiveOption, UsageError, type ParsedArgs } from './args';
import { HELP_WORDS } from './helpWords';
import { inEachLanguage } from './locale';

export const OPTIMIZERS = ['adam', 'adamw', 'sgd', 'rmsprop', 'adagrad'] as const;
export const SCHEDULES = ['constant', 'step', 'multistep', 'exponential', 'cosine', 'plateau'] as const;

/** Image augmentation options and the setting each one fills. */
const AUGMENT_FIELDS = {
  hflip: 'horizontalFlip',
  vflip: 'verticalFlip',
  'crop-padding': 'cropPadding',
  rotation: 'rotationDegrees',
  brightness: 'brightness',
  contrast: 'contrast',
  cutout: 'cutoutSize',
  'cutout-count': 'cutoutCount',
} as const satisfies Record<string, keyof AugmentationConfig>;
const AUGMENT_OPTIONS = Object.keys(AUGMENT_FIELDS) as Array<keyof typeof AUGMENT_FIELDS>;

/** The value options `train` reads through trainConfigFrom. */
export const TRAIN_CONFIG_OPTIONS = [
  'epochs',
  'optimizer',
  'lr',
  'momentum',
  'weight-decay',
  'batch-size',
  'seed',
  'l1',
  'l2',
  'clip-norm',
  'clip-value',
  'early-stopping',
  'monitor',
  'schedule',
  'step-size',
  'gamma',
  'milestones',
  't-max',
  'eta-min',
  'factor',
  'plateau-patience',
  'min-lr',
  ...AUGMENT_OPTIONS,
];

export const TRAIN_CONFIG_USAGE = inEachLanguage(
  (locale) => `[--epochs 20] [--optimizer ${OPTIMIZERS.join('|')}] [--lr 0.001] [--momentum 0.9] [--weight-decay 0]
  [--batch-size 32] [--seed 42] [--l1 0] [--l2 0] [--clip-norm N] [--clip-value V] [--early-stopping PATIENCE [--monitor val_loss|val_accuracy]]
  [--schedule ${SCHEDULES.join('|')}]  step: [--step-size N] [--gamma 0.1]  multistep: --milestones 10,20 [--gamma 0.1]
     exponential: [--gamma 0.95]  cosine: [--t-max EPOCHS] [--eta-min 0]  plateau: [--factor 0.1] [--plateau-patience 5] [--min-lr 0]
  ${HELP_WORDS[locale].imagesOptions} [--hflip P] [--vflip P] [--crop-padding PIXELS] [--rotation DEGREES] [--brightness B] [--contrast C]
     [--cutout SIZE [--cutout-count 1]]   ${HELP_WORDS[locale].augmentationNote}`,
);

function optimizerFrom(args: ParsedArgs): OptimizerConfig {
  const type = choiceOption(args, 'optimizer', OPTIMIZERS, 'adam');
  const lr = positiveOption(args, 'lr', type === 'sgd' ? 0.01 : 0.001);
  const weightDecay = numberOption(args, 'weight-decay', 0);
  if (weightDecay < 0) throw new UsageError('not-negative', { option: 'weight-decay', value: weightDecay });
  const decay = weightDecay > 0 ? { weightDecay } : {};
  if (args.options.has('momentum') && type !== 'sgd' && type !== 'rmsprop')
    throw new UsageError('momentum-optimizer', { optimizer: type });
  switch (type) {
    case 'sgd':
      return { type, lr, momentum: numberOption(args, 'momentum', 0.9), ...decay };
    case 'rmsprop':
      return {
        type,
        lr,
        ...(args.options.has('momentum') ? { momentum: numberOption(args, 'momentum', 0) } : {}),
        ...decay,
      };
    case 'adam':
    case 'adamw':
    case 'adagrad':
      return { type, lr, ...decay };
    default:
      throw new Error(`unknown optimizer '${String(type satisfies never)}'`);
  }
}

function milestones(args: ParsedArgs): number[] {
  const raw = args.options.get('milestones');
  if (typeof raw !== 'string') throw new UsageError('milestones-needed');
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new UsageError('milestones-numbers', { value: raw });
  return values;
}

function scheduleFrom(args: ParsedArgs, epochs: number): ScheduleConfig {
  const type = choiceOption(args, 'schedule', SCHEDULES, 'constant');
  switch (type) {
    case 'constant':
      return { type };
    case 'step':
      return {
        type,
        stepSize: countOption(args, 'step-size', Math.max(1, Math.floor(epochs / 3))),
        gamma: positiveOption(args, 'gamma', 0.1),
      };
    case 'multistep':
      return { type, milestones: milestones(args), gamma: positiveOption(args, 'gamma', 0.1) };
    case 'exponential':
      return { type, gamma: positiveOption(args, 'gamma', 0.95) };
    case 'cosine':
      return { type, tMax: countOption(args, 't-max', epochs), etaMin: numberOption(args, 'eta-min', 0) };
    case 'plateau':
      return {
        type,
        factor: positiveOption(args, 'factor', 0.1),
        patience: countOption(args, 'plateau-patience', 5, 0),
        minLr: numberOption(args, 'min-lr', 0),
      };
    default:
      throw new Error(`unknown schedule '${String(type satisfies never)}'`);
  }
}

/** Cross-entropy over one output per class; one output for two classes trains with a sigmoid (BCE); regression MSE. */
export function lossFor(manifest: DatasetManifest, outputs: number): LossKind {
  if (manifest.task === 'regression') return 'mse';
  return outputs === 1 && manifest.classNames?.length === 2 ? 'bce_with_logits' : 'cross_entropy';
}

export function trainConfigFrom(args: ParsedArgs, manifest: DatasetManifest, outputs: number): TrainConfig {
  const epochs = countOption(args, 'epochs', 20);
  const optimizer = optimizerFrom(args);
  const schedule = scheduleFrom(args, epochs);
  try {
    createSchedule(schedule, optimizer.lr); // the engine's own checks, before a run is recorded
  } catch (error) {
    throw new UsageError('schedule-invalid', { schedule: schedule.type, reason: (error as Error).message });
  }
  const l1 = numberOption(args, 'l1', 0);
  const l2 = numberOption(args, 'l2', 0);
  const clipping = {
    ...(args.options.has('clip-norm') ? { maxNorm: positiveOption(args, 'clip-norm', 1) } : {}),
    ...(args.options.has('clip-value') ? { value: positiveOption(args, 'clip-value', 1) } : {}),
  };
  if (args.options.has('monitor') && !args.options.has('early-stopping'))
    throw new UsageError('goes-with', { option: 'monitor', needs: '--early-stopping PATIENCE' });
  const earlyStopping = args.options.has('early-stopping')
    ? {
        metric: choiceOption(args, 'monitor', ['val_loss', 'val_accuracy'] as const, 'val_loss'),
        patience: countOption(args, 'early-stopping', 5, 0),
        restoreBest: true,
      }
    : undefined;
  if (earlyStopping?.metric === 'val_accuracy' && manifest.task === 'regression')
    throw new UsageError('monitor-regression');
  const augmentation = augmentationFrom(args, manifest);
  const config: TrainConfig = {
    version: TRAIN_CONFIG_VERSION,
    loss: lossFor(manifest, outputs),
    optimizer,
    schedule,
    epochs,
    batchSize: countOption(args, 'batch-size', 32),
    seed: countOption(args, 'seed', 42, 0),
    // A negative penalty is kept so that the range check refuses it, naming its option.
    ...(l1 !== 0 ? { l1 } : {}),
    ...(l2 !== 0 ? { l2 } : {}),
    ...(Object.keys(clipping).length > 0 ? { clipping } : {}),
    ...(earlyStopping ? { earlyStopping } : {}),
    ...(augmentation ? { augmentation } : {}),
    // The split itself was drawn when the dataset was imported; the config records its fractions.
    split: { train: manifest.split.train, validation: manifest.split.validation, test: manifest.split.test },
  };
  refuseOutOfRange(config);
  return config;
}

/** The option that sets each checked setting (augmentation's are checked in augmentationFrom). */
const OPTION_OF_SETTING: Readonly<Record<string, string>> = {
  epochs: 'epochs',
  batchSize: 'batch-size',
  seed: 'seed',
  l1: 'l1',
  l2: 'l2',
  'optimizer.lr': 'lr',
  'optimizer.momentum': 'momentum',
  'optimizer.weightDecay': 'weight-decay',
  'clipping.maxNorm': 'clip-norm',
  'clipping.value': 'clip-value',
  'earlyStopping.patience': 'early-stopping',
  'schedule.stepSize': 'step-size',
  'schedule.gamma': 'gamma',
  'schedule.tMax': 't-max',
  'schedule.etaMin': 'eta-min',
  'schedule.factor': 'factor',
  'schedule.patience': 'plateau-patience',
  'schedule.minLr': 'min-lr',
};

/**
 * A value out of its setting's range is a mistake in the command: refused as a usage error naming the option (--lr),
 * not, after the run's setup, by the setting's internal name (optimizer.lr) with another exit code.
 */
function refuseOutOfRange(config: TrainConfig): void {
  for (const problem of checkTrainConfig(config)) {
    if (problem.code !== 'setting-out-of-range') continue;
    const option = problem.setting.startsWith('schedule.milestones')
      ? 'milestones'
      : OPTION_OF_SETTING[problem.setting];
    if (!option) continue;
    const { min, max, minExclusive, integer } = problem;
    const upper = max !== Number.MAX_VALUE;
    const kind = integer ? 'a whole number' : 'a number';
    const english = minExclusive
      ? `must be ${kind} above ${min}${upper ? ` and at most ${max}` : ''}`
      : upper
        ? `must be ${kind} from ${min} to ${max}`
        : `must be ${integer ? 'a whole number, ' : ''}${min} or more`;
    throw new UsageError('option-range', { option, value: String(problem.value) }, undefined, {
      en: {
        rule: english,
      },
      zh: {
        rule: `必须是${minExclusive ? `大于 ${min}` : `不小于 ${min}`}${upper ? ` 且不大于 ${max}` : ''} 的${integer ? '整数' : '数'}`,
      },
    });
  }
}

/** --hflip, --crop-padding, …: the augmentation setting of each given option, checked against its range. */
function augmentationFrom(args: ParsedArgs, manifest: DatasetManifest): AugmentationConfig | undefined {
  const given = AUGMENT_OPTIONS.filter((option) => args.options.has(option));
  if (given.length === 0) return undefined;
  if (manifest.featureShape.length !== 3) throw new UsageError('augmentation-for-images', { option: given[0] });
  const augmentation: AugmentationConfig = {};
  for (const option of given) augmentation[AUGMENT_FIELDS[option]] = numberOption(args, option, 0);
  if (augmentation.cutoutSize !== undefined && augmentation.cutoutCount === undefined) augmentation.cutoutCount = 1;
  const problem = checkTrainConfig({ ...RANGE_CHECK_BASE, augmentation })[0];
  if (problem?.code === 'setting-out-of-range') {
    const option = AUGMENT_OPTIONS.find((o) => `augmentation.${AUGMENT_FIELDS[o]}` === problem.setting)!;
    const { min, max } = problem;
    const values = { option, min, max, value: String(problem.value) };
    throw new UsageError(problem.integer ? 'augmentation-range-whole' : 'augmentation-range', values);
  }
  return augmentation;
}

/** A configuration that passes every check, to check augmentation settings alone. */
const RANGE_CHECK_BASE: TrainConfig = {
  version: TRAIN_CONFIG_VERSION,
  loss: 'cross_entropy',
  optimizer: { type: 'sgd', lr: 0.1 },
  schedule: { type: 'constant' },
  epochs: 1,
  batchSize: 1,
  seed: 0,
  split: { train: 1, validation: 0, test: 0 },
};
