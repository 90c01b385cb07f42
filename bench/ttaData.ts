// The time-to-accuracy bench's dataset: MNIST-shaped 28×28 grayscale PNGs of ten digit-like glyphs in ten class
// folders, each image its class's stroke template moved, scaled, rotated, thickened and noised by a seeded
// generator, so the set is learnable, the same bytes on every machine, and written once into the bench cache.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../engine/core/rng';
import { encodePng } from '../main/services/datasets/images/testImages';
import { once } from './importData';

export const GLYPH_SIDE = 28;
export const GLYPH_CLASSES = 10;
/** In the cache folder's name: bump it when the drawing changes, so an older cache is not reused. */
const GLYPH_VERSION = 1;

/** Polylines per class in a unit box (x right, y down), drawn like the digits 0-9. */
const TEMPLATES: ReadonlyArray<ReadonlyArray<ReadonlyArray<[number, number]>>> = [
  [
    [
      [0.5, 0],
      [0.85, 0.2],
      [0.85, 0.8],
      [0.5, 1],
      [0.15, 0.8],
      [0.15, 0.2],
      [0.5, 0],
    ],
  ],
  [
    [
      [0.35, 0.15],
      [0.55, 0],
      [0.55, 1],
    ],
  ],
  [
    [
      [0.15, 0.2],
      [0.5, 0],
      [0.85, 0.25],
      [0.15, 1],
      [0.85, 1],
    ],
  ],
  [
    [
      [0.15, 0],
      [0.85, 0.15],
      [0.45, 0.5],
      [0.85, 0.8],
      [0.15, 1],
    ],
  ],
  [
    [
      [0.65, 1],
      [0.65, 0],
      [0.1, 0.65],
      [0.9, 0.65],
    ],
  ],
  [
    [
      [0.85, 0],
      [0.2, 0],
      [0.15, 0.45],
      [0.8, 0.55],
      [0.75, 0.95],
      [0.15, 1],
    ],
  ],
  [
    [
      [0.75, 0],
      [0.2, 0.55],
      [0.3, 1],
      [0.8, 0.85],
      [0.75, 0.55],
      [0.2, 0.6],
    ],
  ],
  [
    [
      [0.1, 0],
      [0.9, 0],
      [0.35, 1],
    ],
  ],
  [
    [
      [0.5, 0.5],
      [0.2, 0.25],
      [0.5, 0],
      [0.8, 0.25],
      [0.5, 0.5],
      [0.15, 0.75],
      [0.5, 1],
      [0.85, 0.75],
      [0.5, 0.5],
    ],
  ],
  [
    [
      [0.8, 0.45],
      [0.2, 0.4],
      [0.25, 0.05],
      [0.75, 0],
      [0.8, 0.45],
      [0.6, 1],
    ],
  ],
];

/** Distance from (px, py) to the segment (ax, ay)-(bx, by), in pixels. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

/**
 * One image of class `label`, 28×28 bytes (row-major, 0 black background, 255 full stroke): the template with each
 * vertex moved by up to ±0.08 of its box, in a 16-22 px box, rotated by up to ±25°, shifted by up to ±3 px, strokes
 * 0.7-2.1 px from their centre line with a 1 px soft edge; half the images get a stray stroke of 3-9 px, and every
 * pixel Gaussian noise (σ 24 levels). Hard enough that reaching 98-99 % takes the networks more than one epoch.
 */
export function renderGlyph(label: number, rng: Rng): Uint8Array {
  const side = GLYPH_SIDE;
  const box = 16 + rng.uniform() * 6;
  const aspect = 0.8 + rng.uniform() * 0.4;
  const angle = ((rng.uniform() * 2 - 1) * 25 * Math.PI) / 180;
  const cx = side / 2 + (rng.uniform() * 2 - 1) * 3;
  const cy = side / 2 + (rng.uniform() * 2 - 1) * 3;
  const half = 0.7 + rng.uniform() * 1.4;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const jitter = () => (rng.uniform() * 2 - 1) * 0.08;
  // Template points to pixel coordinates: jitter, centre the unit box, scale, rotate about the centre, then shift.
  const segments: number[] = [];
  for (const line of TEMPLATES[label]) {
    const points = line.map(([u, v]) => {
      const x = (u + jitter() - 0.5) * box * aspect;
      const y = (v + jitter() - 0.5) * box;
      return [cx + x * cos - y * sin, cy + x * sin + y * cos];
    });
    for (let i = 1; i < points.length; i++) segments.push(...points[i - 1], ...points[i]);
  }
  if (rng.uniform() < 0.5) {
    const x = 2 + rng.uniform() * (side - 4);
    const y = 2 + rng.uniform() * (side - 4);
    const length = 3 + rng.uniform() * 6;
    const direction = rng.uniform() * 2 * Math.PI;
    segments.push(x, y, x + length * Math.cos(direction), y + length * Math.sin(direction));
  }
  const pixels = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let nearest = Infinity;
      for (let s = 0; s < segments.length; s += 4) {
        const d = segmentDistance(x + 0.5, y + 0.5, segments[s], segments[s + 1], segments[s + 2], segments[s + 3]);
        if (d < nearest) nearest = d;
      }
      const ink = Math.min(1, Math.max(0, half + 0.5 - nearest)) * 255;
      pixels[y * side + x] = Math.min(255, Math.max(0, Math.round(ink + rng.normal() * 24)));
    }
  }
  return pixels;
}

/** How many images each class gets when `images` are asked for (at least 1). */
export const perClass = (images: number) => Math.max(1, Math.floor(images / GLYPH_CLASSES));

/**
 * Writes `images` glyphs (rounded down to a multiple of ten) as `digit-<c>/<i>.png` under `folder`. Image i of class
 * c is drawn from its own generator (seeded by c and i), so a smaller set is a prefix of a larger one.
 */
export function writeGlyphFolder(folder: string, images: number): void {
  const count = perClass(images);
  for (let c = 0; c < GLYPH_CLASSES; c++) {
    const dir = join(folder, `digit-${c}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      const pixels = renderGlyph(c, new Rng(1_000_003 * (c + 1) + i));
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}.png`), encodePng(GLYPH_SIDE, GLYPH_SIDE, 0, pixels));
    }
  }
}

/** The cached folder of `images` glyphs (written on first use). */
export function glyphFolder(cache: string, images: number): string | Promise<string> {
  return once(join(cache, `glyphs-v${GLYPH_VERSION}-28x28-${perClass(images) * GLYPH_CLASSES}`), (temp) => {
    writeGlyphFolder(temp, images);
  });
}
