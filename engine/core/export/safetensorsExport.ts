// Exports the trained weights as a self-describing safetensors file: tensors named `<node id>.<field>` (the same
// names as the PyTorch script's state_dict) and metadata holding the model spec, normalization and class names.

import { encodeSafetensors, type NamedArray } from '../io/safetensors';
import type { ModelSpec } from '../spec/types';
import {
  checkNormalization,
  checkTensors,
  checkedModel,
  type ExportNormalization,
  type TensorMap,
} from './modelTensors';

export const WEIGHTS_FORMAT = 'netwright-weights-1';
const FORMAT = 'safetensors';

/** Metadata keys of the exported file (all values are JSON strings except `format`). */
export const WEIGHTS_METADATA = {
  format: 'format',
  spec: 'netwright.spec',
  normalization: 'netwright.normalization',
  classNames: 'netwright.class_names',
} as const;

export interface SafetensorsExportInput {
  spec: ModelSpec;
  tensors: TensorMap;
  normalization?: ExportNormalization | null;
  classNames?: readonly string[] | null;
}

export function exportSafetensors(input: SafetensorsExportInput): Uint8Array {
  const model = checkedModel(input.spec, FORMAT);
  const values = checkTensors(model, input.tensors, FORMAT);
  const normalization = input.normalization ?? null;
  if (normalization)
    checkNormalization(normalization, model.analysis.nodes[model.analysis.inputId!].outputShape!, FORMAT);
  const tensors = new Map<string, NamedArray>();
  for (const t of model.expected) tensors.set(t.name, { dtype: 'F32', shape: [...t.shape], data: values.get(t.name)! });
  const metadata: Record<string, string> = {
    [WEIGHTS_METADATA.format]: WEIGHTS_FORMAT,
    [WEIGHTS_METADATA.spec]: JSON.stringify(input.spec),
    [WEIGHTS_METADATA.normalization]: JSON.stringify(
      normalization ? { axis: normalization.axis, mean: normalization.mean, std: normalization.std } : null,
    ),
    [WEIGHTS_METADATA.classNames]: JSON.stringify(input.classNames ?? null),
  };
  return encodeSafetensors(tensors, metadata);
}
