// The training configuration document: everything about how a spec is trained, versioned apart from the spec.

export const TRAIN_CONFIG_VERSION = 1;

export type LossKind = 'cross_entropy' | 'bce_with_logits' | 'mse';

export type OptimizerConfig =
  | { type: 'sgd'; lr: number; momentum?: number; nesterov?: boolean; weightDecay?: number }
  | { type: 'adagrad'; lr: number; eps?: number; weightDecay?: number }
  | { type: 'rmsprop'; lr: number; alpha?: number; eps?: number; momentum?: number; weightDecay?: number }
  | { type: 'adam'; lr: number; beta1?: number; beta2?: number; eps?: number; weightDecay?: number }
  | { type: 'adamw'; lr: number; beta1?: number; beta2?: number; eps?: number; weightDecay?: number };

export type OptimizerKind = OptimizerConfig['type'];

/** Learning-rate schedules; each steps once at the end of an epoch. */
export type ScheduleConfig =
  | { type: 'constant' }
  | { type: 'step'; stepSize: number; gamma: number }
  | { type: 'multistep'; milestones: number[]; gamma: number }
  | { type: 'exponential'; gamma: number }
  | { type: 'cosine'; tMax: number; etaMin?: number }
  | { type: 'plateau'; factor?: number; patience?: number; threshold?: number; minLr?: number };

export type ScheduleKind = ScheduleConfig['type'];

export interface ClippingConfig {
  /** Clip the global L2 norm of all gradients to this value. */
  maxNorm?: number;
  /** Clamp every gradient element to [-value, value]. */
  value?: number;
}

export type MonitoredMetric = 'val_loss' | 'val_accuracy';

export interface EarlyStoppingConfig {
  metric: MonitoredMetric;
  patience: number;
  minDelta?: number;
  restoreBest?: boolean;
}

export interface SplitConfig {
  train: number; // fractions summing to 1
  validation: number;
  test: number;
  /** Stratify classification splits by class (default true). */
  stratify?: boolean;
}

/**
 * Random changes to each training image, drawn afresh per epoch (image datasets only; every field off when absent
 * or 0). Applied in this order: flips, shift (crop with padding), rotation about the centre, brightness and
 * contrast, cutout. Pixels that come from outside the image, and cutout squares, are black (raw value 0).
 */
export interface AugmentationConfig {
  /** Probability of mirroring left-right, in [0, 1]. */
  horizontalFlip?: number;
  /** Probability of mirroring top-bottom, in [0, 1]. */
  verticalFlip?: number;
  /** Pad every side by this many pixels, then crop back to the original size at a random offset (a shift of up to this many pixels each way). */
  cropPadding?: number;
  /** Rotate by an angle drawn uniformly from [-max, max] degrees (bilinear, black corners). */
  rotationDegrees?: number;
  /** Multiply raw pixel values by a factor drawn from [1 - b, 1 + b]. */
  brightness?: number;
  /** Scale each image's raw values about its mean by a factor drawn from [1 - c, 1 + c]. */
  contrast?: number;
  /** Side, in pixels, of each black square cutout (centred at a random pixel, clipped at the border). */
  cutoutSize?: number;
  /** Cutout squares per image. */
  cutoutCount?: number;
}

export interface TrainConfig {
  version: number;
  loss: LossKind;
  optimizer: OptimizerConfig;
  schedule: ScheduleConfig;
  epochs: number;
  batchSize: number;
  /** L1 penalty lambda * sum |w| over weights (biases and normalization parameters excluded unless l1IncludeBias). */
  l1?: number;
  l1IncludeBias?: boolean;
  /** L2 penalty as weight decay in the optimizer (added to each optimizer's own weightDecay when both are set). */
  l2?: number;
  clipping?: ClippingConfig;
  earlyStopping?: EarlyStoppingConfig;
  seed: number;
  split: SplitConfig;
  /** Shuffle the training split each epoch (default true). */
  shuffle?: boolean;
  /** Image augmentation of the training split (absent: none). */
  augmentation?: AugmentationConfig;
}
