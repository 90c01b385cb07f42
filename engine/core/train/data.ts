// A dataset held in the engine's memory: standardized features, labels or targets, and the split indices.
import type { TargetNormalization, Task } from '../data/dataset';

export interface TrainingData {
  task: Task;
  /** count x featureSize, already standardized. */
  features: Float32Array;
  featureShape: number[];
  featureSize: number;
  /** Class index per sample (classification). */
  labels: Int32Array | null;
  /** count x targetSize (regression), standardized when targetNormalization is set. */
  targets: Float32Array | null;
  /** The standardization already applied to `targets` (DatasetManifest.targetNormalization); null or absent: none. */
  targetNormalization?: TargetNormalization | null;
  targetSize: number;
  numClasses: number;
  classNames: string[];
  split: { train: Int32Array; validation: Int32Array; test: Int32Array };
  /** The standardization already applied to `features` (augmentation works on raw pixel values); null: none. */
  normalization?: Normalization | null;
}

export interface Normalization {
  axis: 'feature' | 'channel';
  mean: number[];
  std: number[];
}

/**
 * Applies z-score standardization in place: axis 'feature' has one mean/std per feature, 'channel' one per
 * image channel (features laid out [C, H, W]).
 */
export function standardize(features: Float32Array, featureShape: number[], normalization: Normalization): void {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  const count = features.length / featureSize;
  const groups = normalization.axis === 'feature' ? featureSize : featureShape[0];
  if (normalization.mean.length !== groups || normalization.std.length !== groups) {
    throw new Error(
      `normalization has ${normalization.mean.length} means and ${normalization.std.length} deviations, the data needs ${groups}`,
    );
  }
  const run = featureSize / groups; // consecutive values sharing one statistic
  const scale = normalization.std.map((s) => (s > 0 ? 1 / s : 1));
  for (let n = 0; n < count; n++) {
    let at = n * featureSize;
    for (let g = 0; g < groups; g++) {
      const mean = normalization.mean[g];
      const inv = scale[g];
      for (let k = 0; k < run; k++, at++) features[at] = (features[at] - mean) * inv;
    }
  }
}
