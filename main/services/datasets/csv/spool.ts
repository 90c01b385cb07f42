// The first read's copy of a table's feature cells, so the second read of the CSV (parsing every cell again) can be
// skipped: each kept row's feature cells as float32, in column order (label, split and excluded columns left out),
// written while the row is profiled. A column of plain numbers spools its values; a column of text spools each
// cell's category id, numbered in order of first appearance (the plan's category order is only known at the end,
// so ids are remapped when the spool becomes the feature file). A purely numeric spool already is the feature file.
// A column holding both, a missing value (to fill) or more distinct texts than a feature may have abandons it,
// and the import reads the file twice as before.
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Float32FileWriter } from './binaryFile';
import type { TrainingStats } from './finish';
import { isMissing } from './values';

/** What a spooled column held: plain numbers, or text cells numbered by first appearance. */
export type SpooledKind = 'number' | 'text';

/** How a spooled column becomes features: its value at `offset`, or a one-hot over `width` at `offset + remap[id]`. */
export type SpoolFeature = { offset: number } | { offset: number; width: number; remap: Int32Array };

/** Rows converted per read of the spool file (bounded memory: 4096 rows × columns × 4 bytes). */
const ROWS_PER_READ = 4096;
/** Bytes copied at a time when a part's file is appended as it is. */
const COPY_BYTES = 1 << 20;

/** What a spool of a later part of the file (another thread's) holds, to append to this one (CellSpool.appendPart). */
export interface SpoolPart {
  path: string;
  kinds: Array<SpooledKind | null>;
  keys: string[][];
}

/** An appended part's file, with per spooled column the map from its text ids to this spool's (null: numbers). */
interface AppendedPart {
  path: string;
  ids: Array<Int32Array | null>;
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
  /** Spools of the parts of the file after this one's rows, in order. */
  private readonly parts: AppendedPart[] = [];

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
   * Appends the spool of the rows after this one's (read by another thread, finished): its texts get this spool's
   * ids (new ones numbered on, in its order of first appearance), as if one spool had taken every row. A column
   * holding numbers in one part and texts in the other, or too many texts together, abandons the spool.
   */
  appendPart(part: SpoolPart): void {
    if (!this.writer) return rmSync(part.path, { force: true });
    const ids: AppendedPart['ids'] = [];
    this.parts.push({ path: part.path, ids });
    for (let k = 0; k < this.columns.length; k++) {
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
  }

  abandon(): void {
    if (!this.writer) return;
    this.writer.abandon();
    this.writer = null;
    rmSync(this.path, { force: true });
    for (const part of this.parts) rmSync(part.path, { force: true });
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

  /**
   * The finished spool is the feature file as it is (plain numbers in plan order): appends the parts' files to it
   * (plain numbers too) and flushes it to disk.
   */
  syncToDisk(): void {
    const fd = openSync(this.path, 'a');
    try {
      const block = new Uint8Array(COPY_BYTES);
      for (const part of this.parts) {
        const input = openSync(part.path, 'r');
        try {
          for (let n = readSync(input, block); n > 0; n = readSync(input, block)) {
            for (let written = 0; written < n;) written += writeSync(fd, block, written, n - written);
          }
        } finally {
          closeSync(input);
        }
        rmSync(part.path, { force: true });
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Turns the finished spool (and its parts) into the feature file at `path` (rows of `rowWidth` float32 values,
   * one feature per spooled column in order), reading it back a block of rows at a time; the spool files are
   * removed. Each row written goes to `stats` too (the training statistics, so the feature file need not be read
   * again).
   */
  writeFeatures(features: readonly SpoolFeature[], rowWidth: number, stats?: TrainingStats): void {
    const cells = `${this.path}.cells`;
    renameSync(this.path, cells);
    const out = new Float32FileWriter(this.path);
    const inputs: AppendedPart[] = [{ path: cells, ids: this.columns.map(() => null) }, ...this.parts];
    try {
      let rows = 0;
      for (const input of inputs) rows = this.convert(input, rows, features, rowWidth, out, stats);
      out.close();
    } catch (error) {
      out.abandon();
      throw error;
    } finally {
      for (const input of inputs) rmSync(input.path, { force: true });
    }
  }

  /** Writes the rows of one spool file as features (its text ids through `input.ids`); returns the rows so far. */
  private convert(
    input: AppendedPart,
    rowsBefore: number,
    features: readonly SpoolFeature[],
    rowWidth: number,
    out: Float32FileWriter,
    stats: TrainingStats | undefined,
  ): number {
    const columns = this.columns.length;
    const fd = openSync(input.path, 'r');
    try {
      const block = new Float32Array(ROWS_PER_READ * columns);
      const bytes = new Uint8Array(block.buffer);
      const rows = new Float32Array(ROWS_PER_READ * rowWidth);
      // Per column: the feature's one-hot position of each of this file's text ids (null: a number).
      const position = features.map((f, k) => {
        if (!('remap' in f)) return null;
        const ids = input.ids[k];
        return ids ? Int32Array.from(ids, (id) => f.remap[id]) : f.remap;
      });
      let first = rowsBefore;
      for (;;) {
        let got = 0;
        for (let n = -1; n !== 0 && got < bytes.length; got += n)
          n = readSync(fd, bytes, got, bytes.length - got, null);
        if (got % (columns * 4) !== 0) throw new Error(`${input.path}: ${got} bytes is not a whole number of rows`);
        const count = got / (columns * 4);
        if (count === 0) break;
        rows.fill(0, 0, count * rowWidth);
        for (let r = 0; r < count; r++) {
          const from = r * columns;
          const to = r * rowWidth;
          for (let k = 0; k < columns; k++) {
            const at = position[k];
            if (at) rows[to + features[k].offset + at[block[from + k]]] = 1;
            else rows[to + features[k].offset] = block[from + k];
          }
          stats?.addRow(first + r, rows, to);
        }
        out.write(rows.subarray(0, count * rowWidth));
        first += count;
        if (count < ROWS_PER_READ) break;
      }
      return first;
    } finally {
      closeSync(fd);
    }
  }
}
