// The smoothing slider's moving average.
import { describe, expect, it } from 'vitest';
import { smooth } from './smoothing';

const pts = (ys: number[]) => ys.map((y, x) => ({ x, y }));

describe('smooth', () => {
  it('keeps the first value and averages the rest with the given weight on the past', () => {
    const out = smooth(pts([10, 0, 0]), 0.5);
    expect(out.map((p) => p.y)).toEqual([10, 5, 2.5]);
    expect(out.map((p) => p.x)).toEqual([0, 1, 2]);
  });

  it('leaves the curve unchanged at 0', () => {
    expect(smooth(pts([3, 1, 4]), 0)).toEqual(pts([3, 1, 4]));
  });

  it('passes a NaN through without spoiling the average after it', () => {
    const out = smooth(pts([4, NaN, 0]), 0.5);
    expect(out[1].y).toBeNaN();
    expect(out[2].y).toBe(2);
  });

  it('refuses a weight of 1 or more, which would freeze the curve', () => {
    expect(() => smooth(pts([1]), 1)).toThrow(/smoothing must be in \[0, 1\)/);
  });
});
