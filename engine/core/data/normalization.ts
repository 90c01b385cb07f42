// Standardization statistics computed on the training rows only, so nothing about the validation or test
// rows leaks into training. Tables: one mean/std per feature; images: one per channel.
import type { DatasetManifest } from './dataset';

export type Normalization = NonNullable<DatasetManifest['normalization']>;

/**
 * Mean and (population) standard deviation over `rows` of features [count, ...featureShape], in double.
 * `skip` marks features left as they are (one-hot columns: mean 0, std 1). A constant feature gets std 1.
 */
export function computeNormalization(
  features: Float32Array,
  featureShape: number[],
  rows: Int32Array,
  axis: 'feature' | 'channel',
  skip?: boolean[],
): Normalization {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  const groups = axis === 'feature' ? featureSize : featureShape[0];
  const run = featureSize / groups;
  const sum = new Float64Array(groups);
  const sumSq = new Float64Array(groups);
  // Two passes (mean, then squared deviations) avoid the cancellation of sum(x^2) - n mean^2.
  for (const row of rows) {
    let at = row * featureSize;
    for (let g = 0; g < groups; g++) for (let k = 0; k < run; k++) sum[g] += features[at++];
  }
  const per = rows.length * run;
  const mean = Array.from(sum, (s) => (per ? s / per : 0));
  for (const row of rows) {
    let at = row * featureSize;
    for (let g = 0; g < groups; g++)
      for (let k = 0; k < run; k++) {
        const d = features[at++] - mean[g];
        sumSq[g] += d * d;
      }
  }
  const std = Array.from(sumSq, (s) => {
    const sd = per ? Math.sqrt(s / per) : 0;
    return sd > 1e-12 ? sd : 1;
  });
  if (skip)
    skip.forEach((s, g) => {
      if (s) {
        mean[g] = 0;
        std[g] = 1;
      }
    });
  return { axis, mean, std };
}
