// GEMM and dense layers against the TypeScript reference: all four transposes, odd sizes, alpha/beta, bias, accumulate.
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { copyOf, expectBitwise, expectClose, expectGemmLikeReference, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();
/** The rows of each ISA's register tile (engine/native/src/gemm/ukernel_*.cpp). */
const TILE_ROWS: Record<string, number> = { avx512: 8, avx2: 6, neon: 8, scalar: 4 };

describe('gemm', () => {
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [7, 33, 129],
    [33, 7, 1],
    [129, 33, 7],
    [1, 129, 33],
    [70, 50, 300],
  ];
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      for (const [M, N, K] of sizes) {
        it(`matches the reference for transA=${transA} transB=${transB} M=${M} N=${N} K=${K}`, () => {
          const seed = M * 1000 + N * 10 + K;
          expectGemmLikeReference(native.gemm, reference.gemm, seed, [transA, transB], [M, N, K], 0.75, 0.5);
        });
      }
    }
  }

  it('ignores the old contents of C when beta is 0 (even NaN)', () => {
    const rng = new Rng(3);
    const A = randomFloats(rng, 5 * 9);
    const B = randomFloats(rng, 9 * 20);
    const C = zeros(5 * 20).fill(Number.NaN);
    const expected = zeros(5 * 20);
    native.gemm(false, false, 5, 20, 9, 1, A, B, 0, C);
    reference.gemm(false, false, 5, 20, 9, 1, A, B, 0, expected);
    expectClose(C, expected);
  });

  // The packing paths: transposing 4 x 4 blocks with 2-row and 1-row tails (M and N not multiples of 4, 6 or 16,
  // K not a multiple of 4), several depth blocks (K > kc), and the copying paths with partial panels.
  for (const [M, N, K] of [
    [64, 50, 787],
    [13, 37, 1001],
    [66, 512, 130],
  ] as [number, number, number][]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`packs every panel shape for transA=${transA} transB=${transB} M=${M} N=${N} K=${K}`, () => {
          const rng = new Rng(M + N + K);
          const A = randomFloats(rng, M * K);
          const B = randomFloats(rng, K * N);
          const C = randomFloats(rng, M * N);
          const expected = copyOf(C);
          native.gemm(transA, transB, M, N, K, 1.5, A, B, 1, C);
          reference.gemm(transA, transB, M, N, K, 1.5, A, B, 1, expected);
          expectClose(C, expected, 1e-4, 1e-4 * Math.sqrt(K));
        });
      }
    }
  }

  it('computes the last 1 or 2 rows of a tile (their even and odd k summed apart) for odd and even depths', () => {
    // M = 7, 8, 13, 14 leave 1 or 2 rows past whole 6-row tiles, 9, 10, 17, 18 past 8-row ones; K = 1 and 3 have a
    // lone last k, 300 spans two depth blocks (the second block adds to C); beta 0, 1 and 0.5 take the kernels' three
    // ways of writing C.
    for (const M of TILE_ROWS[native.isa] === 8 ? [9, 10, 17, 18] : [7, 8, 13, 14]) {
      for (const K of [1, 3, 64, 300]) {
        for (const beta of [0, 1, 0.5]) {
          expectGemmLikeReference(native.gemm, reference.gemm, M * 1000 + K, [false, false], [M, 35, K], 1, beta);
        }
      }
    }
  });

  it('gives a row the same bits whether it lies in a whole tile or in one of the two tiles a block ends in', () => {
    // With 6-row tiles (AVX2) a block of 9 rows ends in 5 + 4 and one of 10 in 5 + 5 (not 6 + 3, 6 + 4); 64 = 9 x 6 +
    // 5 + 5; 154 = 144 + 10 ends its second row block so. With 8-row tiles (AVX-512) 12, 13 and 14 rows end in 6 + 6,
    // 7 + 6 and 7 + 7; 140 = 128 + 12 and 206 = 192 + 14 end a row block so. The same rows computed among 6 more lie
    // in other tiles, some of them whole: tiles of 3 rows or more sum in a whole tile's order, so a row's bits do
    // not depend on the batch it is in (past 2 rows).
    const mr = TILE_ROWS[native.isa];
    const sizes = mr === 8 ? [12, 13, 14, 140, 206] : [9, 10, 64, 154];
    const K = 300; // two depth blocks: the second adds to C
    const N = 40; // whole column panels and a partial one
    for (const transA of [false, true]) {
      for (const M of sizes) {
        const big = M + 6;
        const rng = new Rng(M * 7 + (transA ? 1 : 0));
        const bigA = randomFloats(rng, big * K);
        const B = randomFloats(rng, K * N);
        // op(A)'s first M rows: A [M, K] is a prefix of A [big, K]; A^T [K, M] takes the first M of each row.
        const A = transA ? zeros(K * M) : bigA.slice(0, M * K);
        if (transA) for (let k = 0; k < K; k++) A.set(bigA.subarray(k * big, k * big + M), k * M);
        const C = zeros(M * N);
        const bigC = zeros(big * N);
        native.gemm(transA, false, M, N, K, 1.25, A, B, 0, C);
        native.gemm(transA, false, big, N, K, 1.25, bigA, B, 0, bigC);
        expectBitwise(C, bigC.subarray(0, M * N));
        const expected = zeros(M * N);
        reference.gemm(transA, false, M, N, K, 1.25, A, B, 0, expected);
        expectClose(C, expected, 1e-4, 1e-4 * Math.sqrt(K));
      }
    }
  });

  it('handles depths longer than one cache block (K = 1000)', () => {
    const rng = new Rng(4);
    const A = randomFloats(rng, 13 * 1000);
    const B = randomFloats(rng, 1000 * 40);
    const C = zeros(13 * 40);
    const expected = zeros(13 * 40);
    native.gemm(true, false, 13, 40, 1000, 1, A, B, 0, C);
    reference.gemm(true, false, 13, 40, 1000, 1, A, B, 0, expected);
    expectClose(C, expected, 1e-4, 1e-4);
  });
});

describe('dense', () => {
  // [64, 100, 40] and [8, 128, 256]: the bias on full register tiles, on the last rows of a batch that is not a
  // multiple of the tile height, and on tiles sticking out of y.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [7, 33, 5],
    [32, 129, 10],
    [64, 100, 40],
    [8, 128, 256],
  ];
  for (const [batch, inFeatures, outFeatures] of shapes) {
    for (const withBias of [true, false]) {
      it(`forward matches for batch=${batch} in=${inFeatures} out=${outFeatures} bias=${withBias}`, () => {
        const rng = new Rng(batch + inFeatures);
        const x = randomFloats(rng, batch * inFeatures);
        const w = randomFloats(rng, outFeatures * inFeatures);
        const b = withBias ? randomFloats(rng, outFeatures) : null;
        const y = zeros(batch * outFeatures);
        const expected = zeros(batch * outFeatures);
        native.denseForward(x, w, b, y, batch, inFeatures, outFeatures);
        reference.denseForward(x, w, b, expected, batch, inFeatures, outFeatures);
        expectClose(y, expected, 1e-5, 1e-5);
      });
    }
    for (const accumulateDx of [false, true]) {
      it(`backward matches for batch=${batch} in=${inFeatures} out=${outFeatures} accumulateDx=${accumulateDx}`, () => {
        const rng = new Rng(batch * 7 + outFeatures);
        const x = randomFloats(rng, batch * inFeatures);
        const w = randomFloats(rng, outFeatures * inFeatures);
        const dy = randomFloats(rng, batch * outFeatures);
        const dx = randomFloats(rng, batch * inFeatures);
        const expectedDx = copyOf(dx);
        const dW = randomFloats(rng, outFeatures * inFeatures); // overwritten
        const dB = randomFloats(rng, outFeatures);
        const expectedDw = zeros(dW.length);
        const expectedDb = zeros(dB.length);
        native.denseBackward(x, w, dy, dx, dW, dB, batch, inFeatures, outFeatures, accumulateDx);
        reference.denseBackward(
          x,
          w,
          dy,
          expectedDx,
          expectedDw,
          expectedDb,
          batch,
          inFeatures,
          outFeatures,
          accumulateDx,
        );
        expectClose(dx, expectedDx);
        expectClose(dW, expectedDw);
        expectClose(dB, expectedDb);
      });
    }
  }

  it('skips dx and dBias when they are null', () => {
    const rng = new Rng(9);
    const x = randomFloats(rng, 4 * 6);
    const w = randomFloats(rng, 3 * 6);
    const dy = randomFloats(rng, 4 * 3);
    const dW = zeros(18);
    const expectedDw = zeros(18);
    native.denseBackward(x, w, dy, null, dW, null, 4, 6, 3, false);
    reference.denseBackward(x, w, dy, null, expectedDw, null, 4, 6, 3, false);
    expectClose(dW, expectedDw);
  });

  it('reports the instruction set it dispatched to, scalar when NETWRIGHT_ISA=scalar asks for it', () => {
    expect(['avx512', 'avx2', 'neon', 'scalar']).toContain(native.isa);
    if (process.env.NETWRIGHT_ISA === 'scalar') expect(native.isa).toBe('scalar');
    console.log(`native kernels: isa=${native.isa}, threads=${native.threads()}`);
  });
});
