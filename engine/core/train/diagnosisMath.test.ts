import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { median, SlidingMedian, trailingMedian } from './diagnosisMath';

/** Each window's median as the definition says: its finite values sorted. */
function sortedMedian(values: readonly number[], lo: number, hi: number): number {
  const finite = values.slice(lo, Math.max(lo, hi)).filter(Number.isFinite);
  return finite.length === 0 ? NaN : median(finite);
}

describe('medians over sliding windows', () => {
  it('give what sorting each window gives, for windows sliding forward, jumping and going back', () => {
    const rng = new Rng(7);
    // Ties (values rounded to tenths), non-finite values and runs of equal values all occur.
    const values = Array.from({ length: 400 }, (_, i) => {
      const r = rng.uniform();
      if (r < 0.03) return NaN;
      if (r < 0.05) return Infinity;
      return i % 37 < 5 ? 1 : Math.round(rng.normal() * 10) / 10;
    });
    const windows = new SlidingMedian(values);
    let lo = 0;
    let hi = 0;
    for (let step = 0; step < 3000; step++) {
      const move = rng.uniform();
      if (move < 0.8) {
        hi = Math.min(values.length, hi + rng.int(3));
        lo = Math.min(hi, lo + rng.int(3));
      } else if (move < 0.9) {
        lo = rng.int(values.length);
        hi = lo + rng.int(40);
      } else {
        lo = Math.max(0, lo - rng.int(5));
      }
      const got = windows.median(lo, hi);
      const want = sortedMedian(values, lo, hi);
      if (Number.isNaN(want)) expect(got, `window [${lo}, ${hi})`).toBeNaN();
      else expect(got, `window [${lo}, ${hi})`).toBe(want);
    }
  });

  it('is NaN for a window with no finite value, and for an empty one', () => {
    const windows = new SlidingMedian([NaN, Infinity, 2, 4]);
    expect(windows.median(0, 2)).toBeNaN();
    expect(windows.median(1, 1)).toBeNaN();
    expect(windows.median(3, 2)).toBeNaN();
    expect(windows.median(1, 4)).toBe(3);
  });
});

describe('trailingMedian', () => {
  it('is each value with the window - 1 before it, medianed, as sorting each window gives', () => {
    const rng = new Rng(11);
    const values = Array.from({ length: 300 }, () => Math.round(rng.normal() * 20) / 10);
    for (const window of [1, 2, 5, 12]) {
      const want = values.map((_, i) => median(values.slice(Math.max(0, i - window + 1), i + 1)));
      expect(trailingMedian(values, window)).toEqual(want);
    }
    expect(trailingMedian([3, 1, 2, 5], 3)).toEqual([3, 2, 2, 2]);
  });

  it('takes a series with NaN as median() does, window by window', () => {
    const values = [1, NaN, 3, 2, NaN, 5, 4];
    const want = values.map((_, i) => median(values.slice(Math.max(0, i - 2), i + 1)));
    expect(trailingMedian(values, 3)).toEqual(want);
  });
});
