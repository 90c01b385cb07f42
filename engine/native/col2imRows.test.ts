// A stride-1 convolution's input gradient added back from its columns a block of image rows at a time, in registers
// (ops/col2im_rows.hpp, on AVX2 and AVX-512): the bits must be those of geometry.cpp's loop, which
// NETWRIGHT_COL2IM_PORTABLE=1 asks a child process for. On the portable kernels both processes run that loop.
import { afterAll, describe, expect, it } from 'vitest';
import { bitsInChild } from '../test/bitsInChild';
import { col2imBits, col2imOutputs, col2imThreads } from '../test/col2imBits';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe("a convolution's input gradient added back from its columns", () => {
  it("gives the bits of geometry.cpp's loop, set and accumulated, on 1 and 2 threads", () => {
    const here = col2imBits(native, col2imThreads);
    expect(bitsInChild(new URL('../test/col2imBits.ts', import.meta.url), { NETWRIGHT_COL2IM_PORTABLE: '1' })).toBe(
      here,
    );
  }, 150_000);

  it('writes every element when not accumulating (no NaN of the old contents left)', () => {
    for (const dx of col2imOutputs(native, 2).filter((_, i) => i % 2 === 0)) expect(dx.some(Number.isNaN)).toBe(false);
  });
});
