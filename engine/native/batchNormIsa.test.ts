// Batch normalization's rows run 8 floats wide on AVX2 CPUs (ops/batch_norm_avx2.cpp): the bits must be those of the
// portable passes, which NETWRIGHT_ISA=scalar asks a child process for. On the portable kernels (the scalar test run,
// CPUs without AVX2) both processes run the same passes and agree trivially.
import { afterAll, describe, expect, it } from 'vitest';
import { batchNormBits, batchNormThreads } from '../test/batchNormBits';
import { bitsInChild } from '../test/bitsInChild';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('batch normalization on the CPU-specific rows', () => {
  it('gives the bits of the portable passes (training and eval, forward and backward, accumulating or not)', () => {
    const here = batchNormBits(native, batchNormThreads);
    expect(bitsInChild(new URL('../test/batchNormBits.ts', import.meta.url), { NETWRIGHT_ISA: 'scalar' })).toBe(here);
  }, 150_000);
});
