// The bits of products op(A) B with B stored [K, N] on seeded inputs, as one SHA-256: engine/native/gemmStridedB.test.ts
// compares its own process's (the AVX-512 kernel reads B in place for up to 64 rows, gemm/strided_b.cpp) with this
// file run as a child with NETWRIGHT_GEMM_PACK_STRIDED_B=1 (the panel driver, B's panels copied), which prints it.
// No test framework here: the child loads only this file, the addon and the RNG.
import { pathToFileURL } from 'node:url';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';
import { outputsHash } from './outputsHash';

/** One product: C [M, N] = alpha op(A) B + beta C, op(A) [M, K] (A stored [K, M] when transA), B [K, N]. */
export interface StridedBCase {
  M: number;
  N: number;
  K: number;
  transA: boolean;
  alpha: number;
  beta: number;
}

const of = (M: number, N: number, K: number, transA = false, alpha = 1, beta = 0): StridedBCase => ({
  M,
  N,
  K,
  transA,
  alpha,
  beta,
});

/**
 * Read in place: W2's fc2 input gradient (64 x 512 x 512) and the first layer's shape (K = 784: three depth blocks,
 * each in parts), a batch of 8, partial row tiles (20 = 8 + 6 + 6, 13 = 8 + 5, 3), whole panels beside a partial one
 * (200 columns: six in place, the last 8 by the panel driver), depths of 16 (the least read in place), 17 and 130
 * (parts of unequal length), op(A) = A^T, alpha and beta. Left to the panel driver: 9 and 10 rows (a tile of 1 or
 * 2), 72 rows, fewer than 32 columns, rows of B 1024 floats apart, K = 10.
 */
export const stridedBCases: StridedBCase[] = [
  of(64, 512, 512),
  of(64, 512, 784, false, 1, 1),
  of(8, 256, 16),
  of(20, 200, 200),
  of(13, 96, 64, true, 1, 0.5),
  of(3, 64, 40),
  of(16, 96, 130, true),
  of(40, 64, 17, false, 0.5, 0.5),
  of(64, 32, 262, true, 1, 1),
  of(64, 100, 300),
  of(9, 512, 64),
  of(10, 128, 64),
  of(72, 256, 64),
  of(64, 20, 64),
  of(64, 1024, 64),
  of(64, 512, 10),
];

function randomFloats(rng: Rng, count: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.uniform() * 2 - 1;
  return values;
}

/** The inputs of one case, seeded by its shape: a NaN in row 3 of op(A) makes that row of C NaN. */
export function stridedBInputs(c: StridedBCase): { a: Float32Array; b: Float32Array; start: Float32Array } {
  const rng = new Rng(c.M * 100003 + c.N * 101 + c.K + (c.transA ? 7 : 0));
  const a = randomFloats(rng, c.M * c.K);
  a[c.transA ? 3 : 3 * c.K] = Number.NaN;
  return { a, b: randomFloats(rng, c.K * c.N), start: randomFloats(rng, c.M * c.N) };
}

/** Every case's C on `threads` threads, in order. */
export function stridedBOutputs(native: Kernels, threads: number): Float32Array[] {
  native.setThreads(threads);
  return stridedBCases.map((c) => {
    const { a, b, start } = stridedBInputs(c);
    const out = Float32Array.from(start);
    native.gemm(c.transA, false, c.M, c.N, c.K, c.alpha, a, b, c.beta, out);
    return out;
  });
}

export const stridedBThreads = [1, 2, 3];

export function stridedBBits(native: Kernels, threadCounts: number[]): string {
  return outputsHash(threadCounts, (threads) => stridedBOutputs(native, threads));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${stridedBBits(loadKernels(), stridedBThreads)}\n`);
}
