// Results must be bitwise identical for any thread count: each kernel runs with 1, 2 and 3 threads on problems
// large enough to be split, and the outputs are compared bit for bit.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { expectBitwise, randomFloats, windowGeom, zeros } from './testing';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/** Runs `compute` under each thread count and checks every returned buffer has the same bits. */
function expectSameForAnyThreadCount(compute: () => Float32Array[]): void {
  native.setThreads(1);
  const single = compute();
  for (const threads of [2, 3]) {
    native.setThreads(threads);
    expect(native.threads()).toBe(threads);
    const multi = compute();
    multi.forEach((buffer, i) => expectBitwise(buffer, single[i]));
  }
}

describe('bitwise determinism across thread counts', () => {
  it('gemm, in all four transpose cases', () => {
    const rng = new Rng(60);
    const [M, N, K] = [203, 301, 517];
    const A = randomFloats(rng, M * K);
    const B = randomFloats(rng, K * N);
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        expectSameForAnyThreadCount(() => {
          const C = zeros(M * N);
          native.gemm(transA, transB, M, N, K, 1, A, B, 0, C);
          return [C];
        });
      }
    }
  });

  it('gemm with a narrow op(B) = B^T (rows split over threads 4 at a time)', () => {
    const rng = new Rng(62);
    // Enough multiply-adds (203 x 10 x 517) for more than one thread; 203 rows end in a group of 3.
    const [M, N, K] = [203, 10, 517];
    const A = randomFloats(rng, M * K);
    const B = randomFloats(rng, N * K);
    expectSameForAnyThreadCount(() => {
      const C = zeros(M * N);
      native.gemm(false, true, M, N, K, 1, A, B, 0, C);
      return [C];
    });
  });

  it('dense backward', () => {
    const rng = new Rng(61);
    const [batch, inFeatures, outFeatures] = [64, 300, 100];
    const x = randomFloats(rng, batch * inFeatures);
    const w = randomFloats(rng, outFeatures * inFeatures);
    const dy = randomFloats(rng, batch * outFeatures);
    expectSameForAnyThreadCount(() => {
      const [dx, dW, dB] = [zeros(x.length), zeros(w.length), zeros(outFeatures)];
      native.denseBackward(x, w, dy, dx, dW, dB, batch, inFeatures, outFeatures, false);
      return [dx, dW, dB];
    });
  });

  // Stride 2 runs through im2col; stride 1 through shifted windows (forward and input gradient). Batches of 1 and
  // 5 spread each unit of images over the threads, 40 gives whole units to each thread.
  const convCases: [string, (batch: number) => Int32Array][] = [
    ['stride 2x1', (batch) => windowGeom(batch, 6, 30, 26, 8, 3, 5, 2, 1, 1, 2)],
    ['stride 1', (batch) => windowGeom(batch, 6, 30, 26, 8, 3, 5, 1, 1, 1, 2)],
  ];
  for (const [name, geometry] of convCases)
    for (const batch of [1, 5, 40]) {
      it(`conv2d forward and backward, ${name}, batch ${batch}`, () => {
        const rng = new Rng(62 + batch);
        const geom = geometry(batch);
        const x = randomFloats(rng, batch * 6 * 30 * 26);
        const w = randomFloats(rng, 8 * 6 * 3 * 5);
        const b = randomFloats(rng, 8);
        const dy = randomFloats(rng, batch * 8 * geom[11] * geom[12]);
        expectSameForAnyThreadCount(() => {
          const y = zeros(dy.length);
          native.conv2dForward(x, w, b, y, geom);
          const [dx, dW, dB] = [zeros(x.length), zeros(w.length), zeros(8)];
          native.conv2dBackward(x, w, dy, dx, dW, dB, geom, false);
          return [y, dx, dW, dB];
        });
      });
    }

  it('batch normalization forward and backward', () => {
    const rng = new Rng(64);
    const [batch, channels, spatial] = [16, 12, 100];
    const x = randomFloats(rng, batch * channels * spatial);
    const gamma = randomFloats(rng, channels);
    const beta = randomFloats(rng, channels);
    const dy = randomFloats(rng, x.length);
    expectSameForAnyThreadCount(() => {
      const [y, mean, invStd, rm, rv] = [
        zeros(x.length),
        zeros(channels),
        zeros(channels),
        zeros(channels),
        zeros(channels),
      ];
      native.batchNormForwardTrain(x, gamma, beta, y, mean, invStd, rm, rv, batch, channels, spatial, 1e-5, 0.1);
      const [dx, dGamma, dBeta] = [zeros(x.length), zeros(channels), zeros(channels)];
      native.batchNormBackward(x, gamma, dy, mean, invStd, dx, dGamma, dBeta, batch, channels, spatial, false);
      return [y, mean, invStd, rm, rv, dx, dGamma, dBeta];
    });
  });

  it('sums, losses and dropout', () => {
    const rng = new Rng(65);
    const count = 1_000_003;
    const x = randomFloats(rng, count);
    const labels = Int32Array.from({ length: (count / 1000) | 0 }, (_, i) => i % 1000);
    expectSameForAnyThreadCount(() => {
      const y = zeros(count);
      const mask = new Uint8Array(count);
      native.dropoutForward(x, y, mask, count, 0.4, 99, 3);
      const d = zeros(labels.length * 1000);
      const loss = native.softmaxCrossEntropy(x, labels, d, labels.length, 1000);
      const bce = zeros(count);
      const bceLoss = native.bceWithLogits(x, y, bce, count);
      const sums = Float32Array.from([native.sumOfSquares(x, count), native.sumOfAbs(x, count), loss, bceLoss]);
      return [
        y,
        new Float32Array(mask),
        d,
        bce,
        sums,
        new Float32Array(Float64Array.from([native.sumOfSquares(x, count), loss]).buffer),
      ];
    });
  });
});

describe('the thread pool', () => {
  it('runs every share of every call exactly once, with more threads than cores and calls of changing width', () => {
    // C += A · B (beta 1) from a fixed C: a share skipped leaves its part of C as it was, one run twice adds its
    // product twice. Widths 2, 3, 4 and 8 interleave, so each call opens shares the previous one did not use; 8
    // threads on a machine of fewer cores get descheduled mid-call, and others take their shares.
    const rng = new Rng(64);
    const cases = [64, 96, 128, 256].map((M) => {
      const [N, K] = [512, 64];
      const A = randomFloats(rng, M * K);
      const B = randomFloats(rng, K * N);
      const C0 = randomFloats(rng, M * N);
      native.setThreads(1);
      const expected = C0.slice();
      native.gemm(false, false, M, N, K, 1, A, B, 1, expected);
      return { M, N, K, A, B, C0, expected };
    });
    native.setThreads(8);
    for (let round = 0; round < 150; round++) {
      for (const { M, N, K, A, B, C0, expected } of cases) {
        const C = C0.slice();
        native.gemm(false, false, M, N, K, 1, A, B, 1, C);
        expectBitwise(C, expected);
      }
    }
  });
});
