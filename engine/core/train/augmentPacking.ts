// Where each image's draws sit in the per-image arrays the augmentImages kernel takes (Kernels.augmentImages, the
// addon's AugmentBatch): the one statement of that layout, packed by augmentBatch and unpacked by the reference kernel.
import type { PlacedDraw } from './augment';

/** Bits of flags[i], one byte per image. */
export const AUGMENT_FLAG = { flipHorizontal: 1, flipVertical: 2, rotate: 4 } as const;

/** shifts[SHIFTS_PER_IMAGE · i + slot]: the shift in whole pixels (output (y, x) reads (y + shiftY, x + shiftX)). */
export const SHIFT_SLOT = { shiftX: 0, shiftY: 1 } as const;
export const SHIFTS_PER_IMAGE = 2;

/**
 * factors[FACTORS_PER_IMAGE · i + slot]: brightness and contrast as factors (1 leaves the image as it is), and the
 * cosine and sine of the rotation angle (computed in JS, so the kernel calls no libm of its own).
 */
export const FACTOR_SLOT = { brightness: 0, contrast: 1, cos: 2, sin: 3 } as const;
export const FACTORS_PER_IMAGE = 4;

/** cutouts[CUTOUT_VALUES · (i · cutoutCount + k) + slot]: cutout k's centre row and column, in pixels. */
export const CUTOUT_SLOT = { y: 0, x: 1 } as const;
export const CUTOUT_VALUES = 2;

/** A batch's draws as the kernel takes them. */
export interface PackedDraws {
  flags: Uint8Array;
  shifts: Int32Array;
  factors: Float64Array;
  cutouts: Int32Array;
}

/** Arrays for `batch` images of `cutoutCount` cutouts each, every image unchanged until packed. */
export function packedDraws(batch: number, cutoutCount: number): PackedDraws {
  const factors = new Float64Array(FACTORS_PER_IMAGE * batch);
  for (let i = 0; i < batch; i++) {
    factors[FACTORS_PER_IMAGE * i + FACTOR_SLOT.brightness] = 1;
    factors[FACTORS_PER_IMAGE * i + FACTOR_SLOT.contrast] = 1;
    factors[FACTORS_PER_IMAGE * i + FACTOR_SLOT.cos] = 1;
  }
  return {
    flags: new Uint8Array(batch),
    shifts: new Int32Array(SHIFTS_PER_IMAGE * batch),
    factors,
    cutouts: new Int32Array(CUTOUT_VALUES * cutoutCount * batch),
  };
}

/** Writes image i's draw (with exactly `cutoutCount` cutouts) into `packed`. */
export function packDraw(packed: PackedDraws, i: number, cutoutCount: number, draw: PlacedDraw): void {
  packed.flags[i] =
    (draw.flipHorizontal ? AUGMENT_FLAG.flipHorizontal : 0) |
    (draw.flipVertical ? AUGMENT_FLAG.flipVertical : 0) |
    (draw.rotate ? AUGMENT_FLAG.rotate : 0);
  const shifts = SHIFTS_PER_IMAGE * i;
  packed.shifts[shifts + SHIFT_SLOT.shiftX] = draw.shiftX;
  packed.shifts[shifts + SHIFT_SLOT.shiftY] = draw.shiftY;
  const factors = FACTORS_PER_IMAGE * i;
  packed.factors[factors + FACTOR_SLOT.brightness] = draw.brightness;
  packed.factors[factors + FACTOR_SLOT.contrast] = draw.contrast;
  packed.factors[factors + FACTOR_SLOT.cos] = draw.cos;
  packed.factors[factors + FACTOR_SLOT.sin] = draw.sin;
  for (let k = 0; k < cutoutCount; k++) {
    const at = CUTOUT_VALUES * (i * cutoutCount + k);
    packed.cutouts[at + CUTOUT_SLOT.y] = draw.cutouts[k][0];
    packed.cutouts[at + CUTOUT_SLOT.x] = draw.cutouts[k][1];
  }
}

/** Image i's draw read back from `packed` (what the kernel sees). */
export function unpackDraw(packed: PackedDraws, i: number, cutoutCount: number): PlacedDraw {
  const flags = packed.flags[i];
  const shifts = SHIFTS_PER_IMAGE * i;
  const factors = FACTORS_PER_IMAGE * i;
  return {
    flipHorizontal: (flags & AUGMENT_FLAG.flipHorizontal) !== 0,
    flipVertical: (flags & AUGMENT_FLAG.flipVertical) !== 0,
    rotate: (flags & AUGMENT_FLAG.rotate) !== 0,
    shiftX: packed.shifts[shifts + SHIFT_SLOT.shiftX],
    shiftY: packed.shifts[shifts + SHIFT_SLOT.shiftY],
    brightness: packed.factors[factors + FACTOR_SLOT.brightness],
    contrast: packed.factors[factors + FACTOR_SLOT.contrast],
    cos: packed.factors[factors + FACTOR_SLOT.cos],
    sin: packed.factors[factors + FACTOR_SLOT.sin],
    cutouts: Array.from({ length: cutoutCount }, (_, k): [number, number] => {
      const at = CUTOUT_VALUES * (i * cutoutCount + k);
      return [packed.cutouts[at + CUTOUT_SLOT.y], packed.cutouts[at + CUTOUT_SLOT.x]];
    }),
  };
}
