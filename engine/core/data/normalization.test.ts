// Standardization statistics come from the training rows only and are applied per feature or per channel.
import { describe, expect, it } from 'vitest';
import { standardize } from '../train/data';
import { computeNormalization } from './normalization';
import { prepareGenerated } from './prepare';
import { spirals } from './samples';

describe('standardization', () => {
  it('uses only the training rows', () => {
    // Row 2 is an outlier outside the training split: it must not move the statistics.
    const features = Float32Array.from([1, 10, 3, 30, 1000, -5000]);
    const stats = computeNormalization(features, [2], Int32Array.from([0, 1]), 'feature');
    expect(stats.mean).toEqual([2, 20]);
    expect(stats.std).toEqual([1, 10]);
  });

  it('computes one mean and deviation per channel for images, and std 1 for a constant feature', () => {
    // two samples of [2 channels, 1 x 2 pixels]
    const images = Float32Array.from([0, 2, 5, 5, 4, 6, 5, 5]);
    const stats = computeNormalization(images, [2, 1, 2], Int32Array.from([0, 1]), 'channel');
    expect(stats.mean).toEqual([3, 5]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(5), 12);
    expect(stats.std[1]).toBe(1);
    standardize(images, [2, 1, 2], stats);
    expect(images[4]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(images[2]).toBe(0);
  });

  it('leaves skipped (one-hot) features as they are', () => {
    const stats = computeNormalization(Float32Array.from([0, 5, 1, 7]), [2], Int32Array.from([0, 1]), 'feature', [
      true,
      false,
    ]);
    expect(stats.mean[0]).toBe(0);
    expect(stats.std[0]).toBe(1);
  });

  it('prepared training rows have mean 0 and deviation 1', () => {
    const { data } = prepareGenerated(spirals({ perClass: 100 }));
    for (let f = 0; f < 2; f++) {
      let sum = 0;
      let sumSq = 0;
      for (const row of data.split.train) {
        sum += data.features[row * 2 + f];
        sumSq += data.features[row * 2 + f] ** 2;
      }
      const n = data.split.train.length;
      expect(sum / n).toBeCloseTo(0, 5);
      expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1, 4);
    }
  });
});
