// The weight gradient of stride-1 convolutions over shifted windows (ops/conv_shifted.cpp): each group of images is
// summed in runs of up to 4 images per dot product (dy read in place when OW is a multiple of 8, else laid on the
// padded grid). Batches whose groups end in a partial run must match the reference and give the same bits on 1 to 3
// threads, whether threads take whole groups or split the rows of one.
import { afterAll, describe, expect, it } from 'vitest';
import { Geom } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectBitwise, expectClose, randomFloats, windowGeom, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

// Batches above 16 put several images in a group (70: 5 per group, a run of 4 then 1; 50: 4 per group, the last
// group 2; 37: 3 per group); batch 3 has one image per group and splits rows o over the threads.
const cases: [string, Int32Array][] = [
  ['16x16 planes read in place, batch 70', windowGeom(70, 3, 16, 16, 5, 3, 3, 1, 1, 1, 1)],
  ['16x16 planes read in place, batch 50', windowGeom(50, 4, 16, 16, 7, 3, 3, 1, 1, 1, 1)],
  ['8x8 output without padding, batch 37', windowGeom(37, 4, 10, 10, 6, 3, 3)],
  ['9x13 planes on the padded grid, batch 50', windowGeom(50, 3, 9, 13, 5, 3, 3, 1, 1, 1, 1)],
  // LeNet's second layer: a 136-float grid, read as 144 (whole steps of 16 lanes) on AVX-512, past the last
  // channel's plane into the padded image's trailing zeros.
  ['LeNet 14x14 -> 10x10 on the padded grid, batch 21', windowGeom(21, 6, 14, 14, 16, 5, 5)],
  // 48-wide rows read in place: 12 rows of 3 steps per image, summed in one loop per block of 4 and of 3 outputs.
  ['12x48 planes read in place, 7 outputs, batch 9', windowGeom(9, 2, 12, 48, 7, 3, 3, 1, 1, 1, 1)],
  ['5x3 kernel, 8x16 output read in place, batch 23', windowGeom(23, 2, 8, 16, 4, 5, 3, 1, 1, 2, 1)],
  ['16x16 planes, batch 3, 64 outputs (rows split over threads)', windowGeom(3, 8, 16, 16, 64, 3, 3, 1, 1, 1, 1)],
];

describe('conv2d weight gradient over runs of images', () => {
  for (const [name, geom] of cases) {
    it(`matches the reference with the same bits on 1, 2 and 3 threads: ${name}`, () => {
      const [N, C, H, W, O, KH, KW] = geom;
      const rng = new Rng(N * 100 + O);
      const x = randomFloats(rng, N * C * H * W);
      const w = randomFloats(rng, O * C * KH * KW);
      const dy = randomFloats(rng, N * O * geom[Geom.OH] * geom[Geom.OW]);
      const expected = zeros(w.length);
      reference.conv2dBackward(x, w, dy, null, expected, null, geom, false);
      let first: Float32Array | null = null;
      for (const threads of [1, 2, 3]) {
        native.setThreads(threads);
        expect(native.threads()).toBe(threads);
        const dW = zeros(w.length);
        native.conv2dBackward(x, w, dy, null, dW, null, geom, false);
        expectClose(dW, expected, 1e-4, 1e-3);
        if (first) expectBitwise(dW, first);
        else first = dW;
      }
    });
  }
});
