// The command line trains a sample dataset end to end in the engine process and prints JSON lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const home = mkdtempSync(join(tmpdir(), 'netwright-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function netwright(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'netwright.mjs'), ...args], {
    cwd: root, env: { ...process.env, NETWRIGHT_HOME: home }, encoding: 'utf8', timeout: 240_000,
  });
}

describe('netwright train', () => {
  it('trains an MLP on the spirals sample and prints one JSON line per epoch and a summary', () => {
    const result = netwright(['train', '--sample', 'spirals', '--epochs', '30', '--lr', '0.01', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'epoch')).toHaveLength(30);
    const summary = lines.at(-1);
    expect(summary.type).toBe('summary');
    expect(summary.status).toBe('completed');
    expect(summary.split.train + summary.split.validation + summary.split.test).toBe(900);
    expect(summary.test.accuracy).toBeGreaterThan(0.9);
    expect(existsSync(summary.checkpoint)).toBe(true);
  });

  it('refuses an unknown sample with the list of samples', () => {
    const result = netwright(['train', '--sample', 'mnist']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no sample dataset 'mnist'");
    expect(result.stderr).toContain('spirals');
  });
});
