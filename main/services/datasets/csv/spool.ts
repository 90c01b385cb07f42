// The first read's copy of a purely numeric table: each kept row's feature cells as float32, in column order (the
// label, split and excluded columns left out), written while the row is profiled. When the plan then takes every
// one of those columns as a numeric feature and nothing needs filling, this file is the dataset's feature file and
// the second read of the CSV (parsing every cell again) is skipped. The first cell that is not a plain number
// (text, a missing value, a quoted line) abandons it, and the import reads the file twice as before.
import { rmSync } from 'node:fs';
import { Float32FileWriter } from './binaryFile';

export class NumericSpool {
  private writer: Float32FileWriter | null;
  private readonly row: Float32Array;

  /** `columns`: the CSV columns of the features, in order. */
  constructor(
    readonly path: string,
    readonly columns: readonly number[],
  ) {
    this.writer = new Float32FileWriter(path);
    this.row = new Float32Array(columns.length);
  }

  get active(): boolean {
    return this.writer !== null;
  }

  /** Appends a kept row from its cells' plain numbers by column (NaN: not a plain number, which abandons). */
  add(values: Float64Array): void {
    if (!this.writer) return;
    const { columns, row } = this;
    for (let k = 0; k < columns.length; k++) {
      const value = values[columns[k]];
      if (value !== value) {
        this.abandon();
        return;
      }
      row[k] = value;
    }
    this.writer.write(row);
  }

  abandon(): void {
    if (!this.writer) return;
    this.writer.abandon();
    this.writer = null;
    rmSync(this.path, { force: true });
  }

  /** Flushes and closes the file; true when it holds every kept row. */
  finish(): boolean {
    if (!this.writer) return false;
    this.writer.close();
    this.writer = null;
    return true;
  }
}
