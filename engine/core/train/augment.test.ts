// Image augmentation: each transform on known images with explicit draws, the draws as a pure function of
// (seed, epoch, row), batches written in place, and the settings' checks.
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { config } from '../../test/models';
import { augmentationActive, augmentBatch, augmentImage, drawAugmentation, type AugmentDraw } from './augment';
import { checkTrainConfig } from './configCheck';

const NONE: AugmentDraw = {
  flipHorizontal: false,
  flipVertical: false,
  shiftX: 0,
  shiftY: 0,
  angleDegrees: 0,
  brightness: 1,
  contrast: 1,
  cutouts: [],
};

/** A 1 x 3 x 4 image whose raw value at (y, x) is 1 + 10y + x. */
const image = Float32Array.from({ length: 12 }, (_, i) => 1 + 10 * Math.floor(i / 4) + (i % 4));
const shape = [1, 3, 4];

function apply(draw: Partial<AugmentDraw>, cutoutSize = 0, source = image, sourceShape = shape): number[] {
  const target = new Float32Array(source.length);
  augmentImage(source, target, sourceShape, { ...NONE, ...draw }, cutoutSize, null);
  return [...target];
}

describe('augmentImage', () => {
  it('leaves the image unchanged when nothing is drawn', () => {
    expect(apply({})).toEqual([...image]);
  });

  it('mirrors left-right and top-bottom', () => {
    expect(apply({ flipHorizontal: true })).toEqual([4, 3, 2, 1, 14, 13, 12, 11, 24, 23, 22, 21]);
    expect(apply({ flipVertical: true })).toEqual([21, 22, 23, 24, 11, 12, 13, 14, 1, 2, 3, 4]);
  });

  it('shifts the image as a crop of the padded image does, black where it came from outside', () => {
    // shiftX 1: output x reads x + 1 (the crop started one pixel right of the unpadded origin).
    expect(apply({ shiftX: 1 })).toEqual([2, 3, 4, 0, 12, 13, 14, 0, 22, 23, 24, 0]);
    expect(apply({ shiftY: -1 })).toEqual([0, 0, 0, 0, 1, 2, 3, 4, 11, 12, 13, 14]);
  });

  it('flips before shifting', () => {
    expect(apply({ flipHorizontal: true, shiftX: 1 })).toEqual([3, 2, 1, 0, 13, 12, 11, 0, 23, 22, 21, 0]);
  });

  it('rotates a quarter turn about the centre exactly', () => {
    const square = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    // (u, v) reads (cos·u − sin·v, sin·u + cos·v): at 90° output (x, y) reads (3 − y, x) in a 4 x 4 image.
    const rotated = apply({ angleDegrees: 90 }, 0, square, [1, 4, 4]);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 4; x++) expect(rotated[y * 4 + x]).toBeCloseTo(square[x * 4 + (3 - y)], 5);
  });

  it('interpolates bilinearly and fills black outside', () => {
    const square = Float32Array.from({ length: 9 }, () => 1);
    const rotated = apply({ angleDegrees: 45 }, 0, square, [1, 3, 3]);
    expect(rotated[4]).toBeCloseTo(1, 6); // the centre stays
    // A corner reads (−√2, 0) from the centre, which is 0.41 of a pixel outside: 0.59 of the edge pixel remains.
    expect(rotated[0]).toBeCloseTo(2 - Math.SQRT2, 5);
  });

  it('scales brightness and contrast on raw values about the image mean', () => {
    const mean = image.reduce((a, b) => a + b, 0) / image.length;
    const out = apply({ brightness: 1.2, contrast: 0.5 });
    out.forEach((v, i) => expect(v).toBeCloseTo(0.5 * 1.2 * image[i] + 0.5 * 1.2 * mean, 4));
  });

  it('blacks out cutout squares clipped at the border', () => {
    const out = apply({ cutouts: [[0, 3]] }, 2);
    // Side 2 centred at (0, 3) covers rows -1..0 and columns 2..3.
    expect(out).toEqual([1, 2, 0, 0, 11, 12, 13, 14, 21, 22, 23, 24]);
  });

  it('works on raw values of standardized images and standardizes the result again', () => {
    const normalization = { mean: [10, -2], std: [4, 0.5] };
    const raw = Float32Array.from({ length: 8 }, (_, i) => i + 1); // 2 x 2 x 2
    const z = raw.map((v, i) => (v - normalization.mean[i >> 2]) / normalization.std[i >> 2]);
    const target = new Float32Array(8);
    augmentImage(z, target, [2, 2, 2], { ...NONE, shiftX: 1, brightness: 2 }, 0, normalization);
    const expectedRaw = [4, 0, 8, 0, 12, 0, 16, 0];
    target.forEach((v, i) =>
      expect(v).toBeCloseTo((expectedRaw[i] - normalization.mean[i >> 2]) / normalization.std[i >> 2], 5),
    );
  });
});

describe('drawAugmentation', () => {
  const all = {
    horizontalFlip: 0.5,
    verticalFlip: 0.5,
    cropPadding: 3,
    rotationDegrees: 10,
    brightness: 0.2,
    contrast: 0.3,
    cutoutSize: 4,
    cutoutCount: 2,
  };

  it('is a pure function of seed, epoch and row', () => {
    expect(drawAugmentation(all, 7, 2, 31, 28, 28)).toEqual(drawAugmentation(all, 7, 2, 31, 28, 28));
    const key = (d: AugmentDraw) => JSON.stringify(d);
    expect(key(drawAugmentation(all, 7, 3, 31, 28, 28))).not.toBe(key(drawAugmentation(all, 7, 2, 31, 28, 28)));
    expect(key(drawAugmentation(all, 8, 2, 31, 28, 28))).not.toBe(key(drawAugmentation(all, 7, 2, 31, 28, 28)));
    expect(key(drawAugmentation(all, 7, 2, 32, 28, 28))).not.toBe(key(drawAugmentation(all, 7, 2, 31, 28, 28)));
  });

  it('draws within the ranges set, covering them', () => {
    const draws = Array.from({ length: 2000 }, (_, row) => drawAugmentation(all, 1, 0, row, 28, 20));
    const flipped = draws.filter((d) => d.flipHorizontal).length / draws.length;
    expect(flipped).toBeGreaterThan(0.45);
    expect(flipped).toBeLessThan(0.55);
    const shifts = new Set(draws.map((d) => d.shiftX));
    expect([...shifts].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const d of draws) {
      expect(Math.abs(d.angleDegrees)).toBeLessThanOrEqual(10);
      expect(d.brightness).toBeGreaterThanOrEqual(0.8);
      expect(d.brightness).toBeLessThanOrEqual(1.2);
      expect(d.contrast).toBeGreaterThanOrEqual(0.7);
      expect(d.cutouts).toHaveLength(2);
      for (const [y, x] of d.cutouts) expect(y < 28 && x < 20 && y >= 0 && x >= 0).toBe(true);
    }
  });

  it('draws nothing for settings that are off', () => {
    expect(drawAugmentation({}, 1, 0, 5, 8, 8)).toEqual(NONE);
    expect(augmentationActive({})).toBe(false);
    expect(augmentationActive({ cutoutSize: 4 })).toBe(false); // no squares
    expect(augmentationActive({ verticalFlip: 0.1 })).toBe(true);
  });
});

describe('augmentBatch', () => {
  it('writes each batch row from its dataset row and touches nothing past the batch', () => {
    const features = Float32Array.from({ length: 3 * 12 }, (_, i) => i);
    const input = new Float32Array(4 * 12).fill(-99);
    augmentBatch(
      loadKernels(),
      { horizontalFlip: 1 },
      features,
      shape,
      null,
      Int32Array.from([9, 2, 0]),
      1,
      2,
      1,
      0,
      input,
    );
    expect([...input.subarray(0, 4)]).toEqual([27, 26, 25, 24]); // row 2, first line, mirrored
    expect([...input.subarray(12, 16)]).toEqual([3, 2, 1, 0]); // row 0
    expect(input.subarray(24).every((v) => v === -99)).toBe(true);
  });
});

describe('checkTrainConfig on augmentation', () => {
  it.each([
    ['augmentation.horizontalFlip', { horizontalFlip: 1.5 }],
    ['augmentation.cropPadding', { cropPadding: 2.5 }],
    ['augmentation.rotationDegrees', { rotationDegrees: 90 }],
    ['augmentation.brightness', { brightness: 1 }],
    ['augmentation.cutoutCount', { cutoutCount: -1 }],
  ])('refuses %s in %j', (setting, augmentation) => {
    expect(checkTrainConfig(config({ augmentation })).map((p) => p.setting)).toEqual([setting]);
  });

  it('refuses augmentation for tables, naming the shape, and accepts it for images', () => {
    const augmentation = { horizontalFlip: 0.5, cropPadding: 2 };
    expect(checkTrainConfig(config({ augmentation }), [5])).toEqual([
      { code: 'augmentation-needs-images', setting: 'augmentation', shape: [5] },
    ]);
    expect(checkTrainConfig(config({ augmentation }), [1, 16, 16])).toEqual([]);
    expect(checkTrainConfig(config({ augmentation: { horizontalFlip: 0 } }), [5])).toEqual([]);
  });
});
