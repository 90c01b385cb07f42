// Per-image pixel layout and per-channel statistics. Each image's channel mean and sum of squared deviations are
// kept (a few doubles per image), so the training split's statistics come out exactly once the split is known,
// without reading the features back.
import type { Normalization } from '../../../../engine/core/data/normalization';

/** v / 255 as float32 for every byte value. */
const UNIT_SCALE = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** Interleaved bytes [H, W, C] → float32 in [0, 1] laid out [C, H, W] (the dataset's per-image layout). */
export function toPlanarUnit(interleaved: Uint8Array, channels: number, out: Float32Array): void {
  const pixels = interleaved.length / channels;
  if (out.length !== interleaved.length)
    throw new Error(`toPlanarUnit: ${out.length} outputs for ${interleaved.length} values`);
  for (let c = 0; c < channels; c++) {
    const plane = c * pixels;
    for (let p = 0, at = c; p < pixels; p++, at += channels) out[plane + p] = UNIT_SCALE[interleaved[at]];
  }
}

export class ChannelStatistics {
  private readonly means: Float64Array;
  private readonly squaredDeviations: Float64Array;

  /** Room for `capacity` images of `channels` planes of `pixels` values each. */
  constructor(
    capacity: number,
    private readonly channels: number,
    private readonly pixels: number,
  ) {
    this.means = new Float64Array(capacity * channels);
    this.squaredDeviations = new Float64Array(capacity * channels);
  }

  /** Records image `row` from its [C, H, W] float32 values, in double. */
  add(row: number, planar: Float32Array): void {
    for (let c = 0; c < this.channels; c++) {
      const plane = planar.subarray(c * this.pixels, (c + 1) * this.pixels);
      let sum = 0;
      for (let p = 0; p < plane.length; p++) sum += plane[p];
      const mean = sum / plane.length;
      let deviations = 0;
      for (let p = 0; p < plane.length; p++) {
        const d = plane[p] - mean;
        deviations += d * d;
      }
      this.means[row * this.channels + c] = mean;
      this.squaredDeviations[row * this.channels + c] = deviations;
    }
  }

  /**
   * Mean and population standard deviation of each channel over `rows` (the training split), combining the
   * per-image figures exactly (Chan et al.): every image has the same pixel count n, so the mean is the mean of
   * the image means and M2 = sum of image M2 + n · sum of (image mean − mean)². A constant channel gets std 1,
   * as engine/core/data/normalization.ts does.
   */
  normalization(rows: Int32Array): Normalization {
    const mean: number[] = [];
    const std: number[] = [];
    for (let c = 0; c < this.channels; c++) {
      let sum = 0;
      for (const row of rows) sum += this.means[row * this.channels + c];
      const channelMean = rows.length ? sum / rows.length : 0;
      let m2 = 0;
      for (const row of rows) {
        const d = this.means[row * this.channels + c] - channelMean;
        m2 += this.squaredDeviations[row * this.channels + c] + this.pixels * d * d;
      }
      const values = rows.length * this.pixels;
      const sd = values ? Math.sqrt(m2 / values) : 0;
      mean.push(channelMean);
      std.push(sd > 1e-12 ? sd : 1);
    }
    return { axis: 'channel', mean, std };
  }
}
