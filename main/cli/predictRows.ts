// Turns rows of a CSV file into the model's input features exactly as the importer encoded the training table:
// number columns as numbers, category columns one-hot over the categories seen in training (`column=value`
// feature names). A cell that cannot be encoded is an error naming the row, line and column.
import { basename } from 'node:path';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { csvColumnsFromFeatureNames, type CsvFeatureColumn } from '../../engine/core/export';
import { fitsFloat32, isMissing, parseNumber, quoted } from '../services/datasets/csv/values';
import { CliError, type CliErrorCode } from './errorWords';

/** Where a cell is: the data row (1-based, header excluded) and the line of the file it starts on. */
export interface CellPlace {
  row: number;
  line: number;
}

/** A row or cell of a file to predict on that cannot be encoded: worded in the terminal's language (errorWords.ts). */
export class PredictInputError extends CliError {
  constructor(
    file: string,
    place: CellPlace,
    code: Extract<CliErrorCode, `cell-${string}` | `row-${string}`>,
    values: Record<string, string | number> = {},
  ) {
    super(code, { file: basename(file), row: place.row, line: place.line, ...values });
    this.name = 'PredictInputError';
  }
}

interface BoundColumn {
  column: CsvFeatureColumn;
  /** Position in the file's header. */
  index: number;
  /** Offset of its first feature. */
  offset: number;
  lookup: Map<string, number> | null;
}

export interface RowEncoder {
  /** Features per row (the model's input size). */
  width: number;
  /** The header position of the label column, when the file has one (it is not a feature; predictions are scored against it). */
  labelIndex: number | null;
  /** Writes the row's features at `out[offset ..]`. */
  encode(fields: readonly string[], place: CellPlace, out: Float32Array, offset: number): void;
}

/** The header position of `name`: exact, else ignoring case and surrounding spaces (as the importer matches). */
export function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const loose = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === loose);
}

/** `values` listed as `key` by listed() for an error's words, the count of more beside it ('<key>.more', nameLists.ts). */
export function listedValues(key: string, values: readonly string[], max = 8): Record<string, string | number> {
  const shown = listed(values.slice(0, max), max);
  return values.length > max ? { [key]: shown, [`${key}.more`]: values.length - max } : { [key]: shown };
}

export function listed(values: readonly string[], max = 8): string {
  const shown = values
    .slice(0, max)
    .map((v) => `'${v}'`)
    .join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/** A number cell's value; empty, non-numeric or beyond float32, an error naming the row and column. */
export function numberCell(
  file: string,
  place: CellPlace,
  column: string,
  cell: string,
  decimalComma: boolean,
): number {
  if (isMissing(cell)) throw new PredictInputError(file, place, 'cell-empty-number', { column });
  const value = parseNumber(cell.trim(), decimalComma);
  if (Number.isNaN(value))
    throw new PredictInputError(file, place, 'cell-not-number', { column, value: quoted(cell.trim()) });
  if (!fitsFloat32(value))
    throw new PredictInputError(file, place, 'cell-beyond-float32', { column, value: cell.trim() });
  return value;
}

export function rowEncoder(
  file: string,
  header: readonly string[],
  manifest: DatasetManifest,
  decimalComma: boolean,
): RowEncoder {
  if (!manifest.featureNames) {
    throw new CliError('not-a-table', { dataset: manifest.name, shape: manifest.featureShape.join('×') });
  }
  const columns = csvColumnsFromFeatureNames(manifest.featureNames);
  const missing = columns.filter((c) => findColumn(header, c.name) < 0).map((c) => c.name);
  if (missing.length > 0) {
    throw new CliError(missing.length === 1 ? 'no-column' : 'no-columns', {
      file: basename(file),
      ...listedValues('missing', missing),
      ...listedValues(
        'columns',
        columns.map((c) => c.name),
        20,
      ),
      ...listedValues('header', [...header], 20),
    });
  }
  let offset = 0;
  const bound: BoundColumn[] = columns.map((column) => {
    const b: BoundColumn = {
      column,
      index: findColumn(header, column.name),
      offset,
      lookup: column.type === 'category' ? new Map(column.categories.map((c, k) => [c, k])) : null,
    };
    offset += column.type === 'category' ? column.categories.length : 1;
    return b;
  });
  const width = offset;
  const labelName = manifest.table?.labelColumn;
  const labelIndex = labelName === undefined ? -1 : findColumn(header, labelName);

  return {
    width,
    labelIndex: labelIndex >= 0 ? labelIndex : null,
    encode(fields, place, out, at) {
      if (fields.length !== header.length) {
        throw new PredictInputError(file, place, 'row-fields-header', { fields: fields.length, header: header.length });
      }
      for (const { column, index, offset: first, lookup } of bound) {
        const cell = fields[index];
        if (column.type === 'number') {
          out[at + first] = numberCell(file, place, column.name, cell, decimalComma);
          continue;
        }
        const categories = column.categories;
        if (isMissing(cell)) {
          throw new PredictInputError(file, place, 'cell-empty-category', {
            column: column.name,
            ...listedValues('categories', categories),
          });
        }
        const k = lookup!.get(cell.trim());
        if (k === undefined) {
          throw new PredictInputError(file, place, 'cell-unknown-category', {
            column: column.name,
            value: quoted(cell.trim()),
            ...listedValues('categories', categories),
          });
        }
        out.fill(0, at + first, at + first + categories.length);
        out[at + first + k] = 1;
      }
    },
  };
}
