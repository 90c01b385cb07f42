// The boundary's colours: class by argmax, intensity by confidence above chance, and points placed on the square.
import { describe, expect, it } from 'vitest';
import type { BoundaryMap } from '../../../main/api/types';
import { cellColour, confidence, hexToRgb, MAX_TINT, MIN_TINT, paintClasses, toPixel, type Rgb } from './boundaryPaint';

const white: Rgb = [255, 255, 255];
const red: Rgb = [255, 0, 0];
const blue: Rgb = [0, 0, 255];

function map(values: number[], resolution: number, classes: number): BoundaryMap {
  return {
    kind: 'classes',
    source: 'live',
    best: false,
    epoch: 1,
    step: 10,
    resolution,
    x: [0, 1],
    y: [0, 1],
    xName: 'a',
    yName: 'b',
    classNames: Array.from({ length: classes }, (_, k) => `c${k}`),
    values,
    points: [],
  };
}

describe('boundary colours', () => {
  it('reads #rrggbb and #rgb colours and refuses others', () => {
    expect(hexToRgb('#2563eb')).toEqual([0x25, 0x63, 0xeb]);
    expect(hexToRgb('#fa0')).toEqual([0xff, 0xaa, 0x00]);
    expect(() => hexToRgb('blue')).toThrow(/not a #rrggbb colour: blue/);
  });

  it('measures confidence from chance (0) to certainty (1)', () => {
    expect(confidence([1 / 3, 1 / 3, 1 / 3], 0, 3).confidence).toBeCloseTo(0, 6);
    expect(confidence([0, 0, 1], 0, 3)).toEqual({ winner: 2, confidence: 1 });
    expect(confidence([9, 0.25, 0.75], 1, 2)).toEqual({ winner: 1, confidence: 0.5 }); // reads from `at`
  });

  it('tints the background towards the class colour by confidence', () => {
    expect(cellColour(red, white, 0)).toEqual([
      255,
      Math.round(255 * (1 - MIN_TINT)),
      Math.round(255 * (1 - MIN_TINT)),
    ]);
    expect(cellColour(red, white, 1)).toEqual([
      255,
      Math.round(255 * (1 - MAX_TINT)),
      Math.round(255 * (1 - MAX_TINT)),
    ]);
  });

  it('paints each cell in its predicted class, surer cells stronger', () => {
    // 2 x 2 grid, 2 classes: top-left sure of class 0, top-right unsure of class 1, bottom row sure of class 1.
    const pixels = paintClasses(map([1, 0, 0.4, 0.6, 0, 1, 0, 1], 2, 2), [red, blue], white);
    expect(Array.from(pixels.subarray(0, 4))).toEqual([...cellColour(red, white, 1), 255]);
    expect(Array.from(pixels.subarray(4, 8))).toEqual([...cellColour(blue, white, 0.2), 255]);
    expect(Array.from(pixels.subarray(8, 12))).toEqual([...cellColour(blue, white, 1), 255]);
    expect(pixels[4]).toBeGreaterThan(pixels[8]); // the unsure cell is paler (more of the white background)
    expect(() => paintClasses(map([1, 0], 2, 2), [red, blue], white)).toThrow(/2 values for 4 cells of 2 classes/);
  });

  it('places raw values on the square, larger y upward', () => {
    expect(toPixel(0.25, [0, 1], 200)).toBe(50);
    expect(toPixel(0.25, [0, 1], 200, true)).toBe(150);
    expect(toPixel(-1, [-2, 2], 100)).toBe(25);
  });
});
