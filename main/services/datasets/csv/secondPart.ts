// Reading a large import's CSV in two threads: the first thread reads up to a line break near the middle of the
// file, a worker thread (scanWorker.ts) the rest. The split is only taken when the first thread's tokenizer ends
// exactly at that line break, outside any quote and past the header: then a fresh reader started there reads the
// rest as one reader would, and the worker's counts are used. Otherwise (a quoted field holding the line break,
// a worker that could not start, a row the worker refuses) the first thread reads the rest itself, so errors name
// the same file, line and column as a one-thread read.
import { existsSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CsvImportError } from './errors';
import type { PartJob, PartMessage, PartResult } from './scanPart';
import type { ScanSetup } from './scan';

/** How a scan may use a second thread; each field has a default. */
export interface ThreadOptions {
  /** False: one thread. Default: two when the machine has two cores or more (NETWRIGHT_CSV_THREADS=1: one). */
  enabled?: boolean;
  /** Files smaller than this are read by one thread (default 16 MB; NETWRIGHT_CSV_SPLIT_BYTES). */
  minBytes?: number;
  /** The worker's module (tests: one that fails); default scanWorker.ts, or the bundle's csvScanWorker.mjs. */
  worker?: URL;
}

/**
 * 16 MB: a worker takes a few tens of milliseconds to start (a few hundred from the TypeScript sources), about what
 * the first thread reads of a mixed table in that time; below this a second thread saves little.
 */
const DEFAULT_MIN_BYTES = 16 * 1024 * 1024;
/**
 * Where the worker's part starts, as a share of the file: the first thread also hashes the worker's part (sha256
 * runs at about 1 GB/s) and the worker starts late, so the first part is the larger.
 */
const SPLIT_SHARE = 0.5;
const SEARCH_BYTES = 64 * 1024;

/** A worker reading the part of the file from `offset` to the end. */
export interface SecondPart {
  readonly offset: number;
  /**
   * The worker's counts, once it is done; null when this thread must read the part itself (the worker refused a
   * row, or could not start). A worker that stopped midway is an import error naming the file.
   */
  result(signal?: AbortSignal): Promise<PartResult | null>;
  /** Ends the worker (if still running) and removes its spool file unless its result was taken. */
  stop(): Promise<void>;
}

type Outcome =
  | { kind: 'done'; part: PartResult }
  | { kind: 'refused' }
  | { kind: 'unstarted'; reason: string }
  | { kind: 'crashed'; reason: string };

/** Starts the worker for an import's second part, or answers null when one thread reads the whole file. */
export function startSecondPart(setup: ScanSetup, onBytes: (bytes: number) => void): SecondPart | null {
  const options = setup.threads ?? {};
  // Only an import's read (a preview keeps rows and lists ragged ones in file order) of a text whose line breaks
  // are single bytes (not UTF-16).
  if (setup.ragged !== 'throw' || setup.firstRows !== undefined || setup.maxRows !== undefined) return null;
  if (setup.encoding !== 'utf-8' && setup.encoding !== 'windows-1252') return null;
  const fileBytes = statSync(setup.path).size;
  if (importReadThreads(fileBytes, options) < 2) return null;
  const offset = lineStartAfter(setup.path, Math.floor(fileBytes * SPLIT_SHARE), fileBytes);
  if (offset < 0) return null;
  const url = options.worker ?? workerUrl();
  if (!url) return null;
  const head = new Uint8Array(3);
  const fd = openSync(setup.path, 'r');
  try {
    readSync(fd, head, 0, 3, 0);
  } finally {
    closeSync(fd);
  }
  const job: PartJob = {
    setup: {
      path: setup.path,
      encoding: setup.encoding,
      delimiter: setup.delimiter,
      hasHeader: setup.hasHeader,
      names: setup.names,
      used: setup.used,
      labelIndex: setup.labelIndex,
      splitIndex: setup.splitIndex,
      dropMissing: setup.dropMissing,
      labelRequired: setup.labelRequired,
      categoryCap: setup.categoryCap,
      labelCap: setup.labelCap,
      decimalComma: setup.decimalComma,
      ragged: setup.ragged,
    },
    offset,
    bom: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf,
    spool: setup.spool?.active
      ? { path: `${setup.spool.path}.part2`, columns: [...setup.spool.columns], maxTexts: setup.spool.maxTexts }
      : null,
  };
  return new WorkerPart(setup.path, job, url, fileBytes - offset, onBytes);
}

/**
 * The threads an import's first read of a file of `fileBytes` sets out to use: 2 on a machine with two cores or
 * more for a file of at least minBytes (one reads it all when the worker cannot start or the middle line break is
 * inside quotes).
 */
export function importReadThreads(fileBytes: number, options: ThreadOptions = {}): 1 | 2 {
  const enabled = options.enabled ?? (process.env.NETWRIGHT_CSV_THREADS !== '1' && availableParallelism() > 1);
  const minBytes = options.minBytes ?? (Number(process.env.NETWRIGHT_CSV_SPLIT_BYTES) || DEFAULT_MIN_BYTES);
  return enabled && fileBytes >= minBytes ? 2 : 1;
}

class WorkerPart implements SecondPart {
  readonly offset: number;
  private readonly worker: Worker;
  private readonly outcome: Promise<Outcome>;
  private taken = false;

  constructor(
    private readonly path: string,
    private readonly job: PartJob,
    url: URL,
    partBytes: number,
    onBytes: (bytes: number) => void,
  ) {
    this.offset = job.offset;
    // execArgv: none of this process's (under tsx, its --import would load tsx a second time in the worker).
    this.worker = new Worker(url, { workerData: job, execArgv: [] });
    let started = false;
    this.outcome = new Promise<Outcome>((resolve) => {
      const handle = (message: PartMessage) => {
        switch (message.type) {
          case 'ready':
            started = true;
            return;
          case 'progress':
            return onBytes(message.bytes);
          case 'done':
            onBytes(partBytes);
            return resolve({ kind: 'done', part: message.part });
          case 'refused':
            return resolve({ kind: 'refused' });
          default:
            throw new Error(`unknown message ${JSON.stringify(message satisfies never)}`);
        }
      };
      const failed = (reason: string) => resolve({ kind: started ? 'crashed' : 'unstarted', reason });
      this.worker.on('message', (message: PartMessage) => {
        try {
          handle(message);
        } catch (error) {
          failed((error as Error).message);
        }
      });
      this.worker.on('error', (error) => failed(error.message));
      // After 'done' or 'refused' this changes nothing (a promise settles once).
      this.worker.on('exit', (code) => failed(`it exited with code ${code} before it was done`));
    });
  }

  async result(signal?: AbortSignal): Promise<PartResult | null> {
    signal?.throwIfAborted();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([this.outcome, aborted]);
      switch (outcome.kind) {
        case 'done':
          this.taken = true;
          return outcome.part;
        case 'refused':
        case 'unstarted':
          return null;
        case 'crashed':
          throw new CsvImportError(
            this.path,
            `the thread reading the second half of the file stopped: ${outcome.reason}. Import the file again`,
          );
        default:
          throw new Error(`unknown outcome ${JSON.stringify(outcome satisfies never)}`);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
    if (!this.taken && this.job.spool) rmSync(this.job.spool.path, { force: true });
  }
}

/** The byte after the first line break at or after `from`, or -1 when none is left before the file's end. */
function lineStartAfter(path: string, from: number, fileBytes: number): number {
  const fd = openSync(path, 'r');
  try {
    const block = new Uint8Array(SEARCH_BYTES);
    for (let at = from; at < fileBytes; at += SEARCH_BYTES) {
      const got = readSync(fd, block, 0, block.length, at);
      const k = block.subarray(0, got).indexOf(10);
      if (k >= 0) return at + k + 1 < fileBytes ? at + k + 1 : -1;
      if (got === 0) break;
    }
    return -1;
  } finally {
    closeSync(fd);
  }
}

/**
 * The worker's module: from the TypeScript sources (tsx, vitest) a small module that registers tsx's hooks in the
 * worker first (workers do not inherit them); bundled, dist/csvScanWorker.mjs beside dist/cli.mjs and dist/web.mjs
 * (or one folder up from dist/electron/main.cjs). Null when it cannot be found: one thread reads the file.
 */
function workerUrl(): URL | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const entry = new URL('./scanWorker.ts', here).href;
    const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsx).href)}; register(); await import(${JSON.stringify(entry)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
  }
  for (const candidate of ['./csvScanWorker.mjs', '../csvScanWorker.mjs']) {
    const url = new URL(candidate, here);
    if (existsSync(url)) return url;
  }
  return null;
}
