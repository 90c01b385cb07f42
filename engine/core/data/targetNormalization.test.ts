import { describe, expect, it } from 'vitest';
import {
  checkTargetNormalization,
  computeTargetNormalization,
  standardizeTargets,
  unstandardizeTargets,
} from './targetNormalization';

describe('target normalization', () => {
  it('takes the statistics over the training rows only, per target', () => {
    // rows [0, 2] are training: target 0 takes 100 and 300, target 1 takes 5 and 5 (a constant).
    const targets = Float32Array.from([100, 5, 1e6, -1, 300, 5]);
    const stats = computeTargetNormalization(targets, 2, Int32Array.from([0, 2]));
    expect(stats.mean).toEqual([200, 5]);
    expect(stats.std).toEqual([100, 0]);
  });

  it('stays exact when the mean is large beside the spread', () => {
    const targets = Float32Array.from([1_000_001, 999_999, 1_000_001, 999_999]);
    const stats = computeTargetNormalization(targets, 1, Int32Array.from([0, 1, 2, 3]));
    expect(stats.mean[0]).toBe(1_000_000);
    expect(stats.std[0]).toBeCloseTo(1, 12);
  });

  it('standardizes and brings back, a std of 0 counting as 1', () => {
    const stats = { mean: [200, 5], std: [100, 0] };
    const values = Float32Array.from([100, 5, 300, 7]);
    standardizeTargets(values, stats);
    expect(Array.from(values)).toEqual([-1, 0, 1, 2]);
    unstandardizeTargets(values, stats);
    expect(Array.from(values)).toEqual([100, 5, 300, 7]);
  });

  it('refuses statistics that do not fit the targets, or are not numbers', () => {
    expect(() => checkTargetNormalization({ mean: [0], std: [1] }, 2)).toThrow(/1 means and 1 deviations.*2 targets/);
    expect(() => checkTargetNormalization({ mean: [NaN], std: [1] }, 1)).toThrow(/target 0 has mean NaN/);
    expect(() => checkTargetNormalization({ mean: [0], std: [-1] }, 1)).toThrow(/not negative/);
    expect(() => checkTargetNormalization({ mean: [0, 1], std: [1, 0] }, 2)).not.toThrow();
  });
});
