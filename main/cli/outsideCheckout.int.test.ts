// The command line run from a folder outside the checkout, as a user runs `netwright` from their own project: the
// engine it forks must find its TypeScript loader from the checkout, not from the working directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

const bin = join(resolve(__dirname, '../..'), 'bin', 'netwright.mjs');
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netwright-elsewhere-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('trains a sample from a working directory outside the checkout', () => {
  const result = spawnSync(process.execPath, [bin, 'train', '--sample', 'spirals', '--epochs', '1'], {
    cwd: folder,
    env: { ...process.env, NETWRIGHT_HOME: join(folder, 'home'), NETWRIGHT_LANG: 'en' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(result.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
  expect(result.stdout).toMatch(/run \w{8} 'Run 1' completed: 1 of 1 epoch/);
  expect(result.status).toBe(0);
}, 300_000);
