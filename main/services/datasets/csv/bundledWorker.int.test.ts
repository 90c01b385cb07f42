// The bundled command line (dist/cli.mjs, as installed) finds its CSV worker (dist/csvWorker.mjs) and imports a
// mixed table in two threads into the dataset one thread writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/core/rng';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'netwright-csv-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeAll(async () => {
  const { buildNode } = (await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href)) as {
    buildNode(): Promise<void>;
  };
  await buildNode();
}, 120_000);

/** Runs `netwright import` from dist/cli.mjs in a fresh home; the dataset's files by name, and stderr. */
function importBundled(csv: string, env: Record<string, string>) {
  const home = mkdtempSync(join(temp, 'home-'));
  const script = `import { main } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'cli.mjs')).href)}; process.exitCode = await main(process.argv.slice(1));`;
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, 'import', csv, '--label', 'label', '--json'],
    { env: { ...process.env, NETWRIGHT_HOME: home, NODE_DEBUG: 'worker', ...env }, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  const { folder } = JSON.parse(result.stdout) as { folder: string };
  const files = Object.fromEntries(
    readdirSync(folder)
      .filter((f) => f !== 'dataset.json')
      .map((f) => [f, readFileSync(join(folder, f))]),
  );
  return { files, stderr: result.stderr };
}

describe('the bundled command line', () => {
  it('imports a mixed table with its worker thread, writing the dataset one thread writes', () => {
    const rng = new Rng(9);
    const lines = ['x,n,city,label'];
    for (let r = 0; r < 20_000; r++)
      lines.push(
        `${(rng.uniform() * 50).toFixed(3)},${rng.int(90)},${['Oslo', '"Rome, IT"', 'Lima'][rng.int(3)]},${rng.int(3)}`,
      );
    const csv = join(temp, 'mixed.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const one = importBundled(csv, { NETWRIGHT_CSV_THREADS: '1' });
    const two = importBundled(csv, { NETWRIGHT_CSV_THREADS: '2', NETWRIGHT_CSV_SPLIT_BYTES: '1' });
    const workerUrl = pathToFileURL(join(root, 'dist', 'csvWorker.mjs')).href;
    expect(one.stderr).not.toContain(workerUrl);
    // Node's debug log names each worker's module: the first read's, then the feature file's.
    expect(two.stderr.split(`url: ${workerUrl}`)).toHaveLength(3);
    expect(Object.keys(two.files).sort()).toEqual(Object.keys(one.files).sort());
    for (const [file, bytes] of Object.entries(one.files)) expect(two.files[file].equals(bytes), file).toBe(true);
  });
});
