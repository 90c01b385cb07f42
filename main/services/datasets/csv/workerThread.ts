// Starting the CSV importer's worker thread (csvWorker.ts) for one job, and what became of it: done, refused, could
// not start (the caller then does the job itself) or stopped midway (an import error naming the file).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CsvImportError } from './errors';
import type { ConvertJob } from './featureRows';
import type { PartJob, PartResult } from './scanPart';

/** What a worker is given (workerData). */
export type WorkerJob = { kind: 'scan'; job: PartJob } | { kind: 'convert'; job: ConvertJob };

/** From the worker to the thread that started it. */
export type WorkerMessage =
  /** The worker's code is loaded: from here on a failure is a crash, not a worker that could not start. */
  | { type: 'ready' }
  /** Bytes of the part read so far (scan). */
  | { type: 'progress'; bytes: number }
  /** The scan's counts, or the rows converted (part: null). */
  | { type: 'done'; part: PartResult | null }
  /** The part holds a row the import refuses: the first thread reads the part itself, to word the error with its line. */
  | { type: 'refused' };

type Outcome =
  | { kind: 'done'; part: PartResult | null }
  | { kind: 'refused' }
  | { kind: 'unstarted'; reason: string }
  | { kind: 'crashed'; reason: string };

export class CsvWorker {
  private readonly worker: Worker;
  private readonly outcome: Promise<Outcome>;

  /** `url`: the worker's module (default: workerUrl()); `onBytes`: the scan's progress. */
  constructor(
    private readonly path: string,
    job: WorkerJob,
    url: URL,
    onBytes: (bytes: number) => void = () => {},
  ) {
    // execArgv: none of this process's (under tsx, its --import would load tsx a second time in the worker).
    this.worker = new Worker(url, { workerData: job, execArgv: [] });
    let started = false;
    this.outcome = new Promise<Outcome>((resolve) => {
      const handle = (message: WorkerMessage) => {
        switch (message.type) {
          case 'ready':
            started = true;
            return;
          case 'progress':
            return onBytes(message.bytes);
          case 'done':
            return resolve({ kind: 'done', part: message.part });
          case 'refused':
            return resolve({ kind: 'refused' });
          default:
            throw new Error(`unknown message ${JSON.stringify(message satisfies never)}`);
        }
      };
      const failed = (reason: string) => resolve({ kind: started ? 'crashed' : 'unstarted', reason });
      this.worker.on('message', (message: WorkerMessage) => {
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

  /**
   * Once the worker is done: 'done' with the scan's counts (null for a conversion), or null when the caller must do
   * the job itself (the worker refused a row, or could not start). A worker that stopped midway, or `signal`
   * aborting, rejects.
   */
  async result(signal?: AbortSignal): Promise<{ part: PartResult | null } | null> {
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
          return { part: outcome.part };
        case 'refused':
        case 'unstarted':
          return null;
        case 'crashed':
          throw new CsvImportError({ file: this.path }, 'worker-stopped', { reason: outcome.reason });
        default:
          throw new Error(`unknown outcome ${JSON.stringify(outcome satisfies never)}`);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Ends the worker if it is still running. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The worker's module: bundled, dist/csvWorker.mjs beside dist/cli.mjs and dist/web.mjs (or one folder up from
 * dist/electron/main.cjs); from the TypeScript sources (tsx, vitest, the bench), see sourceWorkerUrl. Null when it
 * cannot be found: one thread does the work.
 */
export function workerUrl(): URL | null {
  return workerUrlFrom(import.meta.url);
}

/**
 * workerUrl for a module at `here`. In an installed desktop app the bundle is inside app.asar, which a worker
 * thread cannot load from: electron-builder.yml unpacks the worker to app.asar.unpacked, taken first.
 */
export function workerUrlFrom(here: string): URL | null {
  if (here.endsWith('.ts')) return sourceWorkerUrl(here);
  for (const candidate of ['./csvWorker.mjs', '../csvWorker.mjs']) {
    const url = new URL(candidate, here);
    const unpacked = new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
    for (const found of [unpacked, url]) if (existsSync(found)) return found;
  }
  return null;
}

let sourceWorker: URL | undefined;

/**
 * From the sources, csvWorker.ts bundled once per process by esbuild (a development dependency, as the sources
 * are) into a data: URL (no file to clean up; the worker imports only Node's modules): a worker loading the sources
 * through tsx itself took about 0.3 s of CPU and 30 MB more to start, twice per import. Without esbuild, a small
 * module registering tsx's hooks in the worker first (workers do not inherit them).
 */
function sourceWorkerUrl(here: string): URL {
  if (sourceWorker) return sourceWorker;
  const require = createRequire(here);
  const entry = new URL('./csvWorker.ts', here);
  let code: string;
  try {
    const esbuild = require('esbuild') as typeof import('esbuild');
    code = esbuild.buildSync({
      entryPoints: [fileURLToPath(entry)],
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    }).outputFiles[0].text;
  } catch {
    const tsx = require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
    code = `import { register } from ${JSON.stringify(pathToFileURL(tsx).href)}; register(); await import(${JSON.stringify(entry.href)});`;
  }
  sourceWorker = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  return sourceWorker;
}
