// The bits of batch normalization's kernels (training and eval forward, both backwards, training through a ReLU) on
// seeded values, as one SHA-256: engine/native/batchNormIsa.test.ts compares its own process's (the rows' AVX2
// versions where the CPU has them) with this file run as a child with NETWRIGHT_ISA=scalar (the portable passes),
// which prints it.
// No test framework here: the child loads only this file, the addon and the RNG.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';

/** Ordinary values around an offset mean, with exact zeros, tiny and large ones among them. */
function values(rng: Rng, count: number, offset: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const u = rng.uniform() * 2 - 1;
    out[i] = i % 11 === 0 ? 0 : i % 13 === 0 ? u * 1e-30 : i % 17 === 0 ? u * 1e4 : offset + u;
  }
  return out;
}

/**
 * [batch, channels, spatial]: rows of whole groups of 8 and a tail (1237 = 154 x 8 + 5), rows shorter than one group
 * past the column path's bound (16, 21), the column path itself (spatial 5), and channels split unevenly over threads.
 */
const shapes: [number, number, number][] = [
  [3, 5, 1237],
  [4, 3, 16],
  [2, 7, 21],
  [8, 6, 5],
  [16, 13, 64],
];

export function batchNormBits(native: Kernels, threadCounts: number[]): string {
  const hash = createHash('sha256');
  const add = (a: Float32Array) => hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const threads of threadCounts) {
    native.setThreads(threads);
    shapes.forEach(([batch, channels, spatial], index) => {
      const rng = new Rng(1000 + index);
      const count = batch * channels * spatial;
      const x = values(rng, count, 3);
      const dy = values(rng, count, 0);
      const gamma = values(rng, channels, 1);
      const beta = values(rng, channels, 0);
      const y = new Float32Array(count);
      const savedMean = new Float32Array(channels);
      const savedInvStd = new Float32Array(channels);
      const runningMean = values(rng, channels, 0);
      const runningVar = Float32Array.from(values(rng, channels, 2), Math.abs);
      native.batchNormForwardTrain(
        x,
        gamma,
        beta,
        y,
        savedMean,
        savedInvStd,
        runningMean,
        runningVar,
        batch,
        channels,
        spatial,
        1e-5,
        0.1,
      );
      [y, savedMean, savedInvStd, runningMean, runningVar].forEach(add);
      native.batchNormForwardEval(x, gamma, beta, y, runningMean, runningVar, batch, channels, spatial, 1e-5);
      add(y);
      for (const accumulate of [false, true]) {
        const dx = values(rng, count, 0);
        const dGamma = new Float32Array(channels);
        const dBeta = new Float32Array(channels);
        native.batchNormBackward(
          x,
          gamma,
          dy,
          savedMean,
          savedInvStd,
          dx,
          dGamma,
          dBeta,
          batch,
          channels,
          spatial,
          accumulate,
        );
        [dx, dGamma, dBeta].forEach(add);
        native.batchNormBackwardEval(
          gamma,
          dy,
          x,
          runningMean,
          runningVar,
          dx,
          dGamma,
          dBeta,
          batch,
          channels,
          spatial,
          1e-5,
          accumulate,
        );
        [dx, dGamma, dBeta].forEach(add);
        // Through the ReLU after it (the backward recomputes the forward's output from x for its mask).
        const savedScale = new Float32Array(channels);
        native.batchNormReluForwardTrain(
          x,
          gamma,
          beta,
          y,
          savedMean,
          savedInvStd,
          savedScale,
          runningMean,
          runningVar,
          batch,
          channels,
          spatial,
          1e-5,
          0.1,
        );
        native.batchNormReluBackward(
          x,
          gamma,
          beta,
          dy,
          savedMean,
          savedInvStd,
          savedScale,
          dx,
          dGamma,
          dBeta,
          batch,
          channels,
          spatial,
          accumulate,
        );
        [y, savedScale, dx, dGamma, dBeta].forEach(add);
      }
    });
  }
  return hash.digest('hex');
}

/** The thread counts both processes run. */
export const batchNormThreads = [1, 3];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${batchNormBits(loadKernels(), batchNormThreads)}\n`);
}
