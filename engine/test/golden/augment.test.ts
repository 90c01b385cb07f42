// Every image augmentation against a plain-PyTorch reference (scripts/golden/generate-augment.py) on fixed
// standardized 2 x 7 x 9 images with the draws given explicitly. Both compute in float64 and round to float32, so
// flips, shifts, brightness, contrast and cutout agree to float32 rounding (measured 1.1e-7; allowed 1e-6).
// Rotation interpolates bilinearly with its sampling points computed another way (grid_sample's [-1, 1] grid against
// pixel offsets from the centre here); measured 5.5e-8, allowed 1e-5 so a change of coordinate order cannot fail it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { augmentImage, type AugmentDraw } from '../../core/train/augment';

interface AugmentCase {
  name: string;
  shape: number[];
  normalization: { mean: number[]; std: number[] };
  draw: AugmentDraw;
  cutoutSize: number;
  input: number[];
  output: number[];
}

const fixture = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'augment.json'), 'utf8'),
) as { cases: AugmentCase[] };

describe('augmentation against the PyTorch reference', () => {
  it('has a case for every transform', () => {
    const names = fixture.cases.map((c) => c.name).join(' | ');
    for (const word of ['horizontal flip', 'vertical flip', 'shift', 'rotation', 'brightness', 'contrast', 'cutout'])
      expect(names).toContain(word);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const target = new Float32Array(c.output.length);
    augmentImage(Float32Array.from(c.input), target, c.shape, c.draw, c.cutoutSize, c.normalization);
    const tolerance = c.draw.angleDegrees !== 0 ? 1e-5 : 1e-6;
    let worst = 0;
    c.output.forEach((expected, i) => (worst = Math.max(worst, Math.abs(target[i] - expected))));
    expect(worst).toBeLessThanOrEqual(tolerance);
  });
});
