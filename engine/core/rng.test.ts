// The seeded generator: reproducible streams, exact state save/restore, and sane distributions.
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const c = new Rng(6);
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('continues exactly from a saved state', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 100; i++) rng.uniform();
    const copy = Rng.fromState(rng.state());
    expect(Array.from({ length: 20 }, () => copy.normal())).toEqual(Array.from({ length: 20 }, () => rng.normal()));
  });

  it('draws uniform values in [0, 1) and standard normals with mean 0 and variance 1', () => {
    const rng = new Rng(3);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Rng(1).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
