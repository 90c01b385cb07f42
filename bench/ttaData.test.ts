// The time-to-accuracy glyphs are the same bytes from the same seed, a smaller set is a prefix of a larger one, and
// the ten classes are learnable: a nearest-class-mean classifier on raw pixels already tells them apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../engine/core/rng';
import { GLYPH_CLASSES, GLYPH_SIDE, renderGlyph, writeGlyphFolder } from './ttaData';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function glyphs(perClass: number, firstSeed: number): Array<{ label: number; pixels: Uint8Array }> {
  const out = [];
  for (let c = 0; c < GLYPH_CLASSES; c++)
    for (let i = 0; i < perClass; i++)
      out.push({ label: c, pixels: renderGlyph(c, new Rng(firstSeed + i * 7919 + c)) });
  return out;
}

describe('glyph images', () => {
  it('draws the same pixels from the same generator state, and different images from different states', () => {
    expect(renderGlyph(3, new Rng(5))).toEqual(renderGlyph(3, new Rng(5)));
    expect(renderGlyph(3, new Rng(5))).not.toEqual(renderGlyph(3, new Rng(6)));
    const ink = renderGlyph(8, new Rng(1)).reduce((sum, v) => sum + (v > 128 ? 1 : 0), 0);
    expect(ink).toBeGreaterThan(40); // a stroke, not only noise
    expect(ink).toBeLessThan((GLYPH_SIDE * GLYPH_SIDE) / 2);
  });

  it('writes ten class folders, and a smaller set is the first files of a larger one', () => {
    const small = mkdtempSync(join(tmpdir(), 'glyphs-'));
    const large = mkdtempSync(join(tmpdir(), 'glyphs-'));
    folders.push(small, large);
    writeGlyphFolder(small, 25);
    writeGlyphFolder(large, 40);
    expect(readdirSync(small).sort()).toEqual(Array.from({ length: 10 }, (_, c) => `digit-${c}`));
    expect(readdirSync(join(small, 'digit-4'))).toEqual(['00000.png', '00001.png']);
    expect(readdirSync(join(large, 'digit-4'))).toHaveLength(4);
    expect(readFileSync(join(small, 'digit-4', '00001.png'))).toEqual(
      readFileSync(join(large, 'digit-4', '00001.png')),
    );
  });

  it('is learnable: class means of 60 images each classify 30 new images per class well above chance', () => {
    const train = glyphs(60, 1);
    const test = glyphs(30, 100_000);
    const size = GLYPH_SIDE * GLYPH_SIDE;
    const means = Array.from({ length: GLYPH_CLASSES }, () => new Float64Array(size));
    for (const { label, pixels } of train) for (let p = 0; p < size; p++) means[label][p] += pixels[p] / 60;
    let right = 0;
    for (const { label, pixels } of test) {
      const distances = means.map((mean) => mean.reduce((sum, m, p) => sum + (m - pixels[p]) ** 2, 0));
      if (distances.indexOf(Math.min(...distances)) === label) right++;
    }
    // Chance is 10 %; a linear model on raw pixels is far from what the MLP and CNN reach, yet must beat this.
    expect(right / test.length).toBeGreaterThan(0.5);
  });
});
