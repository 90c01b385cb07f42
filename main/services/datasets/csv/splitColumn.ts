// A CSV column that says which split each row belongs to (train / validation / test), used instead of the seeded
// random split: the words it accepts, the column offered by default, and the split index files it gives.
import type { SplitIndices } from '../../../../engine/core/train/split';
import { CsvImportError } from './errors';

/** 0 train, 1 validation, 2 test: the order of DATASET_FILES.split and SplitIndices. */
export type SplitId = 0 | 1 | 2;
export const SPLIT_PARTS = ['train', 'validation', 'test'] as const;

/**
 * Compared case-insensitively after trimming. 'dev' and 'holdout' are the names of the validation and test sets in
 * common benchmark files; 'eval' is left out because tools use it for either.
 */
const SPLIT_WORDS = new Map<string, SplitId>([
  ['train', 0],
  ['training', 0],
  ['validation', 1],
  ['val', 1],
  ['valid', 1],
  ['validate', 1],
  ['dev', 1],
  ['test', 2],
  ['testing', 2],
  ['holdout', 2],
  ['hold-out', 2],
]);

/** The split a cell names, or null when it names none. */
export function splitOfCell(cell: string): SplitId | null {
  return SPLIT_WORDS.get(cell.trim().toLowerCase()) ?? null;
}

/** The column offered as the split column by default: one named literally `split` (any case, spaces trimmed). */
export function detectSplitColumn(names: string[]): string | null {
  return names.find((name) => name.trim().toLowerCase() === 'split') ?? null;
}

/** A split cell that names no split (or is empty), as an error naming the line, the column and the value. */
export function badSplitCell(file: string, column: string, cell: string, line: number): CsvImportError {
  return cell.trim() === ''
    ? new CsvImportError({ file, line }, 'split-cell-empty', { column })
    : new CsvImportError({ file, line }, 'split-cell-unknown', { column, value: JSON.stringify(cell) });
}

/**
 * The rows of each split, ascending (as splitIndices gives them), from one split id per kept row. The training split
 * must have rows; validation and test may be empty (training then has no validation metrics or early stopping).
 */
export function splitFromColumn(file: string, column: string, ids: Int32Array): SplitIndices {
  const sizes = [0, 0, 0];
  for (let r = 0; r < ids.length; r++) sizes[ids[r]]++;
  if (sizes[0] === 0) {
    throw new CsvImportError({ file }, 'split-no-train', {
      column,
      rows: ids.length,
      validation: sizes[1],
      test: sizes[2],
    });
  }
  const out = sizes.map((n) => new Int32Array(n));
  const filled = [0, 0, 0];
  for (let r = 0; r < ids.length; r++) {
    const s = ids[r];
    out[s][filled[s]++] = r;
  }
  return { train: out[0], validation: out[1], test: out[2] };
}
