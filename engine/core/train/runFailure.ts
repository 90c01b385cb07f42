// Why a run failed (or was interrupted), as a code with values and no words: the studio and the command line word it in English and
// Chinese (main/api/runFailures.ts, runFailuresZh.ts). A run's own failures travel as 'failure-<code>'; a coded
// error that ended a run (a checkpoint that could not be written, a refusal before it started) keeps its own table's
// code, so it is worded where that error is worded everywhere else.
import { CodedError, wordableParams } from '../errors/coded';
import { HIGH_LEARNING_RATE } from './diagnosisAdvice';
import type { NonFiniteLossInfo } from './diagnose';

export const RUN_FAILURE_PREFIX = 'failure-';

export const RUN_FAILURE_CODES = [
  // The loss became NaN or infinite mid-epoch, by its likely cause (see divergedFailure).
  'diverged-gradients',
  'diverged-rate',
  'diverged-gradients-rate',
  'diverged-data',
  'diverged-unclear',
  // The engine process ended under the run.
  'engine-killed',
  'engine-crashed',
  'engine-exited',
  // The studio closed while the run was stopping.
  'studio-closed',
  // Not a failure: the process training the run ended while it was queued, running or paused (an 'interrupted' run,
  // which continues from its last checkpoint).
  'interrupted-queued',
  'interrupted-running',
  'interrupted-paused',
  // The dataset's files on disk do not hold what its manifest says (engine/host/common/datasetFiles.ts): a file
  // missing, cut short or changed, a label or split row out of range, a folder without its manifest.
  'dataset-missing-file',
  'dataset-file-size',
  'dataset-file-cut',
  'dataset-bad-label',
  'dataset-bad-split-row',
  'dataset-no-manifest',
  // The system refused to write or read a named file (a system error's errno, see systemFailure), or memory ran out.
  'disk-full',
  'no-permission',
  'read-only-disk',
  'system-error',
  'out-of-memory',
  // An error with no code: its own message, as the system or a library wrote it.
  'engine-error',
  'no-reason',
] as const;

export type RunFailureCode = (typeof RUN_FAILURE_CODES)[number];

/** A failure on the wire and in the store: a table's code (prefixed) and the values its sentence names. */
export interface RunFailure {
  code: string;
  params: Record<string, string | number>;
}

export function runFailure(code: RunFailureCode, params: Record<string, string | number> = {}): RunFailure {
  return { code: `${RUN_FAILURE_PREFIX}${code}`, params };
}

/** The run failure code in `tableCode` ('failure-engine-killed' → 'engine-killed'), or null for another table's. */
export function runFailureCode(tableCode: string): RunFailureCode | null {
  if (!tableCode.startsWith(RUN_FAILURE_PREFIX)) return null;
  const code = tableCode.slice(RUN_FAILURE_PREFIX.length);
  return (RUN_FAILURE_CODES as readonly string[]).includes(code) ? (code as RunFailureCode) : null;
}

// A gradient norm this large (the global L2 norm of a mean-reduced loss's gradients is usually well below 100 on
// standardized data) means the last updates were blowing up.
const HUGE_GRADIENT_NORM = 1e3;

/**
 * Where the loss became NaN or infinite and what most likely caused it: exploding gradients (the last gradient norm
 * huge or not a number), a learning rate above what is usual for the optimizer, both, or neither (then, with the
 * gradients measured and ordinary, the data or an unstable layer; unmeasured, either). The advice is the diagnosis's
 * (nonFiniteLossVerdict), for the run as it was set up.
 */
export function divergedFailure(info: NonFiniteLossInfo): RunFailure {
  const { epoch, step, lr, gradNorm, optimizer } = info;
  const params: Record<string, string | number> = { epoch, step, learningRate: significant(lr), optimizer };
  const exploding = gradNorm !== undefined && !(gradNorm < HUGE_GRADIENT_NORM);
  if (exploding) params.gradNorm = Number.isFinite(gradNorm) ? significant(gradNorm) : String(gradNorm);
  const usual = HIGH_LEARNING_RATE[optimizer];
  const tooHigh = usual !== undefined && lr > usual;
  if (tooHigh) params.usualRate = usual;
  // The gradient norm is measured only with clipping on: without it, an ordinary rate says nothing of the gradients.
  const known = gradNorm !== undefined;
  const cause =
    exploding && tooHigh ? 'gradients-rate' : exploding ? 'gradients' : tooHigh ? 'rate' : known ? 'data' : 'unclear';
  return runFailure(`diverged-${cause}`, params);
}

/** Where the loss broke, read back from a diverged failure (null for any other), as the diagnosis takes it. */
export function divergedAt(failure: RunFailure | null | undefined): NonFiniteLossInfo | null {
  const code = failure ? runFailureCode(failure.code) : null;
  if (!failure || !code?.startsWith('diverged-')) return null;
  const { epoch, step, learningRate, optimizer, gradNorm } = failure.params;
  if (typeof epoch !== 'number' || typeof step !== 'number' || typeof learningRate !== 'number') return null;
  return {
    epoch,
    step,
    lr: learningRate,
    optimizer: String(optimizer),
    ...(gradNorm !== undefined ? { gradNorm: Number(gradNorm) } : {}),
  };
}

/**
 * An error that ended a run: a coded one keeps its code and values, a system error on a named file or a failed
 * allocation gets its own code (systemFailure), any other keeps its own message.
 */
export function failureOf(error: unknown): RunFailure {
  if (error instanceof CodedError) return { code: error.tableCode, params: wordableParams(error.params as object) };
  return (
    systemFailure(error) ??
    runFailure('engine-error', { message: error instanceof Error ? error.message : String(error) })
  );
}

/** System errors (errno codes) that have a sentence of their own; others are 'system-error' with their code. */
const SYSTEM_FAILURES: Readonly<Record<string, RunFailureCode>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EROFS: 'read-only-disk',
};

/**
 * The failure of a system error that names its file (Node.js sets `code` to the errno name and `path` to the file;
 * writeFileAtomic names the file it was writing), or of an allocation JavaScript could not make; null otherwise.
 * Read structurally: engine/core has no Node.js types.
 */
export function systemFailure(error: unknown): RunFailure | null {
  if (error instanceof RangeError && /allocation failed/i.test(error.message)) return runFailure('out-of-memory');
  if (!(error instanceof Error)) return null;
  const { code, path } = error as Error & { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code) || typeof path !== 'string' || path === '') return null;
  const known = Object.hasOwn(SYSTEM_FAILURES, code) ? SYSTEM_FAILURES[code] : undefined;
  return known ? runFailure(known, { file: path }) : runFailure('system-error', { file: path, errno: code });
}

/** Three significant digits: 0.000123, 2.35, 1.5e+6. */
function significant(x: number): number {
  return Number(x.toPrecision(3));
}
