// The bits of x W^T products on seeded inputs (gemm with op(B) = B^T, dense layers' forward with a bias, with and
// without the ReLU), as one SHA-256: engine/native/gemmWeightRows.test.ts compares its own process's (the AVX2 kernel
// reads W's rows in place, gemm/weight_rows.cpp) with this file run as a child with NETWRIGHT_GEMM_PACK_WEIGHTS=1
// (the panel driver, W packed), which prints it. No test framework here: the child loads only this file, the addon
// and the RNG.
import { pathToFileURL } from 'node:url';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';
import { outputsHash } from './outputsHash';

function randomFloats(rng: Rng, count: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.uniform() * 2 - 1;
  return values;
}

/**
 * [batch, in, out]: batches of 16 to 256 (a multiple of 16, or padded to one by at most an eighth; 63 ends in a part
 * of 4 rows, 204 in two row blocks of the panel driver, 32 keeps the panel driver), outputs ending in a whole tile of
 * 6 and in 1 to 5 rows (513, 37, 100), depths of one block (1, 40, 300) and of three (785, 784).
 */
export const weightRowsShapes: [number, number, number][] = [
  [16, 1, 16],
  [64, 784, 512],
  [64, 512, 513],
  [63, 300, 37],
  [100, 785, 100],
  [144, 40, 48],
  [48, 5, 30],
  [204, 300, 37],
  [32, 64, 48],
];

/** Every product of weightRowsShapes on `threads` threads, outputs in order. */
export function weightRowsOutputs(native: Kernels, threads: number): Float32Array[] {
  native.setThreads(threads);
  const outputs: Float32Array[] = [];
  for (const [batch, inputs, units] of weightRowsShapes) {
    const rng = new Rng(batch * 100003 + inputs * 101 + units);
    const x = randomFloats(rng, batch * inputs);
    const w = randomFloats(rng, units * inputs);
    const bias = randomFloats(rng, units);
    // A NaN in one input row: its whole row of outputs is NaN, and through the ReLU +0.
    x[inputs * 3] = Number.NaN;
    const plain = new Float32Array(batch * units);
    native.gemm(false, true, batch, units, inputs, 1, x, w, 0, plain);
    const dense = new Float32Array(batch * units);
    native.denseForward(x, w, bias, dense, batch, inputs, units);
    const relu = new Float32Array(batch * units);
    native.denseReluForward(x, w, bias, relu, batch, inputs, units);
    outputs.push(plain, dense, relu);
  }
  return outputs;
}

export const weightRowsThreads = [1, 2, 3];

export function weightRowsBits(native: Kernels, threadCounts: number[]): string {
  return outputsHash(threadCounts, (threads) => weightRowsOutputs(native, threads));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${weightRowsBits(loadKernels(), weightRowsThreads)}\n`);
}
