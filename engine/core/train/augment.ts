// Image augmentation of training batches: each image's random changes are drawn from a counter-based hash of
// (seed, epoch, dataset row), so any batch can be recomputed alone (resume, thread counts, the studio's preview),
// and written straight from the dataset into the batch buffer (no copy of the dataset).
import type { AugmentationConfig } from './config';

/** One image's random draws; the golden tests pass these explicitly. */
export interface AugmentDraw {
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Output pixel (y, x) reads the (flipped) image at (y + shiftY, x + shiftX); each in [-cropPadding, cropPadding]. */
  shiftX: number;
  shiftY: number;
  /** Rotation: the output at offset (u, v) from the centre (x right, y down) reads the shifted image at (cos·u − sin·v, sin·u + cos·v). */
  angleDegrees: number;
  brightness: number; // factor
  contrast: number; // factor
  /** Centre (y, x) of each cutout square, in pixels. */
  cutouts: Array<[number, number]>;
}

/** Per-channel standardization the batch is in: raw = z · std + mean (identity when null). */
export interface ChannelNormalization {
  mean: readonly number[];
  std: readonly number[];
}

/** Whether `augmentation` changes anything at all. */
export function augmentationActive(augmentation: AugmentationConfig | undefined): boolean {
  if (!augmentation) return false;
  const a = augmentation;
  return (
    (a.horizontalFlip ?? 0) > 0 ||
    (a.verticalFlip ?? 0) > 0 ||
    (a.cropPadding ?? 0) > 0 ||
    (a.rotationDegrees ?? 0) > 0 ||
    (a.brightness ?? 0) > 0 ||
    (a.contrast ?? 0) > 0 ||
    ((a.cutoutSize ?? 0) > 0 && (a.cutoutCount ?? 0) > 0)
  );
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1) with 24 bits, a pure function of its four counters. */
function uniform(seed: number, epoch: number, row: number, slot: number): number {
  let h = mix((seed ^ 0x2545f491) >>> 0);
  h = mix((h + Math.imul(epoch + 1, 0x9e3779b9)) >>> 0);
  h = mix((h ^ Math.imul(row + 1, 0x85ebca77)) >>> 0);
  h = mix((h + Math.imul(slot + 1, 0xc2b2ae3d)) >>> 0);
  return (h >>> 8) / 16777216;
}

// Slots of each draw; cutout k uses CUTOUT + 2k (y) and CUTOUT + 2k + 1 (x).
const SLOT = { flipH: 0, flipV: 1, shiftX: 2, shiftY: 3, angle: 4, brightness: 5, contrast: 6, cutout: 7 } as const;

/** The random changes for dataset row `row` in epoch `epoch` (0-based) of a run seeded `seed`, for an H x W image. */
export function drawAugmentation(
  augmentation: AugmentationConfig,
  seed: number,
  epoch: number,
  row: number,
  height: number,
  width: number,
): AugmentDraw {
  const u = (slot: number) => uniform(seed, epoch, row, slot);
  const pad = augmentation.cropPadding ?? 0;
  const maxAngle = augmentation.rotationDegrees ?? 0;
  const brightness = augmentation.brightness ?? 0;
  const contrast = augmentation.contrast ?? 0;
  const count = (augmentation.cutoutSize ?? 0) > 0 ? (augmentation.cutoutCount ?? 0) : 0;
  const cutouts: Array<[number, number]> = [];
  for (let k = 0; k < count; k++) {
    cutouts.push([Math.floor(u(SLOT.cutout + 2 * k) * height), Math.floor(u(SLOT.cutout + 2 * k + 1) * width)]);
  }
  return {
    flipHorizontal: u(SLOT.flipH) < (augmentation.horizontalFlip ?? 0),
    flipVertical: u(SLOT.flipV) < (augmentation.verticalFlip ?? 0),
    shiftX: pad > 0 ? Math.floor(u(SLOT.shiftX) * (2 * pad + 1)) - pad : 0,
    shiftY: pad > 0 ? Math.floor(u(SLOT.shiftY) * (2 * pad + 1)) - pad : 0,
    angleDegrees: maxAngle > 0 ? (2 * u(SLOT.angle) - 1) * maxAngle : 0,
    brightness: brightness > 0 ? 1 + (2 * u(SLOT.brightness) - 1) * brightness : 1,
    contrast: contrast > 0 ? 1 + (2 * u(SLOT.contrast) - 1) * contrast : 1,
    cutouts,
  };
}

/**
 * Writes the augmented image into `target` from `source`, both one standardized image [C, H, W]. Geometry reads
 * raw values (black outside the image); brightness b and contrast c give c·b·raw + (1 − c)·b·mean, mean over the
 * source image's raw values; cutout squares of side `cutoutSize` are black; the result is standardized again.
 */
export function augmentImage(
  source: Float32Array,
  target: Float32Array,
  shape: readonly number[],
  draw: AugmentDraw,
  cutoutSize: number,
  normalization: ChannelNormalization | null,
): void {
  const [channels, height, width] = shape;
  const plane = height * width;
  let meanRaw = 0;
  if (draw.contrast !== 1) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const [m, s] = channelStats(normalization, c);
      let channelSum = 0;
      for (let i = c * plane; i < (c + 1) * plane; i++) channelSum += source[i];
      sum += channelSum * s + plane * m;
    }
    meanRaw = sum / (channels * plane);
  }
  const gain = draw.contrast * draw.brightness;
  const offset = (1 - draw.contrast) * draw.brightness * meanRaw;
  const radians = (draw.angleDegrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cy = (height - 1) / 2;
  const cx = (width - 1) / 2;
  for (let c = 0; c < channels; c++) {
    const [m, s] = channelStats(normalization, c);
    const inv = 1 / s;
    const src = source.subarray(c * plane, (c + 1) * plane);
    const dst = target.subarray(c * plane, (c + 1) * plane);
    // The shifted, flipped image's raw value at integer (y, x); black outside the cropped frame (rotation reads
    // past its edge) and where the shift brought in padding.
    const shifted = (y: number, x: number): number => {
      if (y < 0 || y >= height || x < 0 || x >= width) return 0;
      const sy = y + draw.shiftY;
      const sx = x + draw.shiftX;
      if (sy < 0 || sy >= height || sx < 0 || sx >= width) return 0;
      const fy = draw.flipVertical ? height - 1 - sy : sy;
      const fx = draw.flipHorizontal ? width - 1 - sx : sx;
      return src[fy * width + fx] * s + m;
    };
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let raw: number;
        if (draw.angleDegrees === 0) raw = shifted(y, x);
        else {
          const u = x - cx;
          const v = y - cy;
          const qx = cos * u - sin * v + cx;
          const qy = sin * u + cos * v + cy;
          const x0 = Math.floor(qx);
          const y0 = Math.floor(qy);
          const wx = qx - x0;
          const wy = qy - y0;
          raw =
            (1 - wy) * ((1 - wx) * shifted(y0, x0) + wx * shifted(y0, x0 + 1)) +
            wy * ((1 - wx) * shifted(y0 + 1, x0) + wx * shifted(y0 + 1, x0 + 1));
        }
        dst[y * width + x] = (gain * raw + offset - m) * inv;
      }
    }
    const black = (0 - m) * inv; // not -m · inv, which is -0 for an unstandardized image
    for (const [y, x] of draw.cutouts) {
      const top = Math.max(0, y - Math.floor(cutoutSize / 2));
      const left = Math.max(0, x - Math.floor(cutoutSize / 2));
      const bottom = Math.min(height, y - Math.floor(cutoutSize / 2) + cutoutSize);
      const right = Math.min(width, x - Math.floor(cutoutSize / 2) + cutoutSize);
      for (let yy = top; yy < bottom; yy++) dst.fill(black, yy * width + left, yy * width + right);
    }
  }
}

/** Mean and (nonzero) standard deviation of channel c, as `standardize` applied them. */
function channelStats(normalization: ChannelNormalization | null, c: number): [number, number] {
  if (!normalization) return [0, 1];
  const s = normalization.std[c];
  return [normalization.mean[c], s > 0 ? s : 1];
}

/**
 * Augments one batch: image i of the batch is dataset row `rows[start + i]` of `features` (standardized), written
 * into `input` at i · featureSize.
 */
export function augmentBatch(
  augmentation: AugmentationConfig,
  features: Float32Array,
  shape: readonly number[],
  normalization: ChannelNormalization | null,
  rows: Int32Array,
  start: number,
  batch: number,
  seed: number,
  epoch: number,
  input: Float32Array,
): void {
  const size = shape[0] * shape[1] * shape[2];
  const cutoutSize = augmentation.cutoutSize ?? 0;
  for (let i = 0; i < batch; i++) {
    const row = rows[start + i];
    const draw = drawAugmentation(augmentation, seed, epoch, row, shape[1], shape[2]);
    augmentImage(
      features.subarray(row * size, row * size + size),
      input.subarray(i * size, i * size + size),
      shape,
      draw,
      cutoutSize,
      normalization,
    );
  }
}
