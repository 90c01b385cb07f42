// Stride-1 convolutions read their shifted windows in place (the AVX2 microkernel's runOffsets, no panels copied):
// the bits must be those of the same windows copied into panels, which NETWRIGHT_GEMM_PACK_WINDOWS=1 asks a child
// process for. On kernels without in-place reading (scalar, AVX-512, NEON) both runs pack, and agree trivially.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { convWindowsBits, convWindowsThreads } from '../test/convWindowsBits';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('convolution over shifted windows read in place', () => {
  it('gives the bits of the same windows packed into panels, for 1 to 3 threads', () => {
    const here = convWindowsBits(native, convWindowsThreads);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../test/convWindowsBits.ts', import.meta.url))],
      { env: { ...process.env, NETWRIGHT_GEMM_PACK_WINDOWS: '1' }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe(here);
  }, 150_000);
});
