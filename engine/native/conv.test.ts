// Convolution and pooling against the TypeScript reference: stride, padding, non-square kernels, 1x1 fast path,
// batches smaller and larger than the thread count, weight gradients spanning several gathered chunks.
import { describe, expect, it } from 'vitest';
import { Geom } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { copyOf, expectClose, randomFloats, windowGeom, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();

const size = (geom: Int32Array, which: 'x' | 'w' | 'y'): number => {
  const [N, C, H, W, O, KH, KW] = geom;
  if (which === 'x') return N * C * H * W;
  if (which === 'w') return O * C * KH * KW;
  return N * O * geom[Geom.OH] * geom[Geom.OW];
};

const convCases: [string, Int32Array][] = [
  ['3x3 same padding', windowGeom(2, 3, 7, 9, 4, 3, 3, 1, 1, 1, 1)],
  ['non-square 2x5 kernel, stride 2x3, padding 1x2', windowGeom(3, 2, 11, 13, 5, 2, 5, 2, 3, 1, 2)],
  ['1x1 kernel (columns are the input)', windowGeom(3, 6, 5, 4, 7, 1, 1)],
  ['1x1 kernel with stride 2', windowGeom(2, 3, 6, 5, 2, 1, 1, 2, 2)],
  ['single image (split inside the image)', windowGeom(1, 4, 16, 12, 6, 3, 3, 1, 1, 1, 1)],
  ['kernel covering the whole input', windowGeom(2, 2, 4, 4, 3, 4, 4)],
  // Stride 1 runs as shifted windows of the padded image (forward, and the input gradient as the adjoint convolution).
  ['one channel, 5x5, padding 2 (LeNet first layer)', windowGeom(9, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2)],
  ['3x5 kernel, padding 2x1', windowGeom(5, 3, 9, 11, 4, 3, 5, 1, 1, 2, 1)],
  ['padding wider than the kernel (input gradient through im2col)', windowGeom(2, 2, 6, 6, 3, 2, 2, 1, 1, 2, 2)],
  ['narrow output (im2col: shifted windows would drop too many columns)', windowGeom(4, 3, 6, 3, 5, 3, 3)],
  ['many images (whole units per thread)', windowGeom(40, 8, 12, 12, 10, 3, 3, 1, 1, 1, 1)],
  ['few input channels, 5x5, no padding (input gradient cheaper through im2col)', windowGeom(4, 6, 14, 14, 16, 5, 5)],
];

describe('conv2d', () => {
  for (const [name, geom] of convCases) {
    it(`forward matches the reference: ${name}`, () => {
      const rng = new Rng(geom[Geom.H] * 31 + geom[Geom.KW]);
      const x = randomFloats(rng, size(geom, 'x'));
      const w = randomFloats(rng, size(geom, 'w'));
      const b = randomFloats(rng, geom[Geom.O]);
      for (const bias of [b, null]) {
        const y = randomFloats(rng, size(geom, 'y'));
        const expected = zeros(y.length);
        native.conv2dForward(x, w, bias, y, geom);
        reference.conv2dForward(x, w, bias, expected, geom);
        expectClose(y, expected);
      }
    });

    for (const accumulateDx of [false, true]) {
      it(`backward matches the reference: ${name}, accumulateDx=${accumulateDx}`, () => {
        const rng = new Rng(geom[Geom.W] * 17 + geom[Geom.SH]);
        const x = randomFloats(rng, size(geom, 'x'));
        const w = randomFloats(rng, size(geom, 'w'));
        const dy = randomFloats(rng, size(geom, 'y'));
        const dx = randomFloats(rng, x.length);
        const expectedDx = copyOf(dx);
        const dW = randomFloats(rng, w.length);
        const dB = randomFloats(rng, geom[Geom.O]);
        const expectedDw = zeros(w.length);
        const expectedDb = zeros(geom[Geom.O]);
        native.conv2dBackward(x, w, dy, dx, dW, dB, geom, accumulateDx);
        reference.conv2dBackward(x, w, dy, expectedDx, expectedDw, expectedDb, geom, accumulateDx);
        expectClose(dx, expectedDx);
        expectClose(dW, expectedDw, 1e-5, 1e-4);
        expectClose(dB, expectedDb, 1e-5, 1e-4);
      });
    }
  }

  it('skips dx and dBias when null', () => {
    const geom = windowGeom(2, 2, 5, 5, 3, 3, 3, 1, 1, 1, 1);
    const rng = new Rng(5);
    const x = randomFloats(rng, size(geom, 'x'));
    const w = randomFloats(rng, size(geom, 'w'));
    const dy = randomFloats(rng, size(geom, 'y'));
    const dW = zeros(w.length);
    const expectedDw = zeros(w.length);
    native.conv2dBackward(x, w, dy, null, dW, null, geom, false);
    reference.conv2dBackward(x, w, dy, null, expectedDw, null, geom, false);
    expectClose(dW, expectedDw, 1e-5, 1e-4);
  });

  it('sums the weight gradient over several gathered chunks of images', () => {
    // Chunks hold a fixed budget of im2col floats (2^17..2^20 floats keep these cases at several chunks of several
    // images, the last one partial): 3x3 over 32x32 is 18 x 1024 floats per image, 1x1 over 16x16 64 x 256.
    for (const geom of [windowGeom(60, 2, 32, 32, 2, 3, 3, 1, 1, 1, 1), windowGeom(70, 64, 16, 16, 2, 1, 1)]) {
      const rng = new Rng(geom[Geom.N]);
      const x = randomFloats(rng, size(geom, 'x'));
      const w = randomFloats(rng, size(geom, 'w'));
      const dy = randomFloats(rng, size(geom, 'y'));
      const dW = zeros(w.length);
      const expectedDw = zeros(w.length);
      native.conv2dBackward(x, w, dy, null, dW, null, geom, false);
      reference.conv2dBackward(x, w, dy, null, expectedDw, null, geom, false);
      expectClose(dW, expectedDw, 1e-4, 1e-3);
    }
  });
});

const poolCases: [string, Int32Array][] = [
  ['2x2 stride 2', windowGeom(2, 3, 8, 6, 3, 2, 2, 2, 2)],
  ['3x3 stride 2 padding 1 on odd sizes', windowGeom(2, 2, 7, 9, 2, 3, 3, 2, 2, 1, 1)],
  ['non-square 2x3 window, stride 1x2, padding 1x1', windowGeom(1, 3, 5, 7, 3, 2, 3, 1, 2, 1, 1)],
];

describe('pooling', () => {
  for (const [name, geom] of poolCases) {
    const inCount = geom[0] * geom[1] * geom[2] * geom[3];
    const outCount = geom[0] * geom[1] * geom[Geom.OH] * geom[Geom.OW];

    it(`max pooling forward and backward match the reference: ${name}`, () => {
      const rng = new Rng(inCount);
      // All negative: a padded zero would win if padding were counted.
      const x = randomFloats(rng, inCount).map((v) => -1 - Math.abs(v));
      const y = zeros(outCount);
      const argmax = new Int32Array(outCount);
      const expectedY = zeros(outCount);
      const expectedArgmax = new Int32Array(outCount);
      native.maxPool2dForward(x, y, argmax, geom);
      reference.maxPool2dForward(x, expectedY, expectedArgmax, geom);
      expectClose(y, expectedY, 0, 0);
      expect(Array.from(argmax)).toEqual(Array.from(expectedArgmax));
      for (const accumulate of [false, true]) {
        const dy = randomFloats(rng, outCount);
        const dx = randomFloats(rng, inCount);
        const expectedDx = copyOf(dx);
        native.maxPool2dBackward(dy, argmax, dx, geom, accumulate);
        reference.maxPool2dBackward(dy, expectedArgmax, expectedDx, geom, accumulate);
        expectClose(dx, expectedDx);
      }
    });

    it(`average pooling forward and backward match the reference: ${name}`, () => {
      const rng = new Rng(outCount);
      const x = randomFloats(rng, inCount);
      const y = zeros(outCount);
      const expectedY = zeros(outCount);
      native.avgPool2dForward(x, y, geom);
      reference.avgPool2dForward(x, expectedY, geom);
      expectClose(y, expectedY);
      for (const accumulate of [false, true]) {
        const dy = randomFloats(rng, outCount);
        const dx = randomFloats(rng, inCount);
        const expectedDx = copyOf(dx);
        native.avgPool2dBackward(dy, dx, geom, accumulate);
        reference.avgPool2dBackward(dy, expectedDx, geom, accumulate);
        expectClose(dx, expectedDx);
      }
    });
  }

  it('max pooling picks the first of equal maxima', () => {
    const geom = windowGeom(1, 1, 2, 2, 1, 2, 2);
    const y = zeros(1);
    const argmax = new Int32Array(1);
    native.maxPool2dForward(Float32Array.from([1, 3, 3, 2]), y, argmax, geom);
    expect(argmax[0]).toBe(1);
    expect(y[0]).toBe(3);
  });

  it('global average pooling forward and backward match the reference', () => {
    const rng = new Rng(12);
    const [batch, channels, spatial] = [3, 5, 49];
    const x = randomFloats(rng, batch * channels * spatial);
    const y = zeros(batch * channels);
    const expectedY = zeros(batch * channels);
    native.globalAvgPoolForward(x, y, batch, channels, spatial);
    reference.globalAvgPoolForward(x, expectedY, batch, channels, spatial);
    expectClose(y, expectedY);
    for (const accumulate of [false, true]) {
      const dy = randomFloats(rng, batch * channels);
      const dx = randomFloats(rng, x.length);
      const expectedDx = copyOf(dx);
      native.globalAvgPoolBackward(dy, dx, batch, channels, spatial, accumulate);
      reference.globalAvgPoolBackward(dy, expectedDx, batch, channels, spatial, accumulate);
      expectClose(dx, expectedDx);
    }
  });
});
