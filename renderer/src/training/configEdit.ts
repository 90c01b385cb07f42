// Editing the training configuration: the choices the panel offers and the changes that keep the rest intact.
import type { Task, TrainConfig } from '../../../main/api/types';
import type {
  ClippingConfig,
  EarlyStoppingConfig,
  LossKind,
  OptimizerConfig,
  ScheduleConfig,
  ScheduleKind,
} from '../../../engine/core/train/config';

/** The losses that fit a task: class scores need cross-entropy (or per-class BCE), numbers need squared error. */
export function lossOptions(task: Task | null): LossKind[] {
  switch (task) {
    case null:
    case 'classification':
      return ['cross_entropy', 'bce_with_logits'];
    case 'regression':
      return ['mse'];
    default:
      throw new Error(`unknown task '${String(task)}'`);
  }
}

/** The optimizer menu: SGD with momentum is its own entry though it is SGD with a setting. */
export const OPTIMIZER_CHOICES = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const;
export type OptimizerChoice = (typeof OPTIMIZER_CHOICES)[number];

export function optimizerChoice(optimizer: OptimizerConfig): OptimizerChoice {
  if (optimizer.type === 'sgd') return (optimizer.momentum ?? 0) > 0 ? 'momentum' : 'sgd';
  return optimizer.type;
}

/** Another optimizer with the same learning rate and weight decay, and the usual defaults for its own settings. */
export function switchOptimizer(current: OptimizerConfig, choice: OptimizerChoice): OptimizerConfig {
  const lr = current.lr;
  const decay = current.weightDecay ? { weightDecay: current.weightDecay } : {};
  switch (choice) {
    case 'sgd':
      return { type: 'sgd', lr, ...decay };
    case 'momentum':
      return { type: 'sgd', lr, momentum: 0.9, nesterov: false, ...decay };
    case 'adagrad':
      return { type: 'adagrad', lr, ...decay };
    case 'rmsprop':
      return { type: 'rmsprop', lr, alpha: 0.99, ...decay };
    case 'adam':
      return { type: 'adam', lr, beta1: 0.9, beta2: 0.999, ...decay };
    case 'adamw':
      return { type: 'adamw', lr, beta1: 0.9, beta2: 0.999, weightDecay: current.weightDecay || 0.01 };
    default:
      throw new Error(`unknown optimizer '${String(choice)}'`);
  }
}

export const SCHEDULE_KINDS: readonly ScheduleKind[] = [
  'constant',
  'step',
  'multistep',
  'exponential',
  'cosine',
  'plateau',
];

/**
 * The schedule after the epochs change from `before` to `after`: a cosine that spanned the whole run (tMax equal to
 * the epochs, as the panel sets it) keeps spanning it, instead of restarting every `before` epochs of a longer run.
 * A tMax chosen otherwise, and every other schedule, stay as they are.
 */
export function scheduleForEpochs(schedule: ScheduleConfig, before: number, after: number): ScheduleConfig {
  if (schedule.type === 'cosine' && schedule.tMax === before && after >= 1) return { ...schedule, tMax: after };
  return schedule;
}

/** A schedule of the given kind with settings that make a visible difference over `epochs` epochs. */
export function defaultSchedule(kind: ScheduleKind, epochs: number): ScheduleConfig {
  const e = Math.max(1, Math.round(epochs));
  switch (kind) {
    case 'constant':
      return { type: 'constant' };
    case 'step':
      return { type: 'step', stepSize: Math.max(1, Math.round(e / 3)), gamma: 0.1 };
    case 'multistep':
      return {
        type: 'multistep',
        milestones: [...new Set([Math.max(1, Math.round(e / 2)), Math.max(1, Math.round((3 * e) / 4))])],
        gamma: 0.1,
      };
    case 'exponential':
      return { type: 'exponential', gamma: 0.95 };
    case 'cosine':
      return { type: 'cosine', tMax: e, etaMin: 0 };
    case 'plateau':
      return { type: 'plateau', factor: 0.1, patience: 5 };
    default:
      throw new Error(`unknown schedule '${String(kind)}'`);
  }
}

/** A message key of the panel plus its placeholders, so the error shows in the user's language. */
export interface FieldError {
  key: 'milestonesEmpty' | 'milestoneNotWhole' | 'milestonesNotIncreasing';
  params: Record<string, string | number>;
}

/** "10, 20 30" → [10, 20, 30]: whole epochs ≥ 1 in increasing order; commas or spaces between them. */
export function parseMilestones(text: string): { ok: true; value: number[] } | { ok: false; error: FieldError } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: { key: 'milestonesEmpty', params: {} } };
  const value: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1)
      return { ok: false, error: { key: 'milestoneNotWhole', params: { value: part } } };
    const previous = value[value.length - 1];
    if (previous !== undefined && n <= previous) {
      return { ok: false, error: { key: 'milestonesNotIncreasing', params: { value: n, previous } } };
    }
    value.push(n);
  }
  return { ok: true, value };
}

export type ClippingMode = 'off' | 'norm' | 'value';

export function clippingMode(clipping: ClippingConfig | undefined): ClippingMode {
  if (clipping?.maxNorm !== undefined) return 'norm';
  if (clipping?.value !== undefined) return 'value';
  return 'off';
}

/** One kind of clipping at a time: by the global norm (keeps the direction) or element-wise (simpler, cruder). */
export function withClipping(config: TrainConfig, mode: ClippingMode, amount = 1): TrainConfig {
  const { clipping: _old, ...rest } = config;
  switch (mode) {
    case 'off':
      return rest;
    case 'norm':
      return { ...rest, clipping: { maxNorm: amount } };
    case 'value':
      return { ...rest, clipping: { value: amount } };
    default:
      throw new Error(`unknown clipping mode '${String(mode)}'`);
  }
}

export const DEFAULT_EARLY_STOPPING: EarlyStoppingConfig = {
  metric: 'val_loss',
  patience: 5,
  minDelta: 0,
  restoreBest: true,
};

export function withEarlyStopping(config: TrainConfig, on: boolean): TrainConfig {
  const { earlyStopping: _old, ...rest } = config;
  return on ? { ...rest, earlyStopping: { ...DEFAULT_EARLY_STOPPING } } : rest;
}

/** A number field's value, or null while what is typed is not a usable number (the config keeps its old value). */
export function readNumber(
  text: string,
  options: { min?: number; max?: number; integer?: boolean } = {},
): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  if (options.integer && !Number.isInteger(n)) return null;
  if (options.min !== undefined && n < options.min) return null;
  if (options.max !== undefined && n > options.max) return null;
  return n;
}
