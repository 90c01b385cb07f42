// The first read's copy of a table's feature cells, so the second read of the CSV (parsing every cell again) can be
// skipped: each kept row's feature cells as float32, in column order (label, split and excluded columns left out),
// written while the row is profiled. A column of plain numbers spools its values; a column of text spools each
// cell's category id, numbered in order of first appearance (the plan's category order is only known at the end,
// so ids are remapped when the spool becomes the feature file). A purely numeric spool already is the feature file.
// A column holding both, a missing value (to fill) or more distinct texts than a feature may have abandons it,
// and the import reads the file twice as before.
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { Float32FileWriter } from './binaryFile';
import {
  convertRows,
  countRows,
  ROWS_PER_READ,
  type ConvertJob,
  type SpoolFeature,
  type SpoolRows,
} from './featureRows';
import type { TrainingStats } from './finish';
import { isMissing } from './values';
import { importReadThreads } from './secondPart';
import { CsvWorker, workerUrl } from './workerThread';

/** What a spooled column held: plain numbers, or text cells numbered by first appearance. */
export type SpooledKind = 'number' | 'text';

export type { SpoolFeature };

/**
 * The importing thread's share of a large spool's rows when a worker converts the rest: it also counts the
 * statistics of the worker's rows (about 0.4 of a conversion's time per row), and the worker starts late and
 * flushes the file at the end (about 0.3 s from the TypeScript sources, where the bench runs, 0.05 s bundled).
 * Measured on mixed-300mb from the sources: 0.45 left this thread waiting 0.22 s for the worker.
 */
const CONVERT_SHARE = 0.55;

/** What a spool of a later part of the file (another thread's) holds, to append to this one (CellSpool.appendPart). */
export interface SpoolPart {
  path: string;
  kinds: Array<SpooledKind | null>;
  keys: string[][];
}

export class CellSpool {
  private writer: Float32FileWriter | null;
  private readonly row: Float32Array;
  /** Per spooled column: what it held so far (null: nothing yet). */
  readonly kinds: Array<SpooledKind | null>;
  /** Per spooled column: its distinct trimmed texts in order of first appearance (the id is the index). */
  readonly keys: string[][];
  private readonly ids: Array<Map<string, number>>;
  /** Per spooled column: the id of each cell the caller numbered (add's textIds), once seen. */
  private readonly idOfTextId: number[][];

  /** `columns`: the CSV columns of the features, in order; `maxTexts`: distinct texts a column may have. */
  constructor(
    readonly path: string,
    readonly columns: readonly number[],
    readonly maxTexts: number,
  ) {
    this.writer = new Float32FileWriter(path);
    this.row = new Float32Array(columns.length);
    this.kinds = columns.map(() => null);
    this.keys = columns.map(() => []);
    this.ids = columns.map(() => new Map());
    this.idOfTextId = columns.map(() => []);
  }

  get active(): boolean {
    return this.writer !== null;
  }

  /**
   * Appends a kept row: by CSV column, `values` holds each cell's plain number (NaN: not a plain number) and
   * `cells` its text where the value is NaN; `textIds`, if given, a number the caller gives each distinct trimmed
   * text of a column (-1: none), which spares looking the text up.
   */
  add(values: Float64Array, cells: ArrayLike<string | null>, textIds?: Int32Array): void {
    if (!this.writer) return;
    const { columns, row, kinds } = this;
    for (let k = 0; k < columns.length; k++) {
      const value = values[columns[k]];
      if (value === value) {
        if (kinds[k] !== 'number') {
          if (kinds[k] === 'text') return this.abandon();
          kinds[k] = 'number';
        }
        row[k] = value;
        continue;
      }
      if (kinds[k] !== 'text') {
        if (kinds[k] === 'number') return this.abandon();
        kinds[k] = 'text';
      }
      const textId = textIds ? textIds[columns[k]] : -1;
      let id = textId >= 0 ? this.idOfTextId[k][textId] : undefined;
      if (id === undefined) {
        const cell = cells[columns[k]]!;
        // A cell equal to a known key is that key (keys are trimmed, never missing).
        id = this.ids[k].get(cell);
        if (id === undefined) {
          if (isMissing(cell)) return this.abandon();
          const key = cell.trim();
          id = this.ids[k].get(key) ?? this.newKey(k, key);
          if (id < 0) return this.abandon();
        }
        if (textId >= 0) this.idOfTextId[k][textId] = id;
      }
      row[k] = id;
    }
    this.writer.write(row);
  }

  /** Numbers a new text of spooled column k; -1 when the column already has as many as a feature may. */
  private newKey(k: number, key: string): number {
    if (this.keys[k].length >= this.maxTexts) return -1;
    const id = this.keys[k].length;
    this.ids[k].set(key, id);
    this.keys[k].push(key);
    return id;
  }

  /**
   * Appends the finished spool of the rows after this one's (another thread's part of the file), its texts given
   * this spool's ids (new ones numbered on, in its order of first appearance) as if one spool had taken every row;
   * its file is removed. A column holding numbers in one part and texts in the other, or too many texts in all,
   * abandons this spool.
   */
  appendPart(part: SpoolPart): void {
    try {
      if (this.writer) this.copyPart(part);
    } finally {
      rmSync(part.path, { force: true });
    }
  }

  private copyPart(part: SpoolPart): void {
    const columns = this.columns.length;
    // Per column: this spool's id of each of the part's text ids (null: numbers).
    const ids: Array<Int32Array | null> = [];
    for (let k = 0; k < columns; k++) {
      const mine = this.kinds[k];
      const theirs = part.kinds[k];
      if (mine !== null && theirs !== null && mine !== theirs) return this.abandon();
      this.kinds[k] = mine ?? theirs;
      if (theirs !== 'text') {
        ids.push(null);
        continue;
      }
      const map = new Int32Array(part.keys[k].length);
      for (const [id, key] of part.keys[k].entries()) {
        map[id] = this.ids[k].get(key) ?? this.newKey(k, key);
        if (map[id] < 0) return this.abandon();
      }
      ids.push(map);
    }
    const renumber = ids.some((map) => map !== null);
    const input = openSync(part.path, 'r');
    try {
      const block = new Float32Array(ROWS_PER_READ * columns);
      const bytes = new Uint8Array(block.buffer);
      for (;;) {
        let got = 0;
        for (let n = -1; n !== 0 && got < bytes.length; got += n)
          n = readSync(input, bytes, got, bytes.length - got, null);
        if (got % (columns * 4) !== 0) throw new Error(`${part.path}: ${got} bytes is not a whole number of rows`);
        const values = got / 4;
        if (renumber) {
          for (let k = 0; k < columns; k++) {
            const map = ids[k];
            if (map) for (let at = k; at < values; at += columns) block[at] = map[block[at]];
          }
        }
        this.writer!.write(block.subarray(0, values));
        if (got < bytes.length) break;
      }
    } finally {
      closeSync(input);
    }
  }

  abandon(): void {
    if (!this.writer) return;
    this.writer.abandon();
    this.writer = null;
    rmSync(this.path, { force: true });
  }

  /**
   * Flushes and closes the file; true when it holds every kept row. Not synced to disk: writeFeatures turns it into
   * the feature file and removes it, or syncToDisk keeps it as the feature file.
   */
  finish(): boolean {
    if (!this.writer) return false;
    this.writer.close(false);
    this.writer = null;
    return true;
  }

  /** The finished spool is the feature file as it is (plain numbers in plan order): flushes it to disk. */
  syncToDisk(): void {
    const fd = openSync(this.path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Turns the finished spool into the feature file at `path` (rows of `rowWidth` float32 values, one feature per
   * spooled column in order), reading it back a block of rows at a time; the spool file is removed. Each row
   * written goes to `stats` too (the training statistics, so the feature file need not be read again). A large
   * spool's later rows are converted by a worker thread into the same file while this thread converts the first
   * ones and then counts the later rows' statistics from their spooled numbers, in row order.
   */
  async writeFeatures(features: SpoolFeature[], rowWidth: number, stats?: TrainingStats): Promise<void> {
    const columns = this.columns.length;
    const cells = `${this.path}.cells`;
    renameSync(this.path, cells);
    const rowCount = statSync(cells).size / (columns * 4);
    const out = new Float32FileWriter(this.path); // made before the worker writes into it
    const onRow = stats && ((row: number, rows: Float32Array, at: number) => stats.addRow(row, rows, at));
    const write = (rows: Float32Array) => out.write(rows);
    const split = importReadThreads(rowCount * columns * 4) === 2 ? Math.ceil(rowCount * CONVERT_SHARE) : rowCount;
    const url = split < rowCount ? workerUrl() : null;
    const rows: SpoolRows = { spoolPath: cells, columns, features, rowWidth };
    const job: ConvertJob = { ...rows, featuresPath: this.path, firstRow: split };
    let worker: CsvWorker | null = null;
    try {
      worker = url ? new CsvWorker(this.path, { kind: 'convert', job }, url) : null;
      convertRows(rows, 0, worker ? split : rowCount, write, onRow);
      if (worker) {
        if (stats) countRows(rows, split, rowCount, stats);
        // A worker that could not start leaves its rows to this thread (their statistics are counted).
        if (!(await worker.result())) convertRows(rows, split, rowCount, write);
      }
      out.close();
    } catch (error) {
      out.abandon();
      throw error;
    } finally {
      await worker?.stop();
      rmSync(cells, { force: true });
    }
  }
}
