// Image augmentation of training batches: each image's random changes are drawn from a counter-based hash of
// (seed, epoch, dataset row), so any batch can be recomputed alone (resume, thread counts, the studio's preview),
// and written straight from the dataset into the batch buffer (no copy of the dataset).
import type { Kernels } from '../kernels';
import { CUTOUT_VALUES, packDraw, packedDraws } from './augmentPacking';
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

/**
 * A draw as the arithmetic takes it: the rotation as the cosine and sine of its angle, computed here in JS once, so
 * the native kernel (which receives these numbers) never calls a libm of its own.
 */
export interface PlacedDraw extends Omit<AugmentDraw, 'angleDegrees'> {
  rotate: boolean;
  cos: number;
  sin: number;
}

export function placeDraw(draw: AugmentDraw): PlacedDraw {
  const radians = (draw.angleDegrees * Math.PI) / 180;
  // Fields one by one: an object rest/spread here cost 6 µs an image, more than augmenting it.
  return {
    flipHorizontal: draw.flipHorizontal,
    flipVertical: draw.flipVertical,
    shiftX: draw.shiftX,
    shiftY: draw.shiftY,
    rotate: draw.angleDegrees !== 0,
    cos: Math.cos(radians),
    sin: Math.sin(radians),
    brightness: draw.brightness,
    contrast: draw.contrast,
    cutouts: draw.cutouts,
  };
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

/** The per-image key all of one image's draws derive from: a pure function of seed, epoch and dataset row. */
function imageKey(seed: number, epoch: number, row: number): number {
  let h = mix((seed ^ 0x2545f491) >>> 0);
  h = mix((h + Math.imul(epoch + 1, 0x9e3779b9)) >>> 0);
  return mix((h ^ Math.imul(row + 1, 0x85ebca77)) >>> 0);
}

/** Uniform in [0, 1) with 24 bits: draw number `slot` of the image keyed `key`. */
function uniform(key: number, slot: number): number {
  return (mix((key + Math.imul(slot + 1, 0xc2b2ae3d)) >>> 0) >>> 8) / 16777216;
}

// Slots of each draw; cutout k uses CUTOUT + 2k (y) and CUTOUT + 2k + 1 (x).
const SLOT = { flipH: 0, flipV: 1, shiftX: 2, shiftY: 3, angle: 4, brightness: 5, contrast: 6, cutout: 7 } as const;

/** How many cutout squares each image gets (none when they have no size). */
function cutoutCountOf(augmentation: AugmentationConfig): number {
  return (augmentation.cutoutSize ?? 0) > 0 ? (augmentation.cutoutCount ?? 0) : 0;
}

/** The random changes for dataset row `row` in epoch `epoch` (0-based) of a run seeded `seed`, for an H x W image. */
export function drawAugmentation(
  augmentation: AugmentationConfig,
  seed: number,
  epoch: number,
  row: number,
  height: number,
  width: number,
): AugmentDraw {
  // uniform(key, …) called directly: a closure over key made each draw cost 0.9 µs instead of 0.15.
  const key = imageKey(seed, epoch, row);
  const pad = augmentation.cropPadding ?? 0;
  const maxAngle = augmentation.rotationDegrees ?? 0;
  const brightness = augmentation.brightness ?? 0;
  const contrast = augmentation.contrast ?? 0;
  const count = cutoutCountOf(augmentation);
  const cutouts: Array<[number, number]> = [];
  for (let k = 0; k < count; k++) {
    cutouts.push([
      Math.floor(uniform(key, SLOT.cutout + 2 * k) * height),
      Math.floor(uniform(key, SLOT.cutout + 2 * k + 1) * width),
    ]);
  }
  return {
    flipHorizontal: uniform(key, SLOT.flipH) < (augmentation.horizontalFlip ?? 0),
    flipVertical: uniform(key, SLOT.flipV) < (augmentation.verticalFlip ?? 0),
    shiftX: pad > 0 ? Math.floor(uniform(key, SLOT.shiftX) * (2 * pad + 1)) - pad : 0,
    shiftY: pad > 0 ? Math.floor(uniform(key, SLOT.shiftY) * (2 * pad + 1)) - pad : 0,
    angleDegrees: maxAngle > 0 ? (2 * uniform(key, SLOT.angle) - 1) * maxAngle : 0,
    brightness: brightness > 0 ? 1 + (2 * uniform(key, SLOT.brightness) - 1) * brightness : 1,
    contrast: contrast > 0 ? 1 + (2 * uniform(key, SLOT.contrast) - 1) * contrast : 1,
    cutouts,
  };
}

/**
 * One channel of the shifted, flipped image in raw values with a one-pixel black border, (H + 2) x (W + 2), so
 * bilinear reads need no bounds checks. Reused between images (the engine runs one batch at a time).
 */
let bordered = new Float64Array(0);

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
  augmentPlaced(source, target, shape, placeDraw(draw), cutoutSize, normalization);
}

/** augmentImage with the rotation given as its cosine and sine (what the native kernel is checked against). */
export function augmentPlaced(
  source: Float32Array,
  target: Float32Array,
  shape: readonly number[],
  draw: PlacedDraw,
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
  const { shiftX, shiftY, flipHorizontal, flipVertical } = draw;
  // Output (y, x) of the shifted image reads source (y + shiftY, x + shiftX) (flipped): rows and columns in range.
  const top = Math.max(0, -shiftY);
  const bottom = Math.min(height, height - shiftY);
  const left = Math.max(0, -shiftX);
  const right = Math.min(width, width - shiftX);
  const { rotate } = draw;
  const stride = width + 2;
  if (rotate && bordered.length < (height + 2) * stride) bordered = new Float64Array((height + 2) * stride);
  for (let c = 0; c < channels; c++) {
    const [m, s] = channelStats(normalization, c);
    const inv = 1 / s;
    // standardized output = scale · raw + bias
    const scale = gain * inv;
    const bias = (offset - m) * inv;
    const src = source.subarray(c * plane, (c + 1) * plane);
    const dst = target.subarray(c * plane, (c + 1) * plane);
    if (!rotate) {
      // Raw 0 from outside the image goes through brightness and contrast like every pixel. (Plain loops: a
      // TypedArray fill call costs more than the few values of one row.)
      const black = bias;
      for (let y = 0; y < height; y++) {
        const row = y * width;
        if (y < top || y >= bottom) {
          for (let x = 0; x < width; x++) dst[row + x] = black;
          continue;
        }
        const sy = y + shiftY;
        const from = (flipVertical ? height - 1 - sy : sy) * width;
        for (let x = 0; x < left; x++) dst[row + x] = black;
        if (flipHorizontal) {
          const last = from + width - 1 - shiftX;
          for (let x = left; x < right; x++) dst[row + x] = (src[last - x] * s + m) * scale + bias;
        } else {
          const first = from + shiftX;
          for (let x = left; x < right; x++) dst[row + x] = (src[first + x] * s + m) * scale + bias;
        }
        for (let x = right; x < width; x++) dst[row + x] = black;
      }
    } else {
      const b = bordered;
      b.fill(0, 0, (height + 2) * stride);
      for (let y = top; y < bottom; y++) {
        const sy = y + shiftY;
        const from = (flipVertical ? height - 1 - sy : sy) * width;
        const row = (y + 1) * stride + 1;
        if (flipHorizontal) {
          const last = from + width - 1 - shiftX;
          for (let x = left; x < right; x++) b[row + x] = src[last - x] * s + m;
        } else {
          const first = from + shiftX;
          for (let x = left; x < right; x++) b[row + x] = src[first + x] * s + m;
        }
      }
      rotateInto(b, dst, height, width, draw.cos, draw.sin, scale, bias);
    }
    const cutoutBlack = (0 - m) * inv; // raw 0 after brightness and contrast (not -m · inv: that is -0 when m = 0)
    for (const [y, x] of draw.cutouts) {
      const y0 = y - Math.floor(cutoutSize / 2);
      const x0 = x - Math.floor(cutoutSize / 2);
      const xEnd = Math.min(width, x0 + cutoutSize);
      for (let yy = Math.max(0, y0); yy < Math.min(height, y0 + cutoutSize); yy++)
        for (let x = Math.max(0, x0); x < xEnd; x++) dst[yy * width + x] = cutoutBlack;
    }
  }
}

/**
 * Bilinear rotation about the centre of `bordered` (a channel with a one-pixel black border) into `target`, each
 * value mapped to scale · raw + bias: the output at offset (u, v) from the centre reads (cos·u − sin·v, sin·u + cos·v).
 */
function rotateInto(
  bordered: Float64Array,
  target: Float32Array,
  height: number,
  width: number,
  cos: number,
  sin: number,
  scale: number,
  bias: number,
): void {
  const cy = (height - 1) / 2;
  const cx = (width - 1) / 2;
  const stride = width + 2;
  for (let y = 0; y < height; y++) {
    const v = y - cy;
    // Sampling points step by (cos, sin) along a row. They carry +2, so wherever a point can be read (true
    // coordinate ≥ −1) truncation is floor, and true (y0, x0) sits at bordered (y0 + 1, x0 + 1).
    let qx = -cos * cx - sin * v + cx + 2;
    let qy = -sin * cx + cos * v + cy + 2;
    let out = y * width;
    for (let x = 0; x < width; x++, qx += cos, qy += sin, out++) {
      const x0 = qx | 0;
      const y0 = qy | 0;
      let raw = 0;
      // Corners (y0, x0) to (y0 + 1, x0 + 1) all in the bordered frame; anything further out is black.
      if (qx >= 1 && x0 < width + 2 && qy >= 1 && y0 < height + 2) {
        const wx = qx - x0;
        const wy = qy - y0;
        const at = (y0 - 1) * stride + x0 - 1;
        const upperLeft = bordered[at];
        const lowerLeft = bordered[at + stride];
        const upper = upperLeft + wx * (bordered[at + 1] - upperLeft);
        const lower = lowerLeft + wx * (bordered[at + stride + 1] - lowerLeft);
        raw = upper + wy * (lower - upper);
      }
      target[out] = raw * scale + bias;
    }
  }
}

/** Mean and (nonzero) standard deviation of channel c, as `standardize` applied them. */
function channelStats(normalization: ChannelNormalization | null, c: number): [number, number] {
  if (!normalization) return [0, 1];
  const s = normalization.std[c];
  return [normalization.mean[c], s > 0 ? s : 1];
}

/** The kernel's per-image arrays and per-channel statistics, kept between batches (one batch at a time). */
let packed = packedDraws(0, 0);
let stats = new Float64Array(0);

/**
 * Augments one batch with the kernels' augmentImages (images in parallel, same values as augmentImage): image i of
 * the batch is dataset row `rows[start + i]` of `features` (standardized), written into `input` at i · featureSize.
 * The draws are made here, in JS, and passed as numbers.
 */
export function augmentBatch(
  kernels: Kernels,
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
  const [channels, height, width] = shape;
  const cutoutSize = augmentation.cutoutSize ?? 0;
  const count = cutoutCountOf(augmentation);
  if (packed.flags.length < batch || packed.cutouts.length < CUTOUT_VALUES * count * batch)
    packed = packedDraws(batch, count);
  if (stats.length !== 2 * channels) stats = new Float64Array(2 * channels);
  for (let c = 0; c < channels; c++) [stats[c], stats[channels + c]] = channelStats(normalization, c);
  for (let i = 0; i < batch; i++)
    packDraw(packed, i, count, placeDraw(drawAugmentation(augmentation, seed, epoch, rows[start + i], height, width)));
  kernels.augmentImages(
    features,
    rows.subarray(start, start + batch),
    batch,
    channels,
    height,
    width,
    stats,
    packed.flags,
    packed.shifts,
    packed.factors,
    cutoutSize,
    count,
    packed.cutouts,
    input,
  );
}
