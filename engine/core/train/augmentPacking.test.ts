// The augmentation kernel's per-image arrays: every draw has a place of its own, a draw packed reads back the same
// for each image of a batch, and fresh arrays leave every image unchanged.
import { describe, expect, it } from 'vitest';
import type { PlacedDraw } from './augment';
import {
  AUGMENT_FLAG,
  CUTOUT_SLOT,
  CUTOUT_VALUES,
  FACTOR_SLOT,
  FACTORS_PER_IMAGE,
  packDraw,
  packedDraws,
  SHIFT_SLOT,
  SHIFTS_PER_IMAGE,
  unpackDraw,
} from './augmentPacking';

/** Image i's draw, every value different from every other image's. */
function drawOf(i: number, cutoutCount: number): PlacedDraw {
  return {
    flipHorizontal: i % 2 === 0,
    flipVertical: i % 3 === 0,
    rotate: i % 4 !== 1,
    shiftX: i - 5,
    shiftY: 7 - 2 * i,
    brightness: 1.1 + i / 100,
    contrast: 0.8 - i / 100,
    cos: Math.cos(i / 3),
    sin: Math.sin(i / 3),
    cutouts: Array.from({ length: cutoutCount }, (_, k): [number, number] => [10 * i + k, 20 * i + 3 * k + 1]),
  };
}

describe('the augmentation kernel’s packed draws', () => {
  it('gives each value of an image a slot of its own within the image’s share', () => {
    const slots = (table: Record<string, number>) => Object.values(table).sort((a, b) => a - b);
    expect(slots(SHIFT_SLOT)).toEqual([...Array(SHIFTS_PER_IMAGE).keys()]);
    expect(slots(FACTOR_SLOT)).toEqual([...Array(FACTORS_PER_IMAGE).keys()]);
    expect(slots(CUTOUT_SLOT)).toEqual([...Array(CUTOUT_VALUES).keys()]);
    expect(slots(AUGMENT_FLAG)).toEqual([1, 2, 4]);
  });

  it.each([0, 1, 3])('reads back each image’s draw as packed, with %i cutouts', (cutoutCount) => {
    const batch = 5;
    const packed = packedDraws(batch, cutoutCount);
    for (let i = 0; i < batch; i++) packDraw(packed, i, cutoutCount, drawOf(i, cutoutCount));
    for (let i = 0; i < batch; i++) expect(unpackDraw(packed, i, cutoutCount)).toEqual(drawOf(i, cutoutCount));
  });

  it('starts every image unchanged: no flip, shift or rotation, brightness and contrast 1', () => {
    const packed = packedDraws(3, 1);
    for (let i = 0; i < 3; i++)
      expect(unpackDraw(packed, i, 1)).toEqual({
        flipHorizontal: false,
        flipVertical: false,
        rotate: false,
        shiftX: 0,
        shiftY: 0,
        brightness: 1,
        contrast: 1,
        cos: 1,
        sin: 0,
        cutouts: [[0, 0]],
      });
  });
});
