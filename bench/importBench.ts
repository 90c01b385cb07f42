// `npm run bench -- --suites import`: times netwright's importers against Python baselines on the same files, each
// run in its own child process, the pair back to back so the ratio compares measurements taken moments apart:
// images against a single-process PIL loop, CSV tables against pandas.read_csv. One JSON line per measurement.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from './python';
import { matchesWorkload } from './args';
import { imageFolder, importCacheDir, intTable, mixedTable, IMAGE_SET, INT_TABLE, MIXED_TABLE } from './importData';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The import suite's workloads, in the order they run. */
export const IMPORT_WORKLOADS: readonly string[] = [IMAGE_SET.name, INT_TABLE.name, MIXED_TABLE.name];

/** What a child is asked to import (the Python baseline reads the same fields). */
export interface ImportJob {
  suite: 'import' | 'pil' | 'pandas';
  workload: string;
  kind: 'images' | 'table';
  path: string;
  /** Images: [height, width] and grayscale; tables: the label column. */
  size?: [number, number];
  grayscale?: boolean;
  label?: string;
}

export interface ImportResult {
  suite: string;
  workload: string;
  threads: number;
  seconds?: number;
  images_per_second?: number;
  mb_per_second?: number;
  peak_rss_mb?: number;
  progress_events?: number;
  skipped?: string;
  error?: string;
  [key: string]: unknown;
}

/** Takes `import` out of a `--suites` list: whether it was there, and the arguments left for the other suites (null: none). */
export function takeImportSuite(argv: readonly string[]): { asked: boolean; rest: string[] | null } {
  const out = [...argv];
  for (let i = 0; i < out.length; i++) {
    const inline = out[i].startsWith('--suites=');
    if (out[i] !== '--suites' && !inline) continue;
    const value = inline ? out[i].slice('--suites='.length) : (out[i + 1] ?? '');
    const names = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!names.includes('import')) return { asked: false, rest: out };
    const others = names.filter((n) => n !== 'import');
    if (others.length === 0) return { asked: true, rest: null };
    if (inline) out[i] = `--suites=${others.join(',')}`;
    else out[i + 1] = others.join(',');
    return { asked: true, rest: out };
  }
  return { asked: false, rest: out };
}

/** The value of `--only` among the arguments (null when not given). */
export function onlyPatterns(argv: readonly string[]): string[] | null {
  for (let i = 0; i < argv.length; i++) {
    const inline = argv[i].startsWith('--only=');
    if (argv[i] !== '--only' && !inline) continue;
    const value = inline ? argv[i].slice('--only='.length) : (argv[i + 1] ?? '');
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return null;
}

/**
 * The import workloads `--only` picks (by name, glob or family, as for the other suites), all of them when it is not
 * given; patterns naming other suites' workloads are theirs. Refused when `--only` picks none of them.
 */
export function selectImportWorkloads(patterns: readonly string[] | null, names: readonly string[]): string[] {
  if (patterns === null) return [...names];
  const picked = names.filter((name) => patterns.some((pattern) => matchesWorkload(pattern, name)));
  if (picked.length === 0)
    throw new Error(`--only: nothing for the import suite; its workloads are ${names.join(', ')}`);
  return picked;
}

/**
 * The arguments for the other suites once the import suite has run: `--only` keeps the patterns that name no import
 * workload (null when it named import workloads only, so the other suites have nothing asked of them).
 */
export function withoutImportPatterns(argv: readonly string[], names: readonly string[]): string[] | null {
  const out = [...argv];
  for (let i = 0; i < out.length; i++) {
    const inline = out[i].startsWith('--only=');
    if (out[i] !== '--only' && !inline) continue;
    const patterns = onlyPatterns(out.slice(i, i + 2)) ?? [];
    const kept = patterns.filter((pattern) => !names.some((name) => matchesWorkload(pattern, name)));
    if (kept.length === 0) return null;
    if (inline) out[i] = `--only=${kept.join(',')}`;
    else out[i + 1] = kept.join(',');
    return out;
  }
  return out;
}

function runChild(command: string, args: string[], tag: string): Promise<ImportResult | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      process.stderr.write(text.replace(/^/gm, `${tag} `));
    });
    child.on('error', (error) => resolve({ error: `could not start ${command}: ${error.message}` }));
    child.on('close', (code) => {
      const line = stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .at(-1);
      if (line) return resolve(JSON.parse(line) as ImportResult);
      resolve({
        error: `${tag} ended with code ${code} and no result: ${stderr.trim().split('\n').at(-1) ?? ''}`.slice(0, 400),
      });
    });
  });
}

const netwright = (job: ImportJob) =>
  runChild(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'suites', 'importNetwright.ts'), JSON.stringify(job)],
    `[import ${job.workload}]`,
  );

function python(job: ImportJob): Promise<ImportResult | { error: string }> {
  if (!existsSync(PYTHON)) return Promise.resolve({ skipped: `${PYTHON} does not exist` } as ImportResult);
  return runChild(
    PYTHON,
    [join(ROOT, 'bench', 'suites', 'import_python.py'), JSON.stringify(job)],
    `[${job.suite} ${job.workload}]`,
  );
}

/**
 * Runs the import workloads (those `only` picks, see selectImportWorkloads); prints each result and a ratio line per
 * workload. Resolves false if nothing worked.
 */
export async function runImportBench(only: readonly string[] | null = null): Promise<boolean> {
  const chosen = selectImportWorkloads(only, IMPORT_WORKLOADS);
  const cache = importCacheDir();
  process.stderr.write(`bench: import inputs in ${cache} (written once; the image folder takes about a minute)\n`);
  // Only the inputs of the chosen workloads are made (the image folder takes about a minute the first time).
  const images = chosen.includes(IMAGE_SET.name) ? await imageFolder(cache) : '';
  const ints = chosen.includes(INT_TABLE.name) ? await intTable(cache) : '';
  const mixed = chosen.includes(MIXED_TABLE.name) ? await mixedTable(cache) : '';
  const pairs: Array<{ ours: ImportJob; peer: ImportJob; metric: 'images_per_second' | 'mb_per_second' }> = [
    {
      ours: {
        suite: 'import',
        workload: IMAGE_SET.name,
        kind: 'images',
        path: images,
        size: [IMAGE_SET.side, IMAGE_SET.side],
        grayscale: true,
      },
      peer: {
        suite: 'pil',
        workload: IMAGE_SET.name,
        kind: 'images',
        path: images,
        size: [IMAGE_SET.side, IMAGE_SET.side],
        grayscale: true,
      },
      metric: 'images_per_second',
    },
    {
      ours: { suite: 'import', workload: INT_TABLE.name, kind: 'table', path: ints, label: 'label' },
      peer: { suite: 'pandas', workload: INT_TABLE.name, kind: 'table', path: ints },
      metric: 'mb_per_second',
    },
    {
      ours: { suite: 'import', workload: MIXED_TABLE.name, kind: 'table', path: mixed, label: 'churned' },
      peer: { suite: 'pandas', workload: MIXED_TABLE.name, kind: 'table', path: mixed },
      metric: 'mb_per_second',
    },
  ];
  let anyWorked = false;
  for (const { ours, peer, metric } of pairs.filter((pair) => chosen.includes(pair.ours.workload))) {
    process.stderr.write(`bench: ${ours.workload}: ${peer.suite}, then netwright...\n`);
    const theirs = await python(peer);
    const mine = await netwright(ours);
    for (const line of [theirs, mine]) process.stdout.write(`${JSON.stringify(line)}\n`);
    const a = (mine as ImportResult)[metric];
    const b = (theirs as ImportResult)[metric];
    if (typeof a === 'number') anyWorked = true;
    process.stdout.write(
      `${JSON.stringify({
        suite: 'summary',
        workload: ours.workload,
        threads: (mine as ImportResult).threads,
        metric,
        values: { netwright: a ?? null, [peer.suite]: b ?? null },
        ratio: typeof a === 'number' && typeof b === 'number' ? Number((a / b).toFixed(3)) : null,
        ...(typeof b === 'number'
          ? {}
          : {
              note: `no ${peer.suite} figure: ${(theirs as ImportResult).skipped ?? (theirs as ImportResult).error ?? 'unknown'}`,
            }),
      })}\n`,
    );
  }
  return anyWorked;
}
