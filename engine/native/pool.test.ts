// Max pooling's 2x2 stride-2 fast path (and the general path beside it) against the TypeScript reference: odd sizes,
// ties, signed zeros, NaNs, accumulation, argmax outside its own window, bad indices, and thread counts.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { Geom } from '../core/kernels';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { copyOf, expectBitwise, expectClose, randomFloats, windowGeom, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

const counts = (geom: Int32Array) => [
  geom[0] * geom[1] * geom[2] * geom[3],
  geom[0] * geom[1] * geom[Geom.OH] * geom[Geom.OW],
];

/** Values from a small set (many ties), with signed zeros and, when asked, NaNs. */
function tiedValues(rng: Rng, count: number, nans: boolean): Float32Array {
  const pool = [-2, -1, -0, 0, 1, 2, ...(nans ? [Number.NaN] : [])];
  const x = zeros(count);
  for (let i = 0; i < count; i++) x[i] = pool[Math.floor(rng.uniform() * pool.length)];
  return x;
}

function forwardBoth(x: Float32Array, geom: Int32Array): { y: Float32Array; argmax: Int32Array } {
  const [, outCount] = counts(geom);
  const [y, ey] = [zeros(outCount), zeros(outCount)];
  const [argmax, expectedArgmax] = [new Int32Array(outCount), new Int32Array(outCount)];
  native.maxPool2dForward(x, y, argmax, geom);
  reference.maxPool2dForward(x, ey, expectedArgmax, geom);
  expectBitwise(y, ey); // the same element: signed zeros and NaNs included
  expect(Array.from(argmax)).toEqual(Array.from(expectedArgmax));
  return { y, argmax };
}

function backwardBoth(argmax: Int32Array, geom: Int32Array, rng: Rng): void {
  const [inCount, outCount] = counts(geom);
  for (const accumulate of [false, true]) {
    const dy = randomFloats(rng, outCount);
    const dx = randomFloats(rng, inCount);
    const expectedDx = copyOf(dx);
    native.maxPool2dBackward(dy, argmax, dx, geom, accumulate);
    reference.maxPool2dBackward(dy, argmax, expectedDx, geom, accumulate);
    expectClose(dx, expectedDx, 1e-5, 1e-6); // overlapping windows sum in float, the reference in double
  }
}

// [N, C, H, W]: even and odd sizes, widths below, at and above one vector of four outputs.
const shapes: [number, number, number, number][] = [
  [2, 3, 8, 6],
  [1, 2, 7, 9],
  [3, 1, 5, 5],
  [2, 2, 2, 2],
  [1, 3, 6, 17],
  [2, 2, 11, 16],
  [1, 1, 3, 31],
  [4, 2, 10, 10],
];

describe('max pooling 2x2 stride 2', () => {
  for (const [N, C, H, W] of shapes) {
    const geom = windowGeom(N, C, H, W, C, 2, 2, 2, 2);
    const [inCount] = counts(geom);

    it(`matches the reference on [${N},${C},${H},${W}] with random values`, () => {
      const rng = new Rng(inCount);
      const { argmax } = forwardBoth(randomFloats(rng, inCount), geom);
      backwardBoth(argmax, geom, rng);
    });

    it(`keeps the first of tied maxima (signed zeros too) and propagates NaN on [${N},${C},${H},${W}]`, () => {
      const rng = new Rng(inCount + 1);
      for (const nans of [false, true]) {
        const { argmax } = forwardBoth(tiedValues(rng, inCount, nans), geom);
        backwardBoth(argmax, geom, rng);
      }
    });
  }

  it('returns the first NaN of a window, wherever it is', () => {
    const geom = windowGeom(1, 1, 2, 8, 1, 2, 2, 2, 2);
    // Windows (columns 2k, 2k+1 of both rows): NaN at each of the four positions, then two NaNs, then none.
    const x = Float32Array.from([Number.NaN, 5, 1, Number.NaN, 1, 2, 1, 2, 3, 4, 3, 4, Number.NaN, 4, 9, Number.NaN]);
    const y = zeros(4);
    const argmax = new Int32Array(4);
    native.maxPool2dForward(x, y, argmax, geom);
    expect(Array.from(argmax)).toEqual([0, 3, 12, 15]);
    expect(Array.from(y).map(Number.isNaN)).toEqual([true, true, true, true]);
  });

  it('routes gradients through indices outside their own window (but in their plane) like the general path', () => {
    const geom = windowGeom(2, 3, 6, 10, 3, 2, 2, 2, 2);
    const [inCount, outCount] = counts(geom);
    const rng = new Rng(7);
    const plane = 6 * 10;
    const outPlane = 3 * 5;
    // Any position of the own plane, several windows sharing some.
    const argmax = Int32Array.from(
      { length: outCount },
      (_, k) => Math.floor(k / outPlane) * plane + ((k * 7) % plane),
    );
    backwardBoth(argmax, geom, rng);
    // One plane with a single stray index among proper ones.
    const { argmax: proper } = forwardBoth(randomFloats(rng, inCount), geom);
    proper[outPlane + 6] = plane + 59; // plane 1, far from window 6
    backwardBoth(proper, geom, rng);
  });

  it('reports the lowest index outside its plane', () => {
    const geom = windowGeom(2, 2, 4, 8, 2, 2, 2, 2, 2);
    const [inCount, outCount] = counts(geom);
    const { argmax } = forwardBoth(randomFloats(new Rng(3), inCount), geom);
    argmax[13] = 5; // plane 1's windows hold [32, 64)
    argmax[30] = -1;
    for (const accumulate of [false, true]) {
      expect(() => native.maxPool2dBackward(zeros(outCount), argmax, zeros(inCount), geom, accumulate)).toThrow(
        "maxPool2dBackward: argmax[13] = 5 is outside its window's plane [32, 64)",
      );
    }
    argmax[13] = 33;
    expect(() => native.maxPool2dBackward(zeros(outCount), argmax, zeros(inCount), geom, false)).toThrow(
      "maxPool2dBackward: argmax[30] = -1 is outside its window's plane [96, 128)",
    );
  });

  it('gives the same bits for any thread count', () => {
    const geom = windowGeom(16, 8, 18, 22, 8, 2, 2, 2, 2);
    const [inCount, outCount] = counts(geom);
    const rng = new Rng(11);
    const x = tiedValues(rng, inCount, true);
    const dy = randomFloats(rng, outCount);
    const base = randomFloats(rng, inCount);
    const run = () => {
      const y = zeros(outCount);
      const argmax = new Int32Array(outCount);
      native.maxPool2dForward(x, y, argmax, geom);
      const [dx, dxAcc] = [zeros(inCount), copyOf(base)];
      native.maxPool2dBackward(dy, argmax, dx, geom, false);
      native.maxPool2dBackward(dy, argmax, dxAcc, geom, true);
      return [y, new Float32Array(argmax.buffer, argmax.byteOffset, argmax.length), dx, dxAcc];
    };
    native.setThreads(1);
    const single = run();
    native.setThreads(2);
    run().forEach((buffer, i) => expectBitwise(buffer, single[i]));
  });
});

describe('max pooling, general path', () => {
  const cases: Int32Array[] = [
    windowGeom(2, 2, 7, 9, 2, 3, 3, 2, 2, 1, 1),
    windowGeom(1, 3, 6, 8, 3, 2, 2, 1, 1),
    windowGeom(2, 1, 8, 8, 1, 2, 2, 2, 2, 1, 1), // 2x2 stride 2 but padded
    windowGeom(1, 2, 9, 9, 2, 3, 3, 3, 3),
  ];
  for (const geom of cases) {
    it(`matches the reference with ties, signed zeros and NaNs: geom ${Array.from(geom).join(',')}`, () => {
      const [inCount] = counts(geom);
      const rng = new Rng(inCount);
      for (const nans of [false, true]) {
        // All negative where padding applies: a padded zero must never win.
        const x = tiedValues(rng, inCount, nans).map((v) => (geom[Geom.PH] > 0 && v >= 0 ? -v - 3 : v));
        const { argmax } = forwardBoth(x, geom);
        backwardBoth(argmax, geom, rng);
      }
    });
  }
});
