// Regression targets on the scale the model learns them (DatasetManifest.targetNormalization): standardized for
// training and the loss, and back in the label's units for predictions, metrics and exports.
import type { TargetNormalization } from './dataset';

/** A std of 0 (or not a positive number) counts as 1, as for features. */
export const targetScaleOf = (std: number) => (std > 0 ? std : 1);

/** Throws unless there is one finite mean and one finite, non-negative std per target. */
export function checkTargetNormalization(normalization: TargetNormalization, targetSize: number): void {
  const { mean, std } = normalization;
  if (mean.length !== targetSize || std.length !== targetSize) {
    throw new Error(
      `target normalization has ${mean.length} means and ${std.length} deviations, the dataset has ${targetSize} targets`,
    );
  }
  for (let o = 0; o < targetSize; o++) {
    if (!Number.isFinite(mean[o]) || !Number.isFinite(std[o]) || std[o] < 0) {
      throw new Error(
        `target normalization: target ${o} has mean ${mean[o]} and standard deviation ${std[o]}; both must be finite and the deviation not negative`,
      );
    }
  }
}

/** (t - mean) / std in place, for values [rows, targetSize]. */
export function standardizeTargets(values: Float32Array, normalization: TargetNormalization): void {
  const k = normalization.mean.length;
  const inverse = normalization.std.map((s) => 1 / targetScaleOf(s));
  for (let at = 0; at < values.length; at++) {
    const o = at % k;
    values[at] = (values[at] - normalization.mean[o]) * inverse[o];
  }
}

/** y * std + mean in place: a model's standardized outputs [rows, targetSize] in the label's units. */
export function unstandardizeTargets(values: Float32Array, normalization: TargetNormalization): void {
  const k = normalization.mean.length;
  for (let at = 0; at < values.length; at++) {
    const o = at % k;
    values[at] = values[at] * targetScaleOf(normalization.std[o]) + normalization.mean[o];
  }
}

/**
 * The statistics over the training rows of targets [count, targetSize], in float64 (Welford: stable when the mean is
 * large beside the spread).
 */
export function computeTargetNormalization(
  targets: Float32Array,
  targetSize: number,
  rows: Int32Array,
): TargetNormalization {
  const mean = new Array<number>(targetSize).fill(0);
  const squares = new Array<number>(targetSize).fill(0);
  for (let i = 0; i < rows.length; i++) {
    for (let o = 0; o < targetSize; o++) {
      const y = targets[rows[i] * targetSize + o];
      const delta = y - mean[o];
      mean[o] += delta / (i + 1);
      squares[o] += delta * (y - mean[o]);
    }
  }
  const std = squares.map((s) => (rows.length ? Math.sqrt(s / rows.length) : 0));
  return { mean, std };
}
