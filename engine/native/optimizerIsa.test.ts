// AdaGrad, RMSProp and Adam run 8 lanes wide on AVX2 CPUs (ops/optimizers_avx2.cpp): the bits must be those of the
// portable loops, which NETWRIGHT_ISA=scalar asks a child process for. On the portable kernels (the scalar test run,
// CPUs without AVX2) both processes run the same loops and agree trivially.
import { afterAll, describe, expect, it } from 'vitest';
import { optimizerBits, optimizerThreads } from '../test/optimizerBits';
import { bitsInChild } from '../test/bitsInChild';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('optimizer steps on the CPU-specific rules', () => {
  it('give the bits of the portable loops (AdaGrad, RMSProp with and without momentum, Adam, AdamW)', () => {
    const here = optimizerBits(native, optimizerThreads);
    expect(bitsInChild(new URL('../test/optimizerBits.ts', import.meta.url), { NETWRIGHT_ISA: 'scalar' })).toBe(here);
  }, 150_000);
});
