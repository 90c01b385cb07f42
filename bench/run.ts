// `npm run bench`: times the standard workloads on netwright and its peers (TF.js cpu and wasm, optionally PyTorch).
// Each (workload, batch, suite) runs in its own child process, one at a time, suites interleaved per workload so
// the ratios compare measurements taken moments apart (with --rounds, N times in alternating order: jobs.ts).
// Stdout carries JSON lines only; notes go to stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, type BenchOptions } from './args';
import { onLines } from './lines';
import { PYTHON, torchEnv, torchMissing } from './python';
import { IMPORT_WORKLOADS, onlyPatterns, runImportBench, takeImportSuite, withoutImportPatterns } from './importBench';
import { writeDataSets } from './data';
import type { Job, ResultLine } from './protocol';
import { summarize } from './summary';
import { asksTta, runTtaBench } from './tta';
import { jobsOf } from './jobs';
import type { SuiteName, Workload } from './workloads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ChildCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

function childCommand(suite: SuiteName, job: Job): ChildCommand {
  const jobText = JSON.stringify(job);
  const tsChild = (file: string): ChildCommand => ({
    command: process.execPath,
    args: ['--import', 'tsx', join(ROOT, 'bench', 'suites', file), jobText],
    env: process.env,
  });
  switch (suite) {
    case 'netwright':
      return tsChild('netwright.ts');
    case 'tfjs-cpu':
    case 'tfjs-wasm':
      return tsChild('tfjs.ts');
    case 'onnxruntime':
      return tsChild('onnxruntime.ts');
    case 'pytorch':
      // Same thread count as the others (python.ts's torchEnv).
      return {
        command: PYTHON,
        args: [join(ROOT, 'bench', 'suites', 'pytorch.py'), jobText],
        env: torchEnv(job.threads),
      };
    default:
      throw new Error(`unknown suite ${String(suite)}`);
  }
}

let currentChild: ReturnType<typeof spawn> | null = null;

/** Runs one job in a child process; resolves with its result line, or an error line if it printed none. */
function runChild(job: Job): Promise<ResultLine> {
  const { command, args, env } = childCommand(job.suite, job);
  const tag = `[${job.suite} ${job.workload.name}@${job.batch}]`;
  // Room for start-up, one warm-up step and one timed step of a budget each; a suite slower than that (tfjs-cpu's
  // convolution gradients take minutes per step on W5) is stopped and reported as too slow.
  const timeoutSeconds = job.budgetSeconds * 2 + 30;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    currentChild = child;
    let result: ResultLine | null = null;
    const lastErrors: string[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    onLines(child.stdout!, (line) => {
      const parsed = parseResult(line);
      if (parsed) result = parsed;
      else process.stderr.write(`${tag} stdout: ${line}\n`);
    });
    onLines(child.stderr!, (line) => {
      process.stderr.write(`${tag} ${line}\n`);
      if (line.trim()) lastErrors.splice(0, lastErrors.length, ...[...lastErrors, line.trim()].slice(-3));
    });
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      clearTimeout(timer);
      currentChild = null;
      if (result) return resolve(result);
      const why = spawnError
        ? `could not start ${command}: ${spawnError.message}`
        : timedOut
          ? `no result within ${timeoutSeconds} s (a step takes longer: too slow for this workload); stopped`
          : `the ${job.suite} process ended (${signal ?? `exit code ${code}`}) without a result: ${lastErrors.join(' | ') || 'no message'}`;
      resolve({
        suite: job.suite,
        workload: job.workload.name,
        batch: job.batch,
        threads: job.threads,
        threads_requested: job.threads,
        error: why.slice(0, 400),
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function parseResult(text: string): ResultLine | null {
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as ResultLine;
    return typeof value.suite === 'string' && typeof value.workload === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** PyTorch is optional: without /usr/bin/python3 or an importable torch the suite is dropped with a note. */
function pytorchAvailable(): boolean {
  const missing = torchMissing();
  if (missing) process.stderr.write(`bench: note: ${missing}, so the pytorch suite is skipped.\n`);
  return missing === null;
}

async function main(): Promise<number> {
  // `--suites tta` runs the time-to-accuracy bench alone, with its own flags (tta.ts).
  if (asksTta(process.argv.slice(2))) {
    try {
      return (await runTtaBench(process.argv.slice(2))) ? 0 : 1;
    } catch (error) {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  // `--suites import` (alone or among others) runs the importer bench (importBench.ts) first; its own data and peers.
  const { asked: importAsked, rest } = takeImportSuite(process.argv.slice(2));
  let argv = rest ?? process.argv.slice(2);
  if (importAsked) {
    let worked = false;
    try {
      worked = await runImportBench(onlyPatterns(process.argv.slice(2)));
    } catch (error) {
      // With other suites asked for too, they still run (an --only that names none of the import workloads).
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      if (rest === null) return 2;
    }
    const others = rest === null ? null : withoutImportPatterns(rest, IMPORT_WORKLOADS);
    if (others === null) return worked ? 0 : 1;
    argv = others;
  }
  let options: BenchOptions;
  try {
    options = parseArgs(argv, availableParallelism());
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (options.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const suites = options.suites.filter((s) => s !== 'pytorch' || pytorchAvailable());
  if (suites.length === 0) {
    process.stderr.write('bench: no suite left to run\n');
    return 0; // only PyTorch was asked for and it is missing: a note, not a failure
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'netwright-bench-'));
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  process.on('SIGINT', () => {
    currentChild?.kill('SIGKILL');
    cleanUp();
    process.exit(130);
  });
  try {
    const workloads: Workload[] = options.workloads;
    writeDataSets(dataDir, workloads);
    process.stderr.write(
      `bench: ${workloads.map((w) => w.name).join(', ')} on ${suites.join(', ')}; ` +
        `${options.threads} thread${options.threads === 1 ? '' : 's'}${options.quick ? '; quick' : ''}` +
        `${options.rounds > 1 ? `; ${options.rounds} rounds` : ''}\n`,
    );
    const results: ResultLine[] = [];
    for (const { job, round } of jobsOf(options, suites, dataDir)) {
      const of = round === null ? '' : ` (round ${round} of ${options.rounds})`;
      process.stderr.write(`bench: ${job.workload.name} batch ${job.batch} on ${job.suite}${of}...\n`);
      const line = await runChild(job);
      if (round !== null) line.round = round;
      results.push(line);
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    for (const summary of summarize(results)) process.stdout.write(`${JSON.stringify(summary)}\n`);
    // Failing workloads are reported, not fatal; only a run where nothing at all worked is a failure.
    return results.some((r) => r.error === undefined) ? 0 : 1;
  } finally {
    cleanUp();
  }
}

process.exitCode = await main();
