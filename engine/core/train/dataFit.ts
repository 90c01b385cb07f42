// Whether a graph fits a dataset before a run is created: the Input takes as many values as one sample holds, and
// the output layer has as many units as the loss needs for the data (its classes, 1 for two classes with binary
// cross-entropy, its targets). Sizes are compared as the trainer compares them, so nothing it accepts is refused.
// A code with numbers: the studio refuses the start with it, and the editor and Train view say it and offer the fix.
import type { DatasetManifest } from '../data/dataset';
import type { Analysis, Shape } from '../spec/types';
import type { LossKind, TrainConfig } from './config';

export type DataFitProblem =
  | { code: 'input-mismatch'; nodeId: string; modelShape: number[]; dataShape: number[] }
  | { code: 'output-mismatch'; nodeId: string; units: number; needed: number };

/**
 * A loss or early stopping that does not suit the dataset: cross-entropy on regression targets, mean squared error
 * on class labels, binary cross-entropy on other than two classes, validation accuracy watched on regression, early
 * stopping on an empty validation split.
 */
export type SettingsFitProblem =
  | { code: 'loss-needs-classes'; loss: LossKind }
  | { code: 'loss-needs-targets'; loss: LossKind }
  | { code: 'binary-needs-two-classes'; classes: number }
  | { code: 'accuracy-needs-classes' }
  | { code: 'early-stopping-no-validation' };

export type DataShape = Pick<DatasetManifest, 'featureShape' | 'task' | 'classNames' | 'targetNames'>;

/** What checkSettingsFit reads of a dataset: its task, classes and how many rows its validation split holds. */
export type SettingsData = Pick<DatasetManifest, 'task' | 'classNames'> & {
  split: { counts: Pick<DatasetManifest['split']['counts'], 'validation'> };
};

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** How many output units `loss` needs for this data (null when the loss does not suit the task: checkSettingsFit). */
export function outputsNeeded(data: DataShape, loss: LossKind): number | null {
  if (data.task === 'classification') {
    const classes = data.classNames?.length ?? 0;
    if (loss === 'cross_entropy') return classes;
    if (loss === 'bce_with_logits') return classes === 2 ? 1 : null;
    return null;
  }
  return loss === 'mse' ? (data.targetNames?.length ?? 1) : null;
}

/** The first way the analysed graph does not fit the data, or null (also when the graph has problems of its own). */
export function checkDataFit(analysis: Analysis, data: DataShape, loss: LossKind): DataFitProblem | null {
  if (!analysis.ok || !analysis.inputId || !analysis.outputId) return null;
  const inputShape: Shape | null = analysis.nodes[analysis.inputId]?.outputShape ?? null;
  if (inputShape && sizeOf(inputShape) !== sizeOf(data.featureShape))
    return {
      code: 'input-mismatch',
      nodeId: analysis.inputId,
      modelShape: [...inputShape],
      dataShape: [...data.featureShape],
    };
  const outputShape = analysis.nodes[analysis.outputId]?.outputShape ?? null;
  const needed = outputsNeeded(data, loss);
  if (outputShape && needed !== null && needed > 0 && sizeOf(outputShape) !== needed)
    return { code: 'output-mismatch', nodeId: analysis.outputId, units: sizeOf(outputShape), needed };
  return null;
}

/** The first way `config`'s loss or early stopping does not suit the dataset, or null. */
export function checkSettingsFit(
  data: SettingsData,
  config: Pick<TrainConfig, 'loss' | 'earlyStopping'>,
): SettingsFitProblem | null {
  const { loss, earlyStopping } = config;
  if (data.task === 'classification') {
    if (loss === 'mse') return { code: 'loss-needs-targets', loss };
    const classes = data.classNames?.length ?? 0;
    if (loss === 'bce_with_logits' && classes !== 2) return { code: 'binary-needs-two-classes', classes };
  } else {
    if (loss !== 'mse') return { code: 'loss-needs-classes', loss };
    if (earlyStopping?.metric === 'val_accuracy') return { code: 'accuracy-needs-classes' };
  }
  if (earlyStopping && data.split.counts.validation === 0) return { code: 'early-stopping-no-validation' };
  return null;
}
