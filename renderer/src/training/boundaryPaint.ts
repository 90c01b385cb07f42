// Turns a BoundaryMap into pixels: each grid cell coloured by its predicted class, blended from the background by
// the network's confidence there; and where a raw data point falls on the drawn square.
import type { BoundaryMap } from '../../../main/api/types';

export type Rgb = [number, number, number];

/** Tint of a cell predicted at chance level (so the class still shows) and at full confidence. */
export const MIN_TINT = 0.12;
export const MAX_TINT = 0.8;

/** #rrggbb or #rgb (as CSS variables hold them) to its channels. */
export function hexToRgb(hex: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as Rgb;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/**
 * How sure a probability row is, 0 at chance (every class 1/K) to 1 (one class certain), and its winning class.
 * `values` holds K probabilities from `at`.
 */
export function confidence(
  values: ArrayLike<number>,
  at: number,
  classes: number,
): { winner: number; confidence: number } {
  let winner = 0;
  for (let c = 1; c < classes; c++) if (values[at + c] > values[at + winner]) winner = c;
  const chance = 1 / classes;
  return { winner, confidence: Math.min(1, Math.max(0, (values[at + winner] - chance) / (1 - chance))) };
}

/** The class colour mixed into the background by tint MIN_TINT (chance) to MAX_TINT (certain). */
export function cellColour(classColour: Rgb, background: Rgb, sure: number): Rgb {
  const tint = MIN_TINT + (MAX_TINT - MIN_TINT) * sure;
  return [0, 1, 2].map((i) => Math.round(background[i] + (classColour[i] - background[i]) * tint)) as Rgb;
}

/** RGBA pixels (resolution x resolution, top row first) of a 'classes' map; class k gets palette[k % length]. */
export function paintClasses(map: BoundaryMap, palette: Rgb[], background: Rgb): Uint8ClampedArray<ArrayBuffer> {
  const classes = Math.max(map.classNames.length, 2);
  const cells = map.resolution * map.resolution;
  if (map.values.length !== cells * classes)
    throw new Error(`the boundary has ${map.values.length} values for ${cells} cells of ${classes} classes`);
  const pixels = new Uint8ClampedArray(cells * 4);
  for (let cell = 0; cell < cells; cell++) {
    const { winner, confidence: sure } = confidence(map.values, cell * classes, classes);
    const [r, g, b] = cellColour(palette[winner % palette.length], background, sure);
    pixels.set([r, g, b, 255], cell * 4);
  }
  return pixels;
}

/** Where raw value `v` of an axis spanning `range` falls on `size` pixels (flip: larger values upward). */
export function toPixel(v: number, range: [number, number], size: number, flip = false): number {
  const share = (v - range[0]) / (range[1] - range[0]);
  return (flip ? 1 - share : share) * size;
}
