// The run palette: distinct, stable colours per index in both themes.
import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, seriesColor } from './palette';

describe('seriesColor', () => {
  for (const dark of [false, true]) {
    it(`gives 12 compared runs 12 different colours (${dark ? 'dark' : 'light'} theme)`, () => {
      const colors = Array.from({ length: 12 }, (_, i) => seriesColor(i, dark));
      expect(new Set(colors).size).toBe(12);
      for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    });
  }

  it('gives an index the same colour every time, and repeats past the palette', () => {
    expect(seriesColor(3, false)).toBe(seriesColor(3, false));
    expect(seriesColor(PALETTE_SIZE + 3, true)).toBe(seriesColor(3, true));
    expect(seriesColor(3, true)).not.toBe(seriesColor(3, false));
  });

  it('refuses an index that is not a whole number ≥ 0', () => {
    expect(() => seriesColor(-1, false)).toThrow(/index ≥ 0/);
    expect(() => seriesColor(1.5, false)).toThrow(/index ≥ 0/);
  });
});
