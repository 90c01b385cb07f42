// What one of engine/test's *Bits.ts files prints when run as a child process with some environment variables set
// (NETWRIGHT_ISA=scalar, NETWRIGHT_GEMM_PACK_WINDOWS=1, ...): the tests that a faster path gives the bits of another
// compare it with their own process's hash. Checks the child ran cleanly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export function bitsInChild(file: URL, env: Record<string, string>): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(file)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return child.stdout.trim();
}
