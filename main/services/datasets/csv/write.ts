// The second read of a CSV: writes each kept row's raw features (missing cells as NaN, filled later) and its
// regression target, and tallies the training rows' values of columns that have missing cells to fill.
import { join } from 'node:path';
import { DATASET_FILES } from '../../../../engine/core/data/dataset';
import { Float32FileWriter } from './binaryFile';
import { CsvImportError } from './errors';
import type { FeatureColumn, ImportPlan } from './plan';
import { streamCsv, type TextEncoding } from './reader';
import { cellEnd, isMissing, parseNumber, readCell } from './values';

/** Distinct values counted per numeric column for 'fill-most-frequent'; a column past this is continuous and its
 * mode is taken among the first values seen (use 'fill-mean' for such columns). */
const MAX_COUNTED_NUMBERS = 1 << 16;

/** What the training rows hold in one column with missing cells: enough for its mean or most frequent value. */
export interface FillTally {
  sum: number;
  count: number;
  /** Numeric column: value → count. */
  numberCounts: Map<number, number>;
  /** Categorical column: count per category (in the column's category order). */
  categoryCounts: Float64Array;
}

export interface WriteSetup {
  path: string;
  encoding: TextEncoding;
  delimiter: string;
  hasHeader: boolean;
  columnCount: number;
  plan: ImportPlan;
  /** Columns whose missing cells drop a row (features and label) under 'drop-row'; empty otherwise. */
  dropOnMissing: number[];
  decimalComma: boolean;
  /** 1 for kept rows in the training split. */
  isTrain: Uint8Array;
  /** Kept rows the first read counted. */
  expectedRows: number;
  /** Per feature column (plan order): it has missing cells to fill. */
  needsFill: boolean[];
  folder: string;
  signal?: AbortSignal;
  onBytes?(bytes: number): void;
}

export interface WriteResult {
  sha256: string;
  /** Per feature column (plan order), the training tally; null where nothing is filled. */
  tallies: Array<FillTally | null>;
}

function fileChanged(file: string, line?: number): CsvImportError {
  return new CsvImportError({ file, line }, 'file-changed', {});
}

export async function writeRows(setup: WriteSetup): Promise<WriteResult> {
  const { path, plan, isTrain, decimalComma } = setup;
  const featureSize = plan.featureNames.length;
  const features = new Float32FileWriter(join(setup.folder, DATASET_FILES.features));
  const regression = plan.label.task === 'regression';
  const targets = regression ? new Float32FileWriter(join(setup.folder, DATASET_FILES.targets)) : null;
  const row = new Float32Array(featureSize);
  const target = new Float32Array(1);
  const tallies = plan.features.map((f, k): FillTally | null =>
    setup.needsFill[k]
      ? {
          sum: 0,
          count: 0,
          numberCounts: new Map(),
          categoryCounts: new Float64Array(f.kind === 'categorical' ? f.categories.length : 0),
        }
      : null,
  );
  let seenHeader = !setup.hasHeader;
  let kept = 0;

  const writeNumber = (f: FeatureColumn, value: number, tally: FillTally | null, training: boolean) => {
    row[f.offset] = value;
    if (tally && training) {
      tally.sum += value;
      tally.count++;
      const seen = tally.numberCounts.get(value);
      if (seen !== undefined) tally.numberCounts.set(value, seen + 1);
      else if (tally.numberCounts.size < MAX_COUNTED_NUMBERS) tally.numberCounts.set(value, 1);
    }
  };

  const writeFeature = (f: FeatureColumn, cell: string, line: number, tally: FillTally | null, training: boolean) => {
    const missing = isMissing(cell);
    if (f.kind === 'numeric') {
      if (missing) {
        row[f.offset] = Number.NaN;
        return;
      }
      const value = parseNumber(cell.trim(), decimalComma);
      if (Number.isNaN(value)) throw fileChanged(path, line);
      writeNumber(f, value, tally, training);
      return;
    }
    const width = f.categories.length;
    if (missing) {
      row.fill(Number.NaN, f.offset, f.offset + width); // marks the group for filling
      return;
    }
    const k = f.lookup.get(cell.trim());
    if (k === undefined) throw fileChanged(path, line);
    row.fill(0, f.offset, f.offset + width);
    row[f.offset + k] = 1;
    if (tally && training) {
      tally.categoryCounts[k]++;
      tally.count++;
    }
  };

  const onRecord = (fields: string[], line: number) => {
    if (!seenHeader) {
      seenHeader = true;
      return;
    }
    if (fields.length !== setup.columnCount) throw fileChanged(path, line);
    for (const c of setup.dropOnMissing) if (isMissing(fields[c])) return;
    if (kept >= setup.expectedRows) throw fileChanged(path, line);
    const training = isTrain[kept] === 1;
    for (let k = 0; k < plan.features.length; k++)
      writeFeature(plan.features[k], fields[plan.features[k].index], line, tallies[k], training);
    features.write(row);
    if (targets) {
      const value = parseNumber(fields[plan.label.index].trim(), decimalComma);
      if (Number.isNaN(value)) throw fileChanged(path, line);
      target[0] = value;
      targets.write(target);
    }
    kept++;
  };

  // Per column: the feature it feeds (its index in plan.features), LABEL, or SKIP (excluded, split column).
  const LABEL = -1;
  const SKIP = -2;
  const roles = new Int32Array(setup.columnCount).fill(SKIP);
  plan.features.forEach((f, k) => {
    roles[f.index] = k;
  });
  roles[plan.label.index] = LABEL;
  const dropRow = setup.dropOnMissing.length > 0; // every used column drops its row when missing ('drop-row')
  const delimiter = setup.delimiter;
  const delimiterCode = delimiter.charCodeAt(0);

  /**
   * onRecord for a quote-free line, reading each cell in place: a plain number costs no string. Anything else
   * (text, a category, spaces, a missing cell) is sliced and goes the way onRecord takes it, so both write the same.
   */
  const onLine = (text: string, start: number, end: number, line: number) => {
    if (!seenHeader) {
      onRecord(text.slice(start, end).split(delimiter), line);
      return;
    }
    const training = isTrain[kept] === 1;
    // Imported bindings as locals: read through the module's bindings in the loop, the per-cell call took twice
    // as long (V8 neither inlined it nor kept cellEnd in a register).
    const read = readCell;
    const endOf = cellEnd;
    let at = start;
    for (let c = 0; c < roles.length; c++) {
      const plain = read(text, at, end, delimiterCode);
      const stop = endOf.at;
      if ((stop === end) !== (c === roles.length - 1)) throw fileChanged(path, line); // too few or too many fields
      const role = roles[c];
      if (role >= 0) {
        const f = plan.features[role];
        const value = f.kind === 'numeric' ? plain : Number.NaN;
        if (value === value) {
          writeNumber(f, value, tallies[role], training);
        } else {
          const cell = text.slice(at, stop);
          if (dropRow && isMissing(cell)) return;
          writeFeature(f, cell, line, tallies[role], training);
        }
      } else if (role === LABEL) {
        let value = plain;
        if (value !== value) {
          const cell = text.slice(at, stop);
          if (dropRow && isMissing(cell)) return;
          if (targets) value = parseNumber(cell.trim(), decimalComma);
        }
        if (targets) {
          if (Number.isNaN(value)) throw fileChanged(path, line);
          target[0] = value;
        }
      }
      at = stop + 1;
    }
    if (kept >= setup.expectedRows) throw fileChanged(path, line);
    features.write(row);
    targets?.write(target);
    kept++;
  };

  try {
    const { sha256 } = await streamCsv(path, {
      encoding: setup.encoding,
      delimiter: setup.delimiter,
      onRecord,
      onLine,
      signal: setup.signal,
      onBytes: setup.onBytes,
    });
    if (kept !== setup.expectedRows) throw fileChanged(path);
    features.close();
    targets?.close();
    return { sha256: sha256!, tallies };
  } catch (error) {
    features.abandon();
    targets?.abandon();
    throw error;
  }
}
