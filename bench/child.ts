// The part of a TypeScript suite's child process every suite shares: read the job, load its data, measure the
// step function the suite builds, print one ResultLine (or an error line) on stdout.
import { readFloat32, readInt32, readManifest, type DataEntry } from './data';
import type { Job, ResultLine } from './protocol';
import { measure, type Step, type Timing } from './timing';
import type { GemmWorkload, TrainingWorkload } from './workloads';

/** One mini-batch as views into the loaded data: inputs [batch, ...inputShape] NCHW, targets [batch] or [batch, size]. */
export interface Batch {
  inputs: Float32Array;
  targets: Int32Array | Float32Array;
}

/** What a suite provides; each method builds the network or matrices and returns the function one step calls. */
export interface Backend {
  /** Threads the backend will actually use. */
  threads: number;
  info: Record<string, string | number | boolean>;
  /** A training step on the next batch (cycling through `batches`); returns the step's loss. */
  training(workload: TrainingWorkload, batch: number, batches: Batch[]): () => number;
  /** An eval-mode forward pass of the workload's network on the next batch, the output read back. */
  inference(workload: TrainingWorkload, batch: number, batches: Batch[]): Step | Promise<Step>;
  /** One C = A·B. */
  gemm(workload: GemmWorkload, a: Float32Array, b: Float32Array): () => void;
  /** Optional: the FMA peak of the same threads, measured right after a GEMM workload (engine/native/peak.ts). */
  fmaPeak?(): PeakProbe;
}

/** What the bench reports of an FMA peak probe: best repeat by wall time and by CPU time, and how repeats agreed. */
export interface PeakProbe {
  gflops: number;
  /** Per CPU-second of the probe's threads, summed (null where CPU time is unknown). */
  cpuGflops: number | null;
  threads: number;
  spread: number;
  undisturbed: number;
  repeats: number;
  /** threads x 2 FMA pipes x lanes x 2 x the clock /proc/cpuinfo lists (null elsewhere); boost runs above it. */
  theoreticalGflops: number | null;
}

export function readJob(): Job {
  const text = process.argv[2];
  if (!text) throw new Error('usage: <suite script> <job JSON>; bench/run.ts starts the suites');
  return JSON.parse(text) as Job;
}

/** Keeps stdout for result lines only: anything a library logs goes to stderr. */
export function quietStdout(): void {
  console.log = console.error;
  console.info = console.error;
}

export function emit(line: ResultLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function errorLine(job: Job, error: unknown, threads = job.threads): ResultLine {
  const message = error instanceof Error ? error.message : String(error);
  return {
    suite: job.suite,
    workload: job.workload.name,
    batch: job.batch,
    threads,
    threads_requested: job.threads,
    error: message.split('\n')[0].slice(0, 300),
  };
}

/**
 * A GEMM's figures as shares of the probe's: its best repeat against the probe's best repeat (like with like: a
 * median against a best understated the share by the repeats' noise), and per CPU-second against per thread
 * CPU-second.
 */
export function peakFields(bestGflops: number, cpuGflops: number, peak: PeakProbe): Partial<ResultLine> {
  const perThread = peak.cpuGflops === null ? null : peak.cpuGflops / peak.threads;
  return {
    best_gflops: round(bestGflops),
    peak_gflops: round(peak.gflops),
    share_of_peak: round(bestGflops / peak.gflops),
    peak_spread: round(peak.spread),
    peak_undisturbed: `${peak.undisturbed}/${peak.repeats}`,
    ...(peak.theoreticalGflops === null ? {} : { peak_listed_clock_gflops: round(peak.theoreticalGflops) }),
    ...(perThread === null
      ? {}
      : {
          cpu_gflops: round(cpuGflops),
          peak_cpu_gflops_per_thread: round(perThread),
          cpu_share_of_peak: round(cpuGflops / perThread),
        }),
  };
}

/** Measures the job on `backend` and prints its line; a failure prints an error line instead. */
export async function runJob(job: Job, backend: Backend): Promise<void> {
  let line: ResultLine;
  try {
    line = await measureJob(job, backend);
  } catch (error) {
    // The message and where it came from; whole TF.js stacks bury the rest of the log.
    const where =
      error instanceof Error && error.stack ? error.stack.split('\n').slice(0, 4).join('\n') : String(error);
    process.stderr.write(`${job.suite} ${job.workload.name}: ${where}\n`);
    line = { ...errorLine(job, error, backend.threads), info: backend.info };
  }
  emit(line);
}

async function measureJob(job: Job, backend: Backend): Promise<ResultLine> {
  const { workload, batch } = job;
  const common = {
    suite: job.suite,
    workload: workload.name,
    batch,
    threads: backend.threads,
    threads_requested: job.threads,
  };
  switch (workload.kind) {
    case 'gemm': {
      const entry = entryOf(job, workload.name, 'matrices');
      const a = readFloat32(job.dataDir, entry.a, entry.M * entry.K);
      const b = readFloat32(job.dataDir, entry.b, entry.K * entry.N);
      const cpuStart = process.cpuUsage();
      const timing = await measure(backend.gemm(workload, a, b), job.plan, job.budgetSeconds, job.minRepeatSeconds);
      const cpu = process.cpuUsage(cpuStart);
      const perStep = 2 * workload.M * workload.N * workload.K;
      const gflops = (perStep * timing.steps) / timing.seconds / 1e9;
      const bestGflops = (perStep * timing.steps) / timing.bestSeconds / 1e9;
      // Every step run, warm-up included, over the CPU seconds of all the process's threads: what the cores did
      // while this process held them, which a loaded machine disturbs far less than wall time.
      const cpuGflops =
        (perStep * (timing.warmupSteps + timing.steps * timing.repeats)) / ((cpu.user + cpu.system) / 1e6) / 1e9;
      const peak = backend.fmaPeak?.();
      return {
        ...common,
        gflops: round(gflops),
        ...(peak === undefined ? {} : peakFields(bestGflops, cpuGflops, peak)),
        ...timingFields(timing),
        info: backend.info,
      };
    }
    case 'train':
    case 'infer': {
      const base = workload.kind === 'train' ? workload : job.base;
      if (!base) throw new Error(`job for ${workload.name} has no base training workload`);
      const batches = loadBatches(job, base.name, batch);
      let loss: number | undefined;
      let step: Step;
      if (workload.kind === 'train') {
        const train = backend.training(base, batch, batches);
        step = () => {
          loss = train();
        };
      } else {
        step = await backend.inference(base, batch, batches);
      }
      const timing = await measure(step, job.plan, job.budgetSeconds, job.minRepeatSeconds);
      const line: ResultLine = {
        ...common,
        samples_per_s: round((batch * timing.steps) / timing.seconds),
        ...timingFields(timing),
      };
      if (workload.kind === 'train' && workload.reportSecondsFor) {
        line.seconds_for_500_steps = round((timing.seconds / timing.steps) * workload.reportSecondsFor);
      }
      if (loss !== undefined) line.loss = round(loss);
      line.info = backend.info;
      return line;
    }
    default:
      throw new Error(`unknown workload kind in ${JSON.stringify(workload)}`);
  }
}

const FIRST_STEP_ONLY = 'one step took longer than the time budget, so only the first step (setup included) was timed';

function timingFields(timing: Timing): Pick<ResultLine, 'steps' | 'repeats' | 'seconds' | 'warmup_steps' | 'note'> {
  const fields: ReturnType<typeof timingFields> = {
    steps: timing.steps,
    repeats: timing.repeats,
    seconds: round(timing.seconds),
    warmup_steps: timing.warmupSteps,
  };
  if (timing.firstStepOnly) fields.note = FIRST_STEP_ONLY;
  return fields;
}

/** The data set cut into whole batches (views, no copies); at least one batch is required. */
function loadBatches(job: Job, name: string, batch: number): Batch[] {
  const entry = entryOf(job, name, 'samples');
  const sampleSize = entry.inputShape.reduce((a, b) => a * b, 1);
  const inputs = readFloat32(job.dataDir, entry.inputs, entry.samples * sampleSize);
  const targets =
    entry.targetType === 'int32'
      ? readInt32(job.dataDir, entry.targets, entry.samples)
      : readFloat32(job.dataDir, entry.targets, entry.samples * entry.targetSize);
  const count = Math.floor(entry.samples / batch);
  if (count < 1) throw new Error(`${name} has ${entry.samples} samples, fewer than one batch of ${batch}`);
  return Array.from({ length: count }, (_, i) => ({
    inputs: inputs.subarray(i * batch * sampleSize, (i + 1) * batch * sampleSize),
    targets: targets.subarray(i * batch * entry.targetSize, (i + 1) * batch * entry.targetSize),
  }));
}

function entryOf<K extends DataEntry['kind']>(job: Job, name: string, kind: K): Extract<DataEntry, { kind: K }> {
  const entry = readManifest(job.dataDir)[name];
  if (!entry || entry.kind !== kind) throw new Error(`the data directory ${job.dataDir} has no ${kind} for ${name}`);
  return entry as Extract<DataEntry, { kind: K }>;
}

/** Four significant digits are more than the run-to-run noise. */
function round(value: number): number {
  return Number(value.toPrecision(4));
}
