// The worker thread's entry for a later part of a CSV's first read (see secondPart.ts, which starts it, and
// scanPart.ts). Bundled on its own as dist/csvScanWorker.mjs (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { scanPart, type PartJob, type PartMessage } from './scanPart';

/** Progress is posted once per this many bytes (a message per 64 KB chunk would be thousands). */
const PROGRESS_BYTES = 1 << 20;

const port = parentPort;
if (!port) throw new Error('scanWorker.ts runs as a worker thread (see secondPart.ts)');
const post = (message: PartMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
post({ type: 'ready' });
let posted = 0;
// No top-level await: from the sources this module is loaded through tsx's CommonJS hooks (see secondPart.ts).
void scanPart(workerData as PartJob, (bytes) => {
  if (bytes - posted < PROGRESS_BYTES) return;
  posted = bytes;
  post({ type: 'progress', bytes });
}).then((result) => {
  if (result === 'refused') return post({ type: 'refused' });
  // The row values (2 bytes a row) move instead of being copied.
  const blocks = [...(result.labelIds?.blocks ?? []), ...(result.splitIds?.blocks ?? [])];
  post({ type: 'done', part: result }, [...new Set(blocks.map((b) => b.buffer as ArrayBuffer))]);
});
