// Reading a large import's CSV in two threads: the first thread reads up to a line break near the middle of the
// file, a worker thread (csvWorker.ts) the rest. The split is only taken when the first thread's tokenizer ends
// exactly at that line break, outside any quote and past the header: then a fresh reader started there reads the
// rest as one reader would, and the worker's counts are used. Otherwise (a quoted field holding the line break,
// a worker that could not start, a row the worker refuses) the first thread reads the rest itself, so errors name
// the same file, line and column as a one-thread read.
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { PartJob, PartResult } from './scanPart';
import type { ScanSetup } from './scan';
import { CsvWorker, workerUrl } from './workerThread';

/** How a scan may use a second thread; each field has a default. */
export interface ThreadOptions {
  /** False: one thread. Default: two when the machine has two cores or more (NETWRIGHT_CSV_THREADS=1: one). */
  enabled?: boolean;
  /** Files smaller than this are read by one thread (default 16 MB; NETWRIGHT_CSV_SPLIT_BYTES). */
  minBytes?: number;
  /** The worker's module (tests: one that fails); default csvWorker.ts, or the bundle's csvWorker.mjs. */
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
  const partBytes = fileBytes - offset;
  const worker = new CsvWorker(setup.path, { kind: 'scan', job }, url, onBytes);
  let taken = false;
  return {
    offset,
    async result(signal) {
      const done = await worker.result(signal);
      if (!done) return null;
      onBytes(partBytes);
      taken = true;
      return done.part;
    },
    async stop() {
      await worker.stop();
      if (!taken && job.spool) rmSync(job.spool.path, { force: true });
    },
  };
}

/**
 * The threads an import's first read of a file of `fileBytes` sets out to use: 2 on a machine with two cores or
 * more for a file of at least minBytes (one reads it all when the worker cannot start or the middle line break is
 * inside quotes). The spool's conversion into the feature file splits the same way (spool.ts).
 */
export function importReadThreads(fileBytes: number, options: ThreadOptions = {}): 1 | 2 {
  const enabled = options.enabled ?? (process.env.NETWRIGHT_CSV_THREADS !== '1' && availableParallelism() > 1);
  const minBytes = options.minBytes ?? (Number(process.env.NETWRIGHT_CSV_SPLIT_BYTES) || DEFAULT_MIN_BYTES);
  return enabled && fileBytes >= minBytes ? 2 : 1;
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
