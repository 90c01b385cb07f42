// Exports the trained weights as a self-describing safetensors file: tensors named `<node id>.<field>` (the same
// names as the PyTorch script's state_dict) and metadata holding the model spec, normalization, target normalization
// and class names. The weights compute the network alone: with a target normalization its outputs are standardized.

import { encodeSafetensors, type NamedArray } from '../io/safetensors';
import type { ModelSpec } from '../spec/types';
import {
  checkNormalization,
  checkTensors,
  checkedModel,
  type ExportNormalization,
  type TensorMap,
} from './modelTensors';
import { checkTargetScaling, type TargetNormalization } from './targetScaling';

export const WEIGHTS_FORMAT = 'netwright-weights-1';
const FORMAT = 'safetensors';

/** Metadata keys of the exported file (all values are JSON strings except `format`). */
export const WEIGHTS_METADATA = {
  format: 'format',
  spec: 'netwright.spec',
  normalization: 'netwright.normalization',
  /** {mean, std} per target: label units are output * std + mean; null when the targets were not standardized. */
  targetNormalization: 'netwright.target_normalization',
  classNames: 'netwright.class_names',
} as const;

export interface SafetensorsExportInput {
  spec: ModelSpec;
  tensors: TensorMap;
  normalization?: ExportNormalization | null;
  /** Regression targets standardized for training (DatasetManifest.targetNormalization). */
  targetNormalization?: TargetNormalization | null;
  classNames?: readonly string[] | null;
}

export function exportSafetensors(input: SafetensorsExportInput): Uint8Array {
  const model = checkedModel(input.spec, FORMAT);
  const values = checkTensors(model, input.tensors, FORMAT);
  const normalization = input.normalization ?? null;
  if (normalization)
    checkNormalization(normalization, model.analysis.nodes[model.analysis.inputId!].outputShape!, FORMAT);
  const targetNormalization = input.targetNormalization ?? null;
  if (targetNormalization) {
    const outputShape = model.analysis.nodes[model.analysis.outputId!].outputShape!;
    checkTargetScaling(
      targetNormalization,
      outputShape.reduce((a, b) => a * b, 1),
      FORMAT,
    );
  }
  const tensors = new Map<string, NamedArray>();
  for (const t of model.expected) tensors.set(t.name, { dtype: 'F32', shape: [...t.shape], data: values.get(t.name)! });
  const metadata: Record<string, string> = {
    [WEIGHTS_METADATA.format]: WEIGHTS_FORMAT,
    [WEIGHTS_METADATA.spec]: JSON.stringify(input.spec),
    [WEIGHTS_METADATA.normalization]: JSON.stringify(
      normalization ? { axis: normalization.axis, mean: normalization.mean, std: normalization.std } : null,
    ),
    [WEIGHTS_METADATA.targetNormalization]: JSON.stringify(
      targetNormalization ? { mean: targetNormalization.mean, std: targetNormalization.std } : null,
    ),
    [WEIGHTS_METADATA.classNames]: JSON.stringify(input.classNames ?? null),
  };
  return encodeSafetensors(tensors, metadata);
}
