// The GEMM's small-M path (1 to 4 rows of op(A), gemm/small_rows.cpp): values against the reference in all four
// transpose cases with tails of k and of the columns, the bias and beta epilogues, and its promise that a column's
// sum does not depend on which other columns are computed with it (what keeps thread splits bitwise neutral).
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectBitwise, expectClose, expectGemmLikeReference, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('gemm with at most 4 rows (small-M path)', () => {
  // K: shorter than one vector, tails after whole vectors of 4, 8 and 16 lanes. N: tails of every column grouping,
  // more than one 256-column chunk, and enough columns for several threads.
  const sizes: [number, number][] = [
    [1, 1],
    [7, 3],
    [17, 37],
    [33, 300],
    [785, 530],
  ];
  for (const M of [1, 2, 3, 4]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`matches the reference for M=${M} transA=${transA} transB=${transB}`, () => {
          for (const [K, N] of sizes) {
            expectGemmLikeReference(
              native.gemm,
              reference.gemm,
              M * 100 + K + N,
              [transA, transB],
              [M, N, K],
              0.75,
              0.5,
            );
          }
        });
      }
    }
  }

  it('matches the reference for any number of rows times a narrow op(B) = B^T (fewer columns than a tile)', () => {
    // Rows: a whole number of groups of 4, and groups ending in 1, 2 and 3 rows; columns: 1, a classifier's 10, 15.
    for (const M of [5, 6, 7, 64]) {
      for (const N of [1, 10, 15]) {
        expectGemmLikeReference(native.gemm, reference.gemm, M * 31 + N, [false, true], [M, N, 67], 0.75, 0.5);
      }
    }
  });

  it("computes a narrow op(B)'s rows exactly as a batch of 1 to 4 computes them", () => {
    // The rows of a 64 x 7 product (narrower than every ISA's tile: 8 scalar, 12 NEON, 16 AVX2, 32 AVX-512) go 4 at
    // a time through the small-M kernels: each group of 4 rows has the bits of the same 4 rows as their own product.
    const [M, N, K] = [64, 7, 512];
    const rng = new Rng(77);
    const A = randomFloats(rng, M * K);
    const B = randomFloats(rng, N * K);
    const whole = zeros(M * N);
    native.gemm(false, true, M, N, K, 1, A, B, 0, whole);
    for (let i0 = 0; i0 < M; i0 += 4) {
      const group = zeros(4 * N);
      native.gemm(false, true, 4, N, K, 1, A.subarray(i0 * K, (i0 + 4) * K), B, 0, group);
      expectBitwise(whole.subarray(i0 * N, (i0 + 4) * N), group);
    }
  });

  it('ignores the old contents of C when beta is 0 (even NaN)', () => {
    const rng = new Rng(5);
    for (const transB of [false, true]) {
      const A = randomFloats(rng, 2 * 19);
      const B = randomFloats(rng, 19 * 21);
      const C = zeros(2 * 21).fill(Number.NaN);
      const expected = zeros(2 * 21);
      native.gemm(false, transB, 2, 21, 19, 1, A, B, 0, C);
      reference.gemm(false, transB, 2, 21, 19, 1, A, B, 0, expected);
      expectClose(C, expected);
    }
  });

  it('adds the bias of a dense layer for batches of 1 to 4', () => {
    for (const batch of [1, 2, 3, 4]) {
      const [inFeatures, outFeatures] = [784, 61];
      const rng = new Rng(batch);
      const x = randomFloats(rng, batch * inFeatures);
      const w = randomFloats(rng, outFeatures * inFeatures);
      const b = randomFloats(rng, outFeatures);
      const y = zeros(batch * outFeatures).fill(Number.NaN);
      const expected = zeros(batch * outFeatures);
      native.denseForward(x, w, b, y, batch, inFeatures, outFeatures);
      reference.denseForward(x, w, b, expected, batch, inFeatures, outFeatures);
      expectClose(y, expected, 1e-5, 1e-4);
    }
  });

  it('gives a column the same bits whichever columns share the call (op(B) = B^T and B)', () => {
    native.setThreads(1);
    // 1, 3 and 4 rows: every tile width of every ISA (the columns are cut into tiles of nearly equal widths, so a
    // call of 10, 7 or 2 columns tiles them differently from one of 300).
    for (const M of [1, 3, 4]) {
      const rng = new Rng(8 + M);
      const [N, K] = [300, 101];
      const A = randomFloats(rng, M * K);
      const Bt = randomFloats(rng, N * K); // [N, K]: the columns of op(B) are its rows
      const full = zeros(M * N);
      native.gemm(false, true, M, N, K, 1, A, Bt, 0, full);
      // Columns [first, first + count) alone: they fall at other places of the kernels' column groups and chunks.
      for (const [first, count] of [
        [1, 5],
        [3, 2],
        [40, 10],
        [60, 7],
        [17, 257],
        [299, 1],
      ]) {
        const part = zeros(M * count);
        native.gemm(false, true, M, count, K, 1, A, Bt.subarray(first * K, (first + count) * K), 0, part);
        for (let i = 0; i < M; i++)
          expectBitwise(part.subarray(i * count, (i + 1) * count), full.subarray(i * N + first, i * N + first + count));
      }
    }
  });

  it('gives the same bits on 1, 2 and 3 threads', () => {
    const rng = new Rng(9);
    const [N, K] = [2000, 300];
    const A = randomFloats(rng, 4 * K);
    const B = randomFloats(rng, K * N);
    for (const M of [1, 4]) {
      for (const transB of [false, true]) {
        const results = [1, 2, 3].map((threads) => {
          native.setThreads(threads);
          expect(native.threads()).toBe(threads);
          const C = zeros(M * N);
          native.gemm(false, transB, M, N, K, 1, A.subarray(0, M * K), B, 0, C);
          return C;
        });
        expectBitwise(results[1], results[0]);
        expectBitwise(results[2], results[0]);
      }
    }
  });
});
