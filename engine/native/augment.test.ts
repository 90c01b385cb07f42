// The native augmentImages kernel against engine/core's augmentImage, bit for bit: random settings over 1- and
// 3-channel images of odd sizes, shifts up to and past the edges, rotations (also large ones), cutouts over the
// border, with and without normalization, for 1, 2 and 3 threads; and its argument checks.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import type { AugmentationConfig } from '../core/train/config';
import { augmentBatch, augmentImage, drawAugmentation, type ChannelNormalization } from '../core/train/augment';
import { packedDraws } from '../core/train/augmentPacking';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectBitwise, randomFloats, zeros } from './testing';

const native = loadKernels();
const threadsBefore = native.threads();
afterAll(() => native.setThreads(threadsBefore));

/** Settings with every transform on or off at random; padding up to past the image's edge. */
function randomAugmentation(rng: Rng, height: number, width: number): AugmentationConfig {
  const on = () => rng.uniform() < 0.6;
  return {
    horizontalFlip: on() ? rng.uniform() : 0,
    verticalFlip: on() ? rng.uniform() : 0,
    cropPadding: on() ? rng.int(Math.max(height, width) + 3) : 0,
    rotationDegrees: on() ? (rng.uniform() < 0.2 ? 180 : 30 * rng.uniform()) : 0,
    brightness: on() ? 0.9 * rng.uniform() : 0,
    contrast: on() ? 0.9 * rng.uniform() : 0,
    cutoutSize: on() ? 1 + rng.int(Math.max(height, width)) : 0,
    cutoutCount: rng.int(4),
  };
}

function randomNormalization(rng: Rng, channels: number): ChannelNormalization | null {
  if (rng.uniform() < 0.3) return null;
  return {
    mean: Array.from({ length: channels }, () => rng.normal() * 50),
    // A zero std is taken as 1, as `standardize` did.
    std: Array.from({ length: channels }, () => (rng.uniform() < 0.1 ? 0 : 0.1 + 60 * rng.uniform())),
  };
}

/** engine/core's augmentImage, one image at a time: what augmentBatch must reproduce. */
function expectedBatch(
  augmentation: AugmentationConfig,
  features: Float32Array,
  shape: number[],
  normalization: ChannelNormalization | null,
  rows: Int32Array,
  start: number,
  batch: number,
  seed: number,
  epoch: number,
): Float32Array {
  const size = shape[0] * shape[1] * shape[2];
  const out = zeros(batch * size);
  for (let i = 0; i < batch; i++) {
    const row = rows[start + i];
    const draw = drawAugmentation(augmentation, seed, epoch, row, shape[1], shape[2]);
    const source = features.subarray(row * size, (row + 1) * size);
    augmentImage(
      source,
      out.subarray(i * size, (i + 1) * size),
      shape,
      draw,
      augmentation.cutoutSize ?? 0,
      normalization,
    );
  }
  return out;
}

describe('augmentImages', () => {
  it('matches augmentImage bit for bit over random settings, shapes and draws, for 1, 2 and 3 threads', () => {
    const rng = new Rng(15);
    const reference = createReferenceKernels();
    let rotated = 0;
    for (let trial = 0; trial < 100; trial++) {
      const channels = trial % 2 === 0 ? 1 : 3;
      const height = 1 + rng.int(20);
      const width = 1 + rng.int(20);
      const shape = [channels, height, width];
      const size = channels * height * width;
      const datasetRows = 3 + rng.int(40);
      const batch = 1 + rng.int(40);
      const features = randomFloats(rng, datasetRows * size, 3);
      const start = rng.int(5);
      const rows = Int32Array.from({ length: start + batch }, () => rng.int(datasetRows)); // repeats included
      const augmentation = randomAugmentation(rng, height, width);
      if ((augmentation.rotationDegrees ?? 0) > 0) rotated++;
      const normalization = randomNormalization(rng, channels);
      const seed = rng.int(1000);
      const epoch = rng.int(10);
      const expected = expectedBatch(augmentation, features, shape, normalization, rows, start, batch, seed, epoch);
      for (const kernels of [reference, native]) {
        for (const threads of kernels === native ? [1, 2, 3] : [1]) {
          kernels.setThreads(threads);
          const input = zeros(batch * size + 5).fill(-7);
          augmentBatch(kernels, augmentation, features, shape, normalization, rows, start, batch, seed, epoch, input);
          try {
            expectBitwise(input.subarray(0, batch * size), expected);
          } catch (error) {
            throw new Error(
              `${kernels.isa}, ${threads} threads, trial ${trial} [${shape.join(', ')}] ${JSON.stringify(augmentation)}: ` +
                (error as Error).message,
              { cause: error },
            );
          }
          expect(input.subarray(batch * size).every((v) => v === -7)).toBe(true); // nothing past the batch
        }
      }
    }
    expect(rotated).toBeGreaterThan(10);
  });

  it('refuses a row past the features, naming it', () => {
    const features = new Float32Array(2 * 4);
    const draws = packedDraws(2, 0);
    expect(() =>
      native.augmentImages(
        features,
        Int32Array.from([1, 2]),
        2,
        1,
        2,
        2,
        Float64Array.from([0, 1]),
        draws.flags,
        draws.shifts,
        draws.factors,
        0,
        0,
        draws.cutouts,
        new Float32Array(8),
      ),
    ).toThrow('augmentImages: rows[1] is 2, but features hold 2 images');
  });

  it('refuses buffers too short for the batch, naming them', () => {
    // One 2-channel 1 x 2 image with one cutout.
    const draws = packedDraws(1, 1);
    const call = (factors: Float64Array, stats: Float64Array) =>
      native.augmentImages(
        new Float32Array(4),
        Int32Array.from([0]),
        1,
        2,
        1,
        2,
        stats,
        draws.flags,
        draws.shifts,
        factors,
        1,
        1,
        draws.cutouts,
        new Float32Array(4),
      );
    expect(() => call(draws.factors.subarray(1), new Float64Array(4))).toThrow(/augmentImages: factors/);
    expect(() => call(draws.factors, new Float64Array(2))).toThrow(/augmentImages: stats/);
    expect(() => call(draws.factors, new Float64Array(4))).not.toThrow();
  });
});
