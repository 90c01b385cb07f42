// The CSV importer's worker thread: a later part of the first read (scanPart.ts, started by secondPart.ts) or the
// later rows of the feature file (featureRows.ts, started by spool.ts). Bundled on its own as dist/csvWorker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { convertPart } from './featureRows';
import { scanPart } from './scanPart';
import type { WorkerJob, WorkerMessage } from './workerThread';

/** Progress is posted once per this many bytes (a message per 64 KB chunk would be thousands). */
const PROGRESS_BYTES = 1 << 20;

const port = parentPort;
if (!port) throw new Error('csvWorker.ts runs as a worker thread (see workerThread.ts)');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
post({ type: 'ready' });
// No top-level await: a rejection here is the worker's 'error' (an import error in the thread that started it).
void run(workerData as WorkerJob);

async function run(work: WorkerJob): Promise<void> {
  switch (work.kind) {
    case 'scan': {
      let posted = 0;
      const result = await scanPart(work.job, (bytes) => {
        if (bytes - posted < PROGRESS_BYTES) return;
        posted = bytes;
        post({ type: 'progress', bytes });
      });
      if (result === 'refused') return post({ type: 'refused' });
      // The row values (2 bytes a row) move instead of being copied.
      const blocks = [...(result.labelIds?.blocks ?? []), ...(result.splitIds?.blocks ?? [])];
      return post({ type: 'done', part: result }, [...new Set(blocks.map((b) => b.buffer as ArrayBuffer))]);
    }
    case 'convert':
      convertPart(work.job);
      return post({ type: 'done', part: null });
    default:
      throw new Error(`unknown job ${JSON.stringify(work satisfies never)}`);
  }
}
