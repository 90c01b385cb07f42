// `npm run bench -- --suites tta`: time to accuracy. Imports the generated glyph folder (ttaData.ts) and trains
// through the `netwright` command line itself (`import`, `train --json`, stopped with Ctrl-C's signal once an epoch's
// validation accuracy reaches the target), then runs the run's exported PyTorch train.py on the same folder and
// split file under /usr/bin/python3 the same way. One JSON line per (workload, suite): wall seconds from the start of
// the import to the epoch that reached the target.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importCacheDir } from './importData';
import { onLines } from './lines';
import { reapedChildrenCpuSeconds, treeCpuSeconds } from './processCpu';
import { PYTHON, torchEnv, torchMissing } from './python';
import { specOf } from './suites/netwrightSpec';
import { glyphFolder, perClass, GLYPH_CLASSES } from './ttaData';
import type { LayerDef, NetworkDef } from './workloads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The command line as installed (the bundles `npm run build` makes; bundledCli.mjs), or from the sources through tsx. */
const BUNDLED_CLI = join(ROOT, 'bench', 'bundledCli.mjs');
const SOURCE_CLI = join(ROOT, 'bin', 'netwright.mjs');

const relu: LayerDef = { kind: 'relu' };
const conv3 = (filters: number): LayerDef => ({ kind: 'conv2d', filters, kernelSize: 3, padding: 1, bias: false });

/**
 * The two networks, on the imported images' [1, 28, 28]; both Adam 1e-3, batch 64 (issue #16 item 5). `target`: the
 * validation accuracy each is timed to unless --target says otherwise (the MLP levels off lower on these glyphs).
 */
export const TTA_WORKLOADS: ReadonlyArray<{ name: string; target: number; network: NetworkDef }> = [
  {
    name: 'tta-mlp',
    target: 0.94,
    network: {
      inputShape: [1, 28, 28],
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 512 },
        relu,
        { kind: 'dense', units: 512 },
        relu,
        { kind: 'dense', units: 10 },
      ],
    },
  },
  {
    name: 'tta-cnn',
    target: 0.97,
    network: {
      inputShape: [1, 28, 28],
      layers: [
        conv3(16),
        { kind: 'batchnorm2d' },
        relu,
        { kind: 'maxpool2d', size: 2 },
        conv3(32),
        { kind: 'batchnorm2d' },
        relu,
        { kind: 'maxpool2d', size: 2 },
        { kind: 'flatten' },
        { kind: 'dense', units: 10 },
      ],
    },
  },
];

export interface TtaOptions {
  images: number;
  /** null: each workload's own target. */
  target: number | null;
  maxEpochs: number;
  threads: number;
  only: string[] | null;
  pytorch: boolean;
  /** Run `netwright` from the TypeScript sources through tsx (a checkout's bin/netwright.mjs) instead of the bundle. */
  fromSources: boolean;
}

export const TTA_USAGE = `npm run bench -- --suites tta [--images 60000] [--target 0.95] [--max-epochs 20] [--threads N] [--only tta-mlp,tta-cnn] [--no-pytorch] [--from-sources]`;

/** The tta suite's own flags (it runs alone: the training suites' flags do not apply). */
export function parseTtaArgs(argv: readonly string[], cores: number): TtaOptions {
  const options: TtaOptions = {
    images: 60_000,
    target: null,
    maxEpochs: 20,
    threads: cores,
    only: null,
    pytorch: true,
    fromSources: false,
  };
  const number = (flag: string, text: string | undefined, min: number, max: number, whole: boolean): number => {
    const value = Number(text);
    if (
      text === undefined ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (whole && !Number.isInteger(value))
    )
      throw new Error(
        `${flag} takes ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, not '${text ?? ''}'`,
      );
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--images':
        options.images = number(flag, argv[++i], GLYPH_CLASSES * 10, 1_000_000, true);
        break;
      case '--target':
        options.target = number(flag, argv[++i], 0.1, 1, false);
        break;
      case '--max-epochs':
        options.maxEpochs = number(flag, argv[++i], 1, 1000, true);
        break;
      case '--threads':
        options.threads = number(flag, argv[++i], 1, 256, true);
        break;
      case '--only': {
        const names = (argv[++i] ?? '').split(',').filter(Boolean);
        const unknown = names.filter((n) => !TTA_WORKLOADS.some((w) => w.name === n));
        if (names.length === 0 || unknown.length > 0)
          throw new Error(`--only takes ${TTA_WORKLOADS.map((w) => w.name).join(', ')}, not '${unknown.join(',')}'`);
        options.only = names;
        break;
      }
      case '--no-pytorch':
        options.pytorch = false;
        break;
      case '--from-sources':
        options.fromSources = true;
        break;
      case '--suites':
        if (argv[++i] !== 'tta') throw new Error('the tta suite runs alone: --suites tta');
        break;
      default:
        if (flag.startsWith('--suites=') && flag !== '--suites=tta')
          throw new Error('the tta suite runs alone: --suites tta');
        if (!flag.startsWith('--suites=')) throw new Error(`unknown flag for the tta suite: ${flag}\n${TTA_USAGE}`);
    }
  }
  return options;
}

/** Validation accuracy in one line of `netwright train --json` (null: not an epoch line, or no validation). */
export function netwrightAccuracy(line: string): { accuracy: number; epoch: number; runId: string } | null {
  if (!line.startsWith('{')) return null;
  const value = JSON.parse(line) as {
    type?: string;
    epoch?: number;
    runId?: string;
    validation?: { accuracy?: number } | null;
  };
  const accuracy = value.validation?.accuracy;
  if (value.type !== 'epoch' || typeof accuracy !== 'number') return null;
  return { accuracy, epoch: value.epoch!, runId: value.runId! };
}

/** Validation accuracy in one line of the exported train.py's log (`epoch 3/20  train loss …  val accuracy 0.9712 …`). */
export function pytorchAccuracy(line: string): { accuracy: number; epoch: number } | null {
  const match = /^epoch (\d+)\/\d+\s.*\bval accuracy ([0-9.]+)/.exec(line);
  return match ? { epoch: Number(match[1]), accuracy: Number(match[2]) } : null;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });

/**
 * Runs `netwright ARGS` with its own home and resolves with its stdout and the CPU seconds it used (with the engine
 * it may start; null without /proc); stderr is passed on, tagged.
 */
async function cli(
  entry: string,
  home: string,
  args: string[],
  tag: string,
): Promise<{ stdout: string; cpuSeconds: number | null }> {
  const cpuBefore = reapedChildrenCpuSeconds();
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NETWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  onLines(child.stderr!, (line) => process.stderr.write(`${tag} ${line}\n`));
  const code = await exited(child);
  if (code !== 0) throw new Error(`netwright ${args[0]} ended with code ${code}`);
  const cpuAfter = reapedChildrenCpuSeconds();
  return { stdout, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

interface Reached {
  seconds: number | null;
  /** CPU seconds of the training process and its descendants up to the target (null: not reached, or no /proc). */
  cpuSeconds: number | null;
  epoch: number | null;
  accuracy: number | null;
}

/**
 * Starts a training process, watches its lines for the validation accuracy, and stops it (SIGINT for netwright,
 * whose Ctrl-C handling stops the run cleanly; SIGKILL for train.py) at the first epoch at or above the target.
 */
async function trainUntil(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  read: (line: string) => { accuracy: number; epoch: number } | null,
  options: { target: number; startedAt: number; stopSignal: NodeJS.Signals; tag: string },
): Promise<Reached> {
  const best: Reached = { seconds: null, cpuSeconds: null, epoch: null, accuracy: null };
  const other = stream === 'stdout' ? child.stderr! : child.stdout!;
  onLines(other, (line) => process.stderr.write(`${options.tag} ${line}\n`));
  onLines(child[stream]!, (line) => {
    const seen = read(line);
    if (stream === 'stderr' || !seen) process.stderr.write(`${options.tag} ${line}\n`);
    if (!seen || best.seconds !== null) return;
    process.stderr.write(`${options.tag} epoch ${seen.epoch}: validation accuracy ${seen.accuracy}\n`);
    best.epoch = seen.epoch;
    best.accuracy = seen.accuracy;
    if (seen.accuracy >= options.target) {
      best.seconds = (performance.now() - options.startedAt) / 1000;
      best.cpuSeconds = child.pid === undefined ? null : treeCpuSeconds(child.pid);
      child.kill(options.stopSignal);
    }
  });
  await exited(child);
  return best;
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** One workload: netwright's import and training, then the exported train.py; prints both result lines. */
async function runWorkload(
  workload: (typeof TTA_WORKLOADS)[number],
  folder: string,
  options: TtaOptions,
  torchSkip: string | null,
  /** The command line's entry script (bundle or sources). */
  entry: string,
): Promise<boolean> {
  const home = mkdtempSync(join(tmpdir(), 'netwright-tta-'));
  const target = options.target ?? workload.target;
  const base = { workload: workload.name, threads: options.threads, target, images: options.images };
  const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...line })}\n`);
  try {
    const specPath = join(home, 'model.json');
    writeFileSync(specPath, JSON.stringify(specOf(workload.name, workload.network)));
    const tag = `[netwright ${workload.name}]`;
    const load = loadavg()[0];
    const startedAt = performance.now();
    const importRun = await cli(entry, home, ['import', folder, '--image-size', '28x28', '--grayscale', '--json'], tag);
    const imported = JSON.parse(importRun.stdout) as { manifest: { id: string } };
    const importSeconds = (performance.now() - startedAt) / 1000;
    const trainer = spawn(
      process.execPath,
      [
        entry,
        'train',
        '--data',
        imported.manifest.id,
        '--model',
        specPath,
        '--optimizer',
        'adam',
        '--lr',
        '0.001',
        '--batch-size',
        '64',
        '--epochs',
        String(options.maxEpochs),
        '--seed',
        '1',
        '--threads',
        String(options.threads),
        '--json',
      ],
      { cwd: ROOT, env: { ...process.env, NETWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let runId: string | null = null;
    const ours = await trainUntil(
      trainer,
      'stdout',
      (line) => {
        const seen = netwrightAccuracy(line);
        if (seen) runId = seen.runId;
        return seen;
      },
      { target, startedAt, stopSignal: 'SIGINT', tag },
    );
    const cpuSeconds =
      ours.cpuSeconds === null || importRun.cpuSeconds === null ? null : ours.cpuSeconds + importRun.cpuSeconds;
    print({
      suite: 'netwright',
      ...base,
      seconds: round(ours.seconds, 2),
      cpu_seconds: round(cpuSeconds, 2),
      import_seconds: round(importSeconds, 2),
      import_cpu_seconds: round(importRun.cpuSeconds, 2),
      reached: ours.seconds !== null,
      epochs: ours.epoch,
      val_accuracy: ours.accuracy,
      load_average: round(load, 1),
    });
    if (!options.pytorch) return ours.seconds !== null;
    if (torchSkip !== null || runId === null) {
      const skipped = torchSkip ?? 'netwright recorded no epoch, so there is no run to export';
      process.stderr.write(`bench: tta: pytorch skipped: ${skipped}\n`);
      print({ suite: 'pytorch', ...base, skipped });
      return ours.seconds !== null;
    }
    const exportDir = join(home, 'export');
    const exported = JSON.parse(
      (await cli(entry, home, ['export', runId, '--format', 'pytorch', '--out', `${exportDir}/`, '--json'], tag))
        .stdout,
    ) as { files: Array<{ path: string }> };
    const script = exported.files.map((f) => f.path).find((p) => p.endsWith('.py'));
    if (!script) throw new Error('the PyTorch export wrote no .py file');
    const pyTag = `[pytorch ${workload.name}]`;
    const pyLoad = loadavg()[0];
    const pyStartedAt = performance.now();
    // -u: unbuffered, so each epoch's line arrives when it is printed; the script reads the image folder itself.
    const python = spawn(
      PYTHON,
      ['-u', script, '--from-scratch', '--epochs', String(options.maxEpochs), '--seed', '1'],
      {
        cwd: exportDir,
        env: torchEnv(options.threads),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const theirs = await trainUntil(python, 'stdout', pytorchAccuracy, {
      target,
      startedAt: pyStartedAt,
      stopSignal: 'SIGKILL',
      tag: pyTag,
    });
    print({
      suite: 'pytorch',
      ...base,
      seconds: round(theirs.seconds, 2),
      cpu_seconds: round(theirs.cpuSeconds, 2),
      reached: theirs.seconds !== null,
      epochs: theirs.epoch,
      val_accuracy: theirs.accuracy,
      load_average: round(pyLoad, 1),
    });
    if (ours.seconds !== null && theirs.seconds !== null) {
      print({
        suite: 'summary',
        ...base,
        metric: 'seconds_to_target',
        values: { netwright: round(ours.seconds, 2), pytorch: round(theirs.seconds, 2) },
        ratio: round(theirs.seconds / ours.seconds, 3),
        cpu_ratio: cpuSeconds !== null && theirs.cpuSeconds !== null ? round(theirs.cpuSeconds / cpuSeconds, 3) : null,
      });
    }
    return ours.seconds !== null;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Runs the tta suite with `argv` (its own flags); resolves false when no workload reached its target. */
export async function runTtaBench(argv: readonly string[]): Promise<boolean> {
  const options = parseTtaArgs(argv, availableParallelism());
  const cache = importCacheDir();
  process.stderr.write(
    `bench: tta: ${perClass(options.images) * GLYPH_CLASSES} glyph images in ${cache} (written once), target ` +
      `validation accuracy ${options.target ?? TTA_WORKLOADS.map((w) => `${w.name} ${w.target}`).join(', ')}, at most ${options.maxEpochs} epochs, ${options.threads} threads\n`,
  );
  const folder = await glyphFolder(cache, options.images);
  const entry = options.fromSources ? SOURCE_CLI : BUNDLED_CLI;
  if (!options.fromSources) {
    // What an installed netwright runs: the esbuild bundles of the command line and the engine (about a second to
    // make; through tsx each command and the engine would first spend about a second of CPU loading the sources).
    const { buildNode } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href)) as {
      buildNode(): Promise<void>;
    };
    await buildNode();
  }
  process.stderr.write(`bench: tta: netwright runs as ${entry}\n`);
  const torchSkip = options.pytorch ? torchMissing() : null;
  let reached = false;
  for (const workload of TTA_WORKLOADS) {
    if (options.only && !options.only.includes(workload.name)) continue;
    reached = (await runWorkload(workload, folder, options, torchSkip, entry)) || reached;
  }
  return reached;
}

/** Whether `--suites tta` (or `--suites=tta`) is among the bench's arguments. */
export function asksTta(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--suites=tta' || (arg === '--suites' && argv[i + 1] === 'tta'));
}
