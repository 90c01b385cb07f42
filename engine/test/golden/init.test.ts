// Statistical parity of weight initialization (init_stats.json): draw each weight shape with the engine's
// initializer and apply the case's suggested check (std ratio, mean, and the bound for uniform).
import { describe, expect, it } from 'vitest';
import { initialize } from '../../core/ops/init';
import type { InitKind } from '../../core/ops/types';
import { Rng } from '../../core/rng';
import { loadCases } from './fixtures';

interface InitCase {
  name: string;
  init: InitKind;
  weight_shape: number[];
  fan_in: number;
  fan_out: number;
  std: number;
  bound?: number;
  suggested_check: { sample_std_rel_tol: number; abs_sample_mean_max: number; all_within_bound?: boolean };
}

describe('init_stats.json', () => {
  it.each(loadCases<InitCase>('init_stats.json').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const size = c.weight_shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    initialize(values, c.weight_shape, c.init, new Rng(12345));
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / size;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    const std = Math.sqrt(squares / (size - 1));
    expect(Math.abs(std / c.std - 1), `${c.name}: sample std ${std} vs ${c.std}`).toBeLessThanOrEqual(
      c.suggested_check.sample_std_rel_tol,
    );
    expect(Math.abs(mean), `${c.name}: sample mean`).toBeLessThanOrEqual(c.suggested_check.abs_sample_mean_max);
    if (c.suggested_check.all_within_bound) {
      const limit = c.bound! * (1 + 1e-6);
      expect(
        values.every((v) => Math.abs(v) <= limit),
        `${c.name}: a value beyond ${c.bound}`,
      ).toBe(true);
    }
  });
});
