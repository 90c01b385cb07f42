// Helpers shared by the native kernel tests: seeded random buffers, views at odd offsets, closeness checks.
import { expect } from 'vitest';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';

/** count uniform values in [-scale, scale), as a view starting at an odd element offset (never aligned). */
export function randomFloats(rng: Rng, count: number, scale = 1): Float32Array {
  const backing = new Float32Array(count + 3);
  const view = backing.subarray(1, 1 + count);
  for (let i = 0; i < count; i++) view[i] = (rng.uniform() * 2 - 1) * scale;
  return view;
}

/** A zeroed view at an odd offset. */
export function zeros(count: number): Float32Array {
  return new Float32Array(count + 2).subarray(1, 1 + count);
}

/** |actual - expected| <= abs + rel |expected| element-wise, with the first failing index in the message. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-5, abs = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = abs + rel * Math.abs(expected[i]);
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      throw new Error(`element ${i}: got ${actual[i]}, expected ${expected[i]} (tolerance ${tolerance})`);
    }
  }
}

/** Same bits (NaN-safe) element-wise. */
export function expectBitwise(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const b = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`element ${i}: ${actual[i]} differs from ${expected[i]}`);
  }
}

export function copyOf(x: Float32Array): Float32Array {
  const out = zeros(x.length);
  out.set(x);
  return out;
}

/**
 * C = alpha op(A) op(B) + beta C on seeded random A, B and C, by `gemm` and by `reference`, close within 1e-5 (plus
 * 1e-5 sqrt(K) absolute, the rounding a K-term sum may gather).
 */
export function expectGemmLikeReference(
  gemm: Kernels['gemm'],
  reference: Kernels['gemm'],
  seed: number,
  [transA, transB]: [boolean, boolean],
  [M, N, K]: [number, number, number],
  alpha: number,
  beta: number,
): void {
  const rng = new Rng(seed);
  const A = randomFloats(rng, M * K);
  const B = randomFloats(rng, K * N);
  const C = randomFloats(rng, M * N);
  const expected = copyOf(C);
  gemm(transA, transB, M, N, K, alpha, A, B, beta, C);
  reference(transA, transB, M, N, K, alpha, A, B, beta, expected);
  expectClose(C, expected, 1e-5, 1e-5 * Math.sqrt(K));
}

/** Geom for a window op (see Geom in engine/core/kernels.ts), with OH/OW from the formula. */
export function windowGeom(
  N: number,
  C: number,
  H: number,
  W: number,
  O: number,
  KH: number,
  KW: number,
  SH = 1,
  SW = 1,
  PH = 0,
  PW = 0,
): Int32Array {
  const OH = Math.floor((H + 2 * PH - KH) / SH) + 1;
  const OW = Math.floor((W + 2 * PW - KW) / SW) + 1;
  return Int32Array.from([N, C, H, W, O, KH, KW, SH, SW, PH, PW, OH, OW]);
}
