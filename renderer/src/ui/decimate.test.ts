// Decimating long curves for drawing: bounded size, extremes and gaps kept, order kept.
import { describe, expect, it } from 'vitest';
import { decimate } from './decimate';

const curve = (n: number, f: (x: number) => number) => Array.from({ length: n }, (_, x) => ({ x, y: f(x) }));

describe('decimate', () => {
  it('returns a short series unchanged', () => {
    const points = curve(50, (x) => x * x);
    expect(decimate(points, 100)).toEqual(points);
  });

  it('draws 1,000 epochs with at most the points asked for, first and last kept, x increasing', () => {
    const points = curve(1000, (x) => Math.exp(-x / 200) + 0.01 * Math.sin(x));
    const out = decimate(points, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.length).toBeGreaterThan(250);
    expect(out[0]).toEqual(points[0]);
    expect(out.at(-1)).toEqual(points[999]);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });

  it('keeps a one-epoch spike and the lowest point, which every-nth thinning would drop', () => {
    const points = curve(1000, (x) => (x === 501 ? 50 : x === 777 ? -3 : 1));
    const out = decimate(points, 100);
    expect(out.some((p) => p.x === 501 && p.y === 50)).toBe(true);
    expect(out.some((p) => p.x === 777 && p.y === -3)).toBe(true);
  });

  it('keeps a gap (NaN) as a gap', () => {
    const points = curve(1000, (x) => (x >= 600 && x < 610 ? Number.NaN : 1 / (x + 1)));
    const out = decimate(points, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.some((p) => Number.isNaN(p.y) && p.x >= 600 && p.x < 610)).toBe(true);
  });

  it('refuses a budget too small to hold a curve', () => {
    expect(() =>
      decimate(
        curve(10, (x) => x),
        2,
      ),
    ).toThrow(/maxPoints must be ≥ 4/);
  });
});
