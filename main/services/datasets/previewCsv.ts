// What the import dialog shows before anything is written: the detected delimiter and header, the first rows,
// and per column its inferred type, missing cells, statistics, frequent values and problems.
import { resolve } from 'node:path';
import type { Task } from '../../../engine/core/data/dataset';
import { CsvImportError } from './csv/errors';
import { readLayout } from './csv/layout';
import { MAX_INTEGER_CLASSES } from './csv/options';
import { decideFeature } from './csv/plan';
import type { ColumnProfile } from './csv/profile';
import { invalidByteNote } from './csv/reader';
import { scanCsv } from './csv/scan';
import { previewScanSetup } from './csv/scanSetup';
import { detectSplitColumn } from './csv/splitColumn';

export type { ColumnPreview, CsvPreview } from './csv/previewTypes';
import type { ColumnPreview, CsvPreview } from './csv/previewTypes';
import type { CsvColumnProblem, CsvPreviewProblem } from '../../api/csvPreviewProblems';
import { raggedRowCode } from '../../api/csvImportProblems';

export interface PreviewOptions {
  /** First data rows to return. Default 20. */
  rows?: number;
  delimiter?: string;
  hasHeader?: boolean;
  /** Look at only this many data rows (for a quick look at a huge file). Default: the whole file. */
  maxRows?: number;
  signal?: AbortSignal;
}

function labelTaskOf(p: ColumnProfile): Task | null {
  if (p.present === 0) return null;
  if (p.texts > 0) return 'classification';
  return p.integerValued && !p.numberValuesOverflow && p.numberValues.size <= MAX_INTEGER_CLASSES
    ? 'classification'
    : 'regression';
}

function describe(file: string, p: ColumnProfile): ColumnPreview {
  let type: ColumnPreview['type'] = 'empty';
  let problem: CsvColumnProblem | null = null;
  if (p.present > 0) {
    try {
      type = decideFeature(file, p, false);
    } catch (error) {
      if (!(error instanceof CsvImportError)) throw error;
      problem = { code: error.code, values: error.params };
      type = p.texts < p.numbers ? 'numeric' : 'categorical';
    }
  }
  const topValues = [...p.distinct]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([value, count]) => ({ value, count }));
  return {
    index: p.index,
    name: p.name,
    type,
    missing: p.missing,
    numbers: p.numbers,
    texts: p.texts,
    stats: p.numbers ? { min: p.min, max: p.max, mean: p.mean, std: p.std } : null,
    topValues,
    distinct: p.distinct.size,
    distinctCapped: p.distinctOverflow,
    labelTask: labelTaskOf(p),
    problem,
  };
}

export async function previewCsv(csvPath: string, options: PreviewOptions = {}): Promise<CsvPreview> {
  const path = resolve(csvPath);
  const layout = readLayout(path, { delimiter: options.delimiter, hasHeader: options.hasHeader });
  const scan = await scanCsv(
    previewScanSetup(path, layout, { firstRows: options.rows ?? 20, maxRows: options.maxRows, signal: options.signal }),
  );
  const expected = layout.names.length;
  const problems: CsvPreviewProblem[] = scan.raggedRows.map((r) => ({
    source: 'row',
    code: raggedRowCode(r.fields),
    values: { line: r.line, fields: r.fields, expected },
  }));
  if (scan.raggedCount > scan.raggedRows.length) {
    const count = scan.raggedCount - scan.raggedRows.length;
    problems.push({ source: 'preview', code: 'more-ragged-rows', values: { count } });
  }
  if (scan.invalidByte) problems.push({ source: 'encoding', ...invalidByteNote(path, scan.invalidByte) });
  return {
    file: path,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    columns: scan.profiles.map((p) => describe(path, p!)),
    rows: scan.firstRows.map((r) => r.fields),
    rowCount: scan.dataRows,
    complete: scan.complete,
    problems,
    splitColumn: detectSplitColumn(layout.names),
  };
}
