// Products of up to 64 rows with B stored [K, N] (a dense layer's input gradient dy W) read B in place on the AVX-512
// kernel instead of copying its panels (gemm/strided_b.cpp): the values must be the product's, and the bits those of
// the panel driver, which NETWRIGHT_GEMM_PACK_STRIDED_B=1 asks a child process for. On kernels without runStrided
// (AVX2, scalar, NEON) both runs use the panel driver and agree trivially.
import { afterAll, describe, expect, it } from 'vitest';
import { bitsInChild } from '../test/bitsInChild';
import { stridedBBits, stridedBCases, stridedBInputs, stridedBOutputs, stridedBThreads } from '../test/stridedBBits';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

let twoThreads: Float32Array[] | null = null;
/** Every case's C on two threads, computed once for the reference tests. */
const onTwoThreads = () => (twoThreads ??= stridedBOutputs(native, 2));

describe('op(A) B with B [K, N] read in place', () => {
  it('gives the bits of the panel driver (B packed), for 1 to 3 threads', () => {
    const here = stridedBBits(native, stridedBThreads);
    expect(
      bitsInChild(new URL('../test/stridedBBits.ts', import.meta.url), { NETWRIGHT_GEMM_PACK_STRIDED_B: '1' }),
    ).toBe(here);
  }, 150_000);

  it('gives the same bits on 1, 2 and 3 threads', () => {
    const one = stridedBOutputs(native, 1);
    for (const threads of [2, 3]) {
      stridedBOutputs(native, threads).forEach((out, i) =>
        expect(Buffer.from(out.buffer).equals(Buffer.from(one[i].buffer))).toBe(true),
      );
    }
  });

  it.each(stridedBCases.map((c) => [`${c.M} x ${c.N} x ${c.K}${c.transA ? ', A^T' : ''}`, c] as const))(
    'matches a float64 reference: %s',
    (_, c) => {
      const { a, b, start } = stridedBInputs(c);
      const out = onTwoThreads()[stridedBCases.indexOf(c)];
      let worst = 0;
      for (let i = 0; i < c.M; i++) {
        for (let j = 0; j < c.N; j++) {
          let sum = 0;
          for (let k = 0; k < c.K; k++) sum += (c.transA ? a[k * c.M + i] : a[i * c.K + k]) * b[k * c.N + j];
          const want = c.alpha * sum + (c.beta === 0 ? 0 : c.beta * start[i * c.N + j]);
          const got = out[i * c.N + j];
          if (i === 3) expect(got).toBeNaN();
          else worst = Math.max(worst, Math.abs(got - want) / Math.sqrt(c.K));
        }
      }
      expect(worst).toBeLessThan(1e-6);
    },
  );
});
