// Test helpers for the command line: run `netwright` as a child process with its own NETWRIGHT_HOME, and write
// the generated CSV tables the integration tests train on.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../../engine/core/rng';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin', 'netwright.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment the CLI runs in: this test's home, and English whatever the machine's LANG or LC_ALL say (the tests
 * read its English words); `env` adds or overrides variables (NETWRIGHT_LANG: '' leaves the choice to LANG).
 */
function cliEnv(home: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NETWRIGHT_HOME: home, NETWRIGHT_LANG: 'en', ...env };
}

export function netwright(home: string, args: string[], env?: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: cliEnv(home, env),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `netwright import MODEL.onnx --json` in `home`: the imported run's id (an error with the CLI's words if it fails). */
export function importModelRun(home: string, file: string): string {
  const result = netwright(home, ['import', file, '--json']);
  if (result.status !== 0) throw new Error(`netwright import ${file} failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { runId: string }).runId;
}

/**
 * `netwright train ARGS --json`, then its run exported to `home/NAME.onnx` and imported back: both runs' ids (the
 * round trip the tests of predictions on imported models compare against the trained run).
 */
export function trainedAndReimported(
  home: string,
  trainArgs: string[],
  name: string,
): { trainedId: string; importedId: string } {
  const trained = netwright(home, ['train', ...trainArgs, '--json']);
  if (trained.status !== 0) throw new Error(`netwright train failed: ${trained.stderr}`);
  const trainedId = jsonLines(trained.stdout).at(-1)!.runId as string;
  const onnx = join(home, `${name}.onnx`);
  const exported = netwright(home, ['export', trainedId, '--format', 'onnx', '--out', onnx]);
  if (exported.status !== 0) throw new Error(`netwright export failed: ${exported.stderr}`);
  return { trainedId, importedId: importModelRun(home, onnx) };
}

/** The CLI as a running child process (to signal it while it trains). */
export function startNetwright(home: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: cliEnv(home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Polls `check` (a real event we cannot subscribe to: a file, a process, another process's database) until it holds; the test timeout bounds it. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Resolves once the child process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The JSON lines of a command's stdout. */
export function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export const SPECIES = ['setosa', 'versicolor', 'virginica'];
export const COLOURS = ['red', 'green', 'blue'];

/**
 * Three Gaussian blobs in 3 numeric features plus a categorical colour that mostly follows the class, labelled by
 * species. `withLabel` false leaves the species column out (rows to predict).
 */
export function blobsCsv(path: string, options: { rows: number; seed: number; withLabel?: boolean }): string[] {
  const rng = new Rng(options.seed);
  const centres = [
    [0, 0, 0],
    [3, 3, 0],
    [0, 3, 3],
  ];
  const withLabel = options.withLabel ?? true;
  const lines = [withLabel ? 'a,b,c,colour,species' : 'a,b,c,colour'];
  const labels: string[] = [];
  for (let i = 0; i < options.rows; i++) {
    const k = i % 3;
    const [x, y, z] = centres[k].map((c) => (c + rng.normal() * 0.8).toFixed(4));
    const colour = COLOURS[(k + (rng.uniform() < 0.2 ? 1 : 0)) % 3];
    labels.push(SPECIES[k]);
    lines.push(`${x},${y},${z},${colour}${withLabel ? `,${SPECIES[k]}` : ''}`);
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return labels;
}

/** y = 2·x1 − x2 + 0.5·x1·x2 + noise, over two numeric columns and a categorical offset. */
export function regressionCsv(path: string, options: { rows: number; seed: number }): void {
  const rng = new Rng(options.seed);
  const offsets: Record<string, number> = { low: -1, mid: 0, high: 1 };
  const lines = ['x1,x2,level,y'];
  for (let i = 0; i < options.rows; i++) {
    const x1 = rng.uniform() * 2 - 1;
    const x2 = rng.uniform() * 2 - 1;
    const level = Object.keys(offsets)[i % 3];
    const y = 2 * x1 - x2 + 0.5 * x1 * x2 + offsets[level] + rng.normal() * 0.05;
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${level},${y.toFixed(4)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
