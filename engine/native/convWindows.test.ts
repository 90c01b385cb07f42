// Stride-1 convolutions read their shifted windows in place (the AVX2 microkernel's runOffsets, no panels copied):
// the bits must be those of the same windows copied into panels, which NETWRIGHT_GEMM_PACK_WINDOWS=1 asks a child
// process for. On kernels without in-place reading (scalar, AVX-512, NEON) both runs pack, and agree trivially.
import { afterAll, describe, expect, it } from 'vitest';
import { convWindowsBits, convWindowsThreads } from '../test/convWindowsBits';
import { bitsInChild } from '../test/bitsInChild';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('convolution over shifted windows read in place', () => {
  it('gives the bits of the same windows packed into panels, for 1 to 3 threads', () => {
    const here = convWindowsBits(native, convWindowsThreads);
    expect(
      bitsInChild(new URL('../test/convWindowsBits.ts', import.meta.url), { NETWRIGHT_GEMM_PACK_WINDOWS: '1' }),
    ).toBe(here);
  }, 150_000);
});
