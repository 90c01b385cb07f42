// The training settings part of the PyTorch script: the run's TrainConfig as constants, and the optimizer,
// schedule and loss as PyTorch calls (their names and meanings map one to one onto Netwright's).

import { createSchedule } from '../schedule';
import { checkClipping } from '../train/clipping';
import type { LossKind, OptimizerConfig, ScheduleConfig, TrainConfig } from '../train/config';
import { py } from './python';
import type { SettingChange } from '../train/settingChanges';

export interface TrainingSource {
  /** EPOCHS = ..., BATCH_SIZE = ..., and the penalty, clipping and early-stopping constants. */
  settings: string;
  /** make_optimizer, make_schedule and compute_loss. */
  functions: string;
}

export function pytorchTrainingSource(config: TrainConfig, changes: readonly SettingChange[] = []): TrainingSource {
  if (!Number.isInteger(config.epochs) || config.epochs < 1)
    throw new Error(`PyTorch export: epochs must be a whole number of at least 1, got ${config.epochs}`);
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1)
    throw new Error(`PyTorch export: the batch size must be a whole number of at least 1, got ${config.batchSize}`);
  createSchedule(config.schedule, config.optimizer.lr); // throws on a bad schedule setting, naming it
  const clipping = checkClipping(config.clipping);
  const stopping = config.earlyStopping;
  const settings = [
    `EPOCHS = ${config.epochs}`,
    `BATCH_SIZE = ${config.batchSize}  # per process under torchrun`,
    `SEED = ${config.seed}`,
    `SPLIT = ${py({ train: config.split.train, validation: config.split.validation, test: config.split.test })}  # fractions of the rows`,
    `SHUFFLE = ${py(config.shuffle !== false)}  # reshuffle the training rows every epoch`,
    '# Penalties added to the loss: L1 * sum|w| and (L2 / 2) * sum w^2 over the dense and conv weights',
    '# (over every parameter when PENALIZE_ALL), exactly as Netwright adds them; the logged loss leaves them out.',
    `L1 = ${py(config.l1 ?? 0)}`,
    `L2 = ${py(config.l2 ?? 0)}`,
    `PENALIZE_ALL = ${py(config.l1IncludeBias === true)}`,
    `CLIP_NORM = ${py(clipping?.maxNorm ?? null)}  # clip the global gradient norm to this (None: off)`,
    `CLIP_VALUE = ${py(clipping?.value ?? null)}  # then clamp each gradient to [-CLIP_VALUE, CLIP_VALUE] (None: off)`,
    `EARLY_STOPPING = ${py(stopping ? { metric: stopping.metric, patience: stopping.patience, min_delta: stopping.minDelta ?? 0, restore_best: stopping.restoreBest ?? false } : null)}`,
    '# Settings the Netwright run changed at pauses, applied at the same epoch and optimizer step (counted from the start',
    "# of training): 'lr' sets every parameter group's rate, which the schedule then steps on; 'l1', 'l2', 'dropout' (of",
    "# the layer named 'node') and 'patience' replace the values above.",
    `SETTING_CHANGES = ${py(changes.map(pythonChange))}`,
  ].join('\n');
  const functions = [
    'def make_optimizer(parameters):',
    `    return ${optimizerCall(config.optimizer)}`,
    '',
    '',
    'def make_schedule(optimizer):',
    '    """The learning-rate schedule, stepped once per epoch (None: a constant rate)."""',
    `    return ${scheduleCall(config.schedule)}`,
    '',
    '',
    `SCHEDULE_WATCHES_LOSS = ${py(config.schedule.type === 'plateau')}  # ReduceLROnPlateau steps with the validation loss`,
    '',
    '',
    'def compute_loss(output, target):',
    `    """${lossDoc(config.loss)}"""`,
    `    return ${lossCall(config.loss)}`,
  ].join('\n');
  return { settings, functions };
}

const PYTHON_SETTING: Record<SettingChange['setting'], string> = {
  learningRate: 'lr',
  l1: 'l1',
  l2: 'l2',
  dropout: 'dropout',
  patience: 'patience',
};

function pythonChange(c: SettingChange): Record<string, string | number> {
  return {
    epoch: c.epoch,
    step: c.step,
    setting: PYTHON_SETTING[c.setting],
    ...(c.nodeId !== undefined ? { node: c.nodeId } : {}),
    value: c.to,
  };
}

function optimizerCall(o: OptimizerConfig): string {
  const lr = `lr=${py(o.lr)}`;
  switch (o.type) {
    case 'sgd':
      return `torch.optim.SGD(parameters, ${lr}, momentum=${py(o.momentum ?? 0)}, nesterov=${py(o.nesterov ?? false)}, weight_decay=${py(o.weightDecay ?? 0)})`;
    case 'adagrad':
      return `torch.optim.Adagrad(parameters, ${lr}, eps=${py(o.eps ?? 1e-10)}, weight_decay=${py(o.weightDecay ?? 0)})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(parameters, ${lr}, alpha=${py(o.alpha ?? 0.99)}, eps=${py(o.eps ?? 1e-8)}, momentum=${py(o.momentum ?? 0)}, weight_decay=${py(o.weightDecay ?? 0)})`;
    case 'adam':
      return `torch.optim.Adam(parameters, ${lr}, betas=(${py(o.beta1 ?? 0.9)}, ${py(o.beta2 ?? 0.999)}), eps=${py(o.eps ?? 1e-8)}, weight_decay=${py(o.weightDecay ?? 0)})`;
    case 'adamw':
      // Netwright's AdamW decays by 0.01 unless told otherwise, as PyTorch's does.
      return `torch.optim.AdamW(parameters, ${lr}, betas=(${py(o.beta1 ?? 0.9)}, ${py(o.beta2 ?? 0.999)}), eps=${py(o.eps ?? 1e-8)}, weight_decay=${py(o.weightDecay ?? 0.01)})`;
    default:
      throw new Error(`PyTorch export: unknown optimizer '${(o as { type: string }).type}'`);
  }
}

function scheduleCall(s: ScheduleConfig): string {
  const scheduler = 'torch.optim.lr_scheduler';
  switch (s.type) {
    case 'constant':
      return 'None';
    case 'step':
      return `${scheduler}.StepLR(optimizer, step_size=${s.stepSize}, gamma=${py(s.gamma)})`;
    case 'multistep':
      return `${scheduler}.MultiStepLR(optimizer, milestones=${py(s.milestones)}, gamma=${py(s.gamma)})`;
    case 'exponential':
      return `${scheduler}.ExponentialLR(optimizer, gamma=${py(s.gamma)})`;
    case 'cosine':
      return `${scheduler}.CosineAnnealingLR(optimizer, T_max=${py(s.tMax)}, eta_min=${py(s.etaMin ?? 0)})`;
    case 'plateau':
      return (
        `${scheduler}.ReduceLROnPlateau(optimizer, mode='min', factor=${py(s.factor ?? 0.1)}, patience=${py(s.patience ?? 10)}, ` +
        `threshold=${py(s.threshold ?? 1e-4)}, threshold_mode='rel', min_lr=${py(s.minLr ?? 0)})`
      );
    default:
      throw new Error(`PyTorch export: unknown schedule '${(s as { type: string }).type}'`);
  }
}

function lossCall(loss: LossKind): string {
  switch (loss) {
    case 'cross_entropy':
      return 'F.cross_entropy(output, target)';
    case 'bce_with_logits':
      return 'F.binary_cross_entropy_with_logits(output[:, 0], target.float())';
    case 'mse':
      return 'F.mse_loss(output, target)';
    default:
      throw new Error(`PyTorch export: unknown loss '${loss as string}'`);
  }
}

function lossDoc(loss: LossKind): string {
  switch (loss) {
    case 'cross_entropy':
      return 'Cross-entropy of the logits [N, classes] against class indices [N] (mean over the batch).';
    case 'bce_with_logits':
      return 'Binary cross-entropy of the one logit [N, 1] against 0/1 labels [N] (mean over the batch).';
    case 'mse':
      return 'Mean squared error over every output value.';
    default:
      throw new Error(`PyTorch export: unknown loss '${loss as string}'`);
  }
}
