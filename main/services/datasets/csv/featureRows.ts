// Turning a spool's rows into feature rows (a number, or a one-hot block per spooled column), a block of rows at a
// time: the first rows by the importing thread, the rest by the worker (csvWorker.ts) into the same file.
import { closeSync, fdatasyncSync, openSync, readSync, writeSync } from 'node:fs';
import type { TrainingStats } from './finish';

/** How a spooled column becomes features: its value at `offset`, or a one-hot over `width` at `offset + remap[id]`. */
export type SpoolFeature = { offset: number } | { offset: number; width: number; remap: Int32Array };

/** Rows converted per read of the spool file (bounded memory: 4096 rows × columns × 4 bytes). */
export const ROWS_PER_READ = 4096;

/** A spool file and the feature rows it becomes. */
export interface SpoolRows {
  spoolPath: string;
  /** Spooled columns per row. */
  columns: number;
  features: SpoolFeature[];
  rowWidth: number;
}

/** The worker's share of a conversion: spool rows [firstRow, end) into the feature file at the same rows. */
export interface ConvertJob extends SpoolRows {
  featuresPath: string;
  firstRow: number;
}

/**
 * Spool rows [firstRow, endRow) (endRow past the end: to the end), a block at a time: `block` holds `count` rows of
 * `columns` values from row `first`. The block is read into again for the next one.
 */
function* spoolBlocks(
  spoolPath: string,
  columns: number,
  firstRow: number,
  endRow: number,
): Generator<{ block: Float32Array; first: number; count: number }> {
  const fd = openSync(spoolPath, 'r');
  try {
    const block = new Float32Array(ROWS_PER_READ * columns);
    const bytes = new Uint8Array(block.buffer);
    for (let first = firstRow; first < endRow;) {
      const want = Math.min(ROWS_PER_READ, endRow - first) * columns * 4;
      let got = 0;
      for (let n = -1; n !== 0 && got < want; got += n)
        n = readSync(fd, bytes, got, want - got, first * columns * 4 + got);
      if (got % (columns * 4) !== 0) throw new Error(`${spoolPath}: ${got} bytes is not a whole number of rows`);
      const count = got / (columns * 4);
      if (count === 0) return;
      yield { block, first, count };
      first += count;
      if (got < want) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Converts spool rows [firstRow, endRow) and gives each block of feature rows to `write` (count × rowWidth values;
 * `first`: the block's first row); `onRow` sees each row as written.
 */
export function convertRows(
  { spoolPath, columns, features, rowWidth }: SpoolRows,
  firstRow: number,
  endRow: number,
  write: (rows: Float32Array, first: number) => void,
  onRow?: (row: number, rows: Float32Array, at: number) => void,
): void {
  const rows = new Float32Array(ROWS_PER_READ * rowWidth);
  // Per column: where its value goes, and for a text column the one-hot position of each id (else null).
  const offsets = features.map((f) => f.offset);
  const remaps = features.map((f) => ('remap' in f ? f.remap : null));
  for (const { block, first, count } of spoolBlocks(spoolPath, columns, firstRow, endRow)) {
    rows.fill(0, 0, count * rowWidth);
    for (let r = 0; r < count; r++) {
      const from = r * columns;
      const to = r * rowWidth;
      for (let k = 0; k < columns; k++) {
        const remap = remaps[k];
        if (remap) rows[to + offsets[k] + remap[block[from + k]]] = 1;
        else rows[to + offsets[k]] = block[from + k];
      }
      onRow?.(first + r, rows, to);
    }
    write(rows.subarray(0, count * rowWidth), first);
  }
}

/**
 * The training statistics of spool rows [firstRow, endRow) as convertRows would give them to `stats`, without the
 * conversion: only the training rows' numbers are placed in a row (the statistics read nothing else).
 */
export function countRows(
  { spoolPath, columns, features, rowWidth }: SpoolRows,
  firstRow: number,
  endRow: number,
  stats: TrainingStats,
): void {
  const numbers = [...features.keys()].filter((k) => !('remap' in features[k]));
  const offsets = numbers.map((k) => features[k].offset);
  const row = new Float32Array(rowWidth);
  const { isTrain } = stats;
  for (const { block, first, count } of spoolBlocks(spoolPath, columns, firstRow, endRow)) {
    for (let r = 0; r < count; r++) {
      if (!isTrain[first + r]) continue;
      const from = r * columns;
      for (let j = 0; j < numbers.length; j++) row[offsets[j]] = block[from + numbers[j]];
      stats.addRow(first + r, row, 0);
    }
  }
}

/** The worker's share (ConvertJob): written in place into the feature file, which the first thread made. */
export function convertPart(job: ConvertJob): void {
  const out = openSync(job.featuresPath, 'r+');
  try {
    const { rowWidth } = job;
    convertRows(job, job.firstRow, Infinity, (rows, first) => {
      const bytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
      const position = first * rowWidth * 4;
      for (let at = 0; at < bytes.length;) at += writeSync(out, bytes, at, bytes.length - at, position + at);
    });
    // Flushes the file's pages written so far (both threads'), so the first thread's fsync at the end, after its
    // own rows, has less left to wait for.
    fdatasyncSync(out);
  } finally {
    closeSync(out);
  }
}
