// Rows for a run imported from a model file, which has no dataset: the model's input size and what its outputs
// mean come from its graph, and a CSV's number columns (all of them, or those named by --columns) are the
// features in order. The engine applies the standardization the import recorded, as for a trained run.
import { basename } from 'node:path';
import type { CsvLayout } from '../services/datasets/csv/layout';
import { isMissing, parseNumber } from '../services/datasets/csv/values';
import type { Run } from '../services/store/types';
import { importedGraph } from '../services/studio/importedGraph';
import { optionalString, type ParsedArgs } from './args';
import type { OutputMeaning } from './predictOutput';
import { findColumn, listedValues, numberCell, PredictInputError, type RowEncoder } from './predictRows';
import { CliError } from './errorWords';

export interface ImportedModel {
  /** Features per row the model takes ([N] input). */
  width: number;
  meaning: OutputMeaning;
}

/** The input width and output meaning of an imported run's graph; image-shaped inputs are refused by name. */
export function importedModel(run: Run): ImportedModel {
  const { input, task, outputNames } = importedGraph(run);
  if (input.length !== 1) {
    throw new CliError('imported-takes-images', { run: run.name, shape: input.join('×') });
  }
  const meaning: OutputMeaning =
    task === 'regression' ? { task, targetNames: outputNames } : { task, classNames: outputNames };
  return { width: input[0], meaning };
}

/** Columns whose sample cells (the header left out) are all numbers or empty, with at least one number. */
function numberColumns(layout: CsvLayout): number[] {
  const records = layout.sample.slice(layout.hasHeader ? 1 : 0);
  return layout.names
    .map((_, c) => c)
    .filter((c) => {
      const cells = records.map((r) => r.fields[c] ?? '').filter((cell) => !isMissing(cell));
      return cells.length > 0 && cells.every((cell) => !Number.isNaN(parseNumber(cell.trim(), layout.decimalComma)));
    });
}

/**
 * The encoder for an imported run: `columns` (names, in order) or else every number column but the label, which
 * must come to exactly `width` features.
 */
export function numericRowEncoder(
  file: string,
  layout: CsvLayout,
  width: number,
  choice: { columns?: string[]; label?: string },
): RowEncoder {
  const header = layout.names;
  const place = (name: string, what: 'label' | 'feature') => {
    const index = findColumn(header, name);
    if (index < 0)
      throw new CliError(`no-${what}-column`, {
        file: basename(file),
        column: name,
        ...listedValues('columns', header, 20),
      });
    return index;
  };
  const labelIndex = choice.label === undefined ? null : place(choice.label, 'label');
  const indices = choice.columns
    ? choice.columns.map((name) => place(name, 'feature'))
    : numberColumns(layout).filter((c) => c !== labelIndex);
  if (labelIndex !== null && indices.includes(labelIndex))
    throw new CliError('label-is-feature', { file: basename(file), column: header[labelIndex] });
  if (indices.length !== width) {
    const values = { file: basename(file), width, count: indices.length };
    const code = choice.columns ? 'columns-named-count' : 'number-columns-count';
    if (indices.length === 0) throw new CliError(code, values, { en: { named: 'none' }, zh: { named: '无' } });
    const named = listedValues(
      'named',
      indices.map((c) => header[c]),
      20,
    );
    throw new CliError(code, { ...values, ...named });
  }
  return {
    width,
    labelIndex,
    encode(fields, at, out, offset) {
      if (fields.length !== header.length)
        throw new PredictInputError(file, at, 'row-fields-first-row', { fields: fields.length, header: header.length });
      for (let k = 0; k < width; k++)
        out[offset + k] = numberCell(file, at, header[indices[k]], fields[indices[k]], layout.decimalComma);
    },
  };
}

/** --columns a,b,… and --label COLUMN as given. */
export function columnChoice(args: ParsedArgs): { columns?: string[]; label?: string } {
  const columns = optionalString(args, 'columns');
  return {
    ...(columns !== undefined ? { columns: columns.split(',').map((c) => c.trim()) } : {}),
    ...(args.options.has('label') ? { label: optionalString(args, 'label') } : {}),
  };
}
