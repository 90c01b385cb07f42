// What the diagnosis needs to know about how a run was set up, so it never advises what the run already does
// (no "add dropout" with dropout in the model, no "use early stopping" when it is on).
import type { ModelSpec } from '../spec/types';
import { augmentationActive } from './augment';
import type { TrainConfig } from './config';

export interface RunSetup {
  /** For classification: "high loss" is judged against chance, ln(numClasses). */
  numClasses?: number;
  /** The loss of a model that learned nothing, when known otherwise (about 1 for MSE on standardized targets); wins over numClasses. */
  baselineLoss?: number;
  optimizer?: string;
  /** The schedule type; anything but 'constant' lowers the learning rate by itself. */
  schedule?: string;
  earlyStopping?: boolean;
  restoreBest?: boolean;
  dropout?: boolean;
  batchNorm?: boolean;
  /** L2 or the optimizer's weight decay is on (what the advice calls weight decay). */
  weightDecay?: boolean;
  /** An L1 penalty is on. */
  l1?: boolean;
  clipping?: boolean;
  /** The input is an image [C, H, W] (augmentation applies). */
  images?: boolean;
  /** Image augmentation is on. */
  augmentation?: boolean;
  batchSize?: number;
  /** The graph has sigmoid or tanh layers (which saturate), and ReLU or ReLU6 layers (which can die). */
  saturating?: boolean;
  relu?: boolean;
  /** How many samples the validation loss is measured on, when known. */
  validationSamples?: number;
}

/** The setup of a run from its training configuration and the graph it trained (either may be unknown). */
export function runSetup(
  config: TrainConfig | null | undefined,
  spec?: ModelSpec | null,
  numClasses?: number,
): RunSetup {
  const setup: RunSetup = {};
  if (numClasses !== undefined && numClasses >= 2) setup.numClasses = numClasses;
  if (config) {
    setup.optimizer = config.optimizer.type;
    setup.schedule = config.schedule.type;
    setup.earlyStopping = config.earlyStopping !== undefined;
    setup.restoreBest = config.earlyStopping?.restoreBest === true;
    setup.weightDecay = (config.l2 ?? 0) > 0 || (config.optimizer.weightDecay ?? 0) > 0;
    setup.l1 = (config.l1 ?? 0) > 0;
    setup.clipping = config.clipping?.maxNorm !== undefined || config.clipping?.value !== undefined;
    setup.augmentation = augmentationActive(config.augmentation);
    setup.batchSize = config.batchSize;
  }
  if (spec) {
    setup.dropout = spec.nodes.some((n) => n.op === 'dropout');
    setup.batchNorm = spec.nodes.some((n) => n.op === 'batchnorm1d' || n.op === 'batchnorm2d');
    setup.saturating = spec.nodes.some((n) => n.op === 'sigmoid' || n.op === 'tanh');
    setup.relu = spec.nodes.some((n) => n.op === 'relu' || n.op === 'relu6');
    const shape = spec.nodes.find((n) => n.op === 'input')?.params?.shape;
    setup.images = Array.isArray(shape) && shape.length === 3;
  }
  return setup;
}
