// The split and the per-channel statistics of an image import: stratified and seeded like the CSV importer, and
// mean/std computed over the training images only, equal to a direct computation on the features read back.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeNormalization } from '../../../engine/core/data/normalization';
import { splitIndices } from '../../../engine/core/train/split';
import { importImages } from './importImages';
import { readImageDataset, rgbImage, writeTree } from './images/testImages';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

/** Seeded noise whose level depends on the class, so train-only and all-image statistics differ. */
function noise(seed: number, level: number, length: number): Uint8Array {
  let state = (seed * 2654435761) >>> 0;
  return Uint8Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.min(255, Math.round((state / 2 ** 32) * level));
  });
}

async function noiseFolder(root: string, perClass: Record<string, { count: number; level: number }>): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  let seed = 1;
  for (const [name, { count, level }] of Object.entries(perClass)) {
    for (let i = 0; i < count; i++)
      files[`${name}/${String(i).padStart(3, '0')}.png`] = await rgbImage('png', 6, 5, noise(seed++, level, 6 * 5 * 3));
  }
  writeTree(root, files);
}

describe('image import statistics', () => {
  it('records per-channel mean and std of the training images only, as a direct computation finds them', async () => {
    const root = join(temp.dir, 'noise');
    await noiseFolder(root, { dark: { count: 12, level: 80 }, light: { count: 8, level: 255 } });
    const result = await importImages(root, { size: [5, 6], datasetsDir: temp.datasetsDir });
    const dataset = readImageDataset(result.folder);
    const { normalization } = result.manifest;
    expect(normalization?.axis).toBe('channel');

    const direct = computeNormalization(dataset.features, [3, 5, 6], dataset.split.train, 'channel');
    for (let c = 0; c < 3; c++) {
      expect(normalization!.mean[c]).toBeCloseTo(direct.mean[c], 12);
      expect(normalization!.std[c]).toBeCloseTo(direct.std[c], 12);
    }
    // By hand for the red channel: every value of plane 0 of each training image.
    const plane = 5 * 6;
    const values = Array.from(dataset.split.train).flatMap((n) =>
      Array.from(dataset.features.subarray(n * 3 * plane, n * 3 * plane + plane)),
    );
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(normalization!.mean[0]).toBeCloseTo(mean, 12);
    expect(normalization!.std[0]).toBeCloseTo(std, 12);
    // The validation and test images are left out.
    const all = computeNormalization(
      dataset.features,
      [3, 5, 6],
      Int32Array.from({ length: 20 }, (_, i) => i),
      'channel',
    );
    expect(Math.abs(all.mean[0] - normalization!.mean[0])).toBeGreaterThan(1e-6);
  });

  it('splits with the seeded, stratified splitIndices (70/15/15, seed 42 by default) and records it', async () => {
    const root = join(temp.dir, 'split');
    await noiseFolder(root, {
      a: { count: 20, level: 100 },
      b: { count: 10, level: 100 },
      c: { count: 10, level: 100 },
    });
    const result = await importImages(root, { size: [5, 6], datasetsDir: temp.datasetsDir });
    const dataset = readImageDataset(result.folder);
    const expected = splitIndices(
      40,
      { train: 0.7, validation: 0.15, test: 0.15 },
      42,
      Int32Array.from(dataset.labels),
    );
    expect(dataset.split).toEqual(expected);
    expect(result.manifest.split).toEqual({
      seed: 42,
      train: 0.7,
      validation: 0.15,
      test: 0.15,
      stratified: true,
      counts: { train: 28, validation: 6, test: 6 },
    });
    const perClass = (rows: Int32Array) =>
      [0, 1, 2].map((k) => Array.from(rows).filter((r) => dataset.labels[r] === k).length);
    expect(perClass(dataset.split.train)).toEqual([14, 7, 7]);
  });

  it('follows a chosen split and seed, and records no statistics when standardizing is off', async () => {
    const root = join(temp.dir, 'custom');
    await noiseFolder(root, { a: { count: 10, level: 100 }, b: { count: 10, level: 200 } });
    const result = await importImages(root, {
      size: [5, 6],
      datasetsDir: temp.datasetsDir,
      standardize: false,
      split: { train: 0.5, validation: 0.5, test: 0, seed: 7, stratify: false },
    });
    const dataset = readImageDataset(result.folder);
    expect(result.manifest.normalization).toBeNull();
    expect(result.manifest.split).toMatchObject({
      seed: 7,
      stratified: false,
      counts: { train: 10, validation: 10, test: 0 },
    });
    expect(dataset.split).toEqual(splitIndices(20, { train: 0.5, validation: 0.5, test: 0 }, 7));
  });
});
