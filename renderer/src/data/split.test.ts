import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT, parseSeed, setShare, toFractions, type SplitPercents } from './split';

const sum = (p: SplitPercents) => p.train + p.validation + p.test;

describe('split sliders', () => {
  it('gives the change to the other two shares in proportion, keeping the total at 100', () => {
    const next = setShare(DEFAULT_SPLIT, 'train', 80);
    expect(next).toEqual({ train: 80, validation: 10, test: 10 });
    const uneven = setShare({ train: 60, validation: 30, test: 10 }, 'train', 80);
    expect(uneven).toEqual({ train: 80, validation: 15, test: 5 });
  });

  it('rounds to whole percents and still sums to 100', () => {
    for (const value of [33.3, 12.7, 0.4, 99.6, 57.5]) {
      for (const share of ['train', 'validation', 'test'] as const) {
        const next = setShare({ train: 70, validation: 17, test: 13 }, share, value);
        expect(sum(next), `${share}=${value}`).toBe(100);
        expect(Number.isInteger(next.validation) && Number.isInteger(next.test) && Number.isInteger(next.train)).toBe(
          true,
        );
      }
    }
  });

  it('clamps a share to 0..100 and never lets the train share reach 0', () => {
    expect(setShare(DEFAULT_SPLIT, 'validation', 150)).toEqual({ train: 1, validation: 99, test: 0 });
    expect(setShare(DEFAULT_SPLIT, 'test', -20)).toEqual({ train: 82, validation: 18, test: 0 });
    expect(setShare(DEFAULT_SPLIT, 'train', 0).train).toBe(1);
  });

  it('splits the rest evenly when the other two were both empty', () => {
    expect(setShare({ train: 100, validation: 0, test: 0 }, 'train', 80)).toEqual({
      train: 80,
      validation: 10,
      test: 10,
    });
  });

  it('turns percents into fractions summing to 1 with the seed', () => {
    const f = toFractions({ train: 70, validation: 20, test: 10 }, 7);
    expect(f).toEqual({ train: 0.7, validation: 0.2, test: 0.1, seed: 7 });
    expect(Math.abs(f.train + f.validation + f.test - 1)).toBeLessThan(1e-9);
  });

  it('accepts whole-number seeds only', () => {
    expect(parseSeed(' 123 ')).toBe(123);
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1.5')).toBeNull();
    expect(parseSeed('abc')).toBeNull();
  });
});
