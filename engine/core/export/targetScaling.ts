// The output step of an export whose dataset standardized its regression targets (DatasetManifest.targetNormalization):
// the network predicts (t - mean) / std, so label units are output * std + mean per target. Either the export applies
// that itself (ONNX 'fold', the PyTorch script) or the reader does; this says which, as data and in words.
import type { TargetNormalization } from '../data/dataset';
import { checkTargetNormalization, targetScaleOf } from '../data/targetNormalization';

export type { TargetNormalization } from '../data/dataset';

export interface TargetScaling {
  normalization: TargetNormalization;
  /** True when the exported model gives label units itself; false when the reader multiplies and adds. */
  appliedByModel: boolean;
  /** One name per target (the dataset's targetNames), for the words; absent: target 0, 1, ... */
  targetNames?: readonly string[];
}

/** Throws, naming the format, unless the statistics are one finite mean and non-negative std per output value. */
export function checkTargetScaling(normalization: TargetNormalization, outputWidth: number, format: string): void {
  if (!normalization || !Array.isArray(normalization.mean) || !Array.isArray(normalization.std))
    throw new Error(
      `cannot export the model to ${format}: the target normalization needs a list of means and of deviations`,
    );
  try {
    checkTargetNormalization(normalization, outputWidth);
  } catch (error) {
    throw new Error(
      `cannot export the model to ${format}: the model has ${outputWidth} output value${outputWidth === 1 ? '' : 's'} and ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The multipliers as the engine applies them (a std of 0 counts as 1). */
export const targetScales = (normalization: TargetNormalization): number[] => normalization.std.map(targetScaleOf);

/** For metadata (ONNX metadata_props, safetensors): the statistics and who applies them, as JSON. */
export function targetScalingMetadata(s: TargetScaling): string {
  return JSON.stringify({
    mean: s.normalization.mean,
    std: s.normalization.std,
    formula: 'label = output * std + mean',
    applied_by: s.appliedByModel ? 'model' : 'caller',
  });
}

/** Per target: "price: std 79415.29, mean 180921.2" (7 significant digits; the exact values are in the metadata). */
function perTarget(s: TargetScaling): string {
  const scales = targetScales(s.normalization);
  return s.normalization.mean
    .map((m, o) => `${s.targetNames?.[o] ?? `target ${o}`}: std ${round(scales[o])}, mean ${round(m)}`)
    .join('; ');
}

/** The output step in one sentence, with the numbers. */
export function targetScalingStep(s: TargetScaling): string {
  return s.appliedByModel
    ? `The outputs are in the label's units already: the model was trained on standardized targets and multiplies by their std and adds their mean itself (${perTarget(s)}).`
    : `The outputs are standardized (the model was trained on (target - mean) / std): multiply each by its target's std and add its mean for the label's units (${perTarget(s)}).`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(7)));
}
