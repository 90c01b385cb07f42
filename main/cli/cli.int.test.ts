// The command line trains a sample dataset end to end in the engine process and prints JSON lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../engine/core/rng';

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

/** Three Gaussian blobs in 3 numeric features plus a categorical column that also carries signal. */
function writeBlobsCsv(path: string): void {
  const rng = new Rng(9);
  const centres = [[0, 0, 0], [3, 3, 0], [0, 3, 3]];
  const names = ['setosa', 'versicolor', 'virginica'];
  const rows = ['a,b,c,colour,species'];
  for (let i = 0; i < 600; i++) {
    const k = i % 3;
    const [x, y, z] = centres[k].map((c) => (c + rng.normal() * 0.8).toFixed(4));
    rows.push(`${x},${y},${z},${['red', 'green', 'blue'][(k + (rng.uniform() < 0.2 ? 1 : 0)) % 3]},${names[k]}`);
  }
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
}

describe('netwright with a CSV table', () => {
  it('trains an MLP on a generated CSV to high test accuracy and prints its JSON summary', () => {
    const csv = join(home, 'blobs.csv');
    writeBlobsCsv(csv);
    const result = netwright(['train', '--data', csv, '--label', 'species', '--epochs', '25', '--lr', '0.01', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const summary = result.stdout.trim().split('\n').map((l) => JSON.parse(l)).at(-1);
    expect(summary.status).toBe('completed');
    expect(summary.split).toEqual({ train: 420, validation: 90, test: 90 });
    expect(summary.test.accuracy).toBeGreaterThan(0.9);
  });

  it('import names the file and line of a ragged row, and leaves no dataset behind', () => {
    const csv = join(home, 'ragged.csv');
    writeFileSync(csv, 'x,y,label\n1,2,a\n3,4\n5,6,b\n');
    const datasets = () => (existsSync(join(home, 'datasets')) ? readdirSync(join(home, 'datasets')) : []);
    const before = datasets();
    const result = netwright(['import', csv, '--label', 'label']);
    expect(datasets()).toEqual(before);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ragged.csv');
    expect(result.stderr).toContain('line 3');
  });
});
