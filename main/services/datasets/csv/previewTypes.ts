// What a CSV preview holds (types only, free of Node imports so the renderer can use them through StudioApi).
import type { Task } from '../../../../engine/core/data/dataset';
import type { CsvColumnProblem, CsvPreviewProblem } from '../../../api/csvPreviewProblems';

/** How the file's bytes were read as text. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ColumnPreview {
  index: number;
  name: string;
  /** 'empty': every cell is missing. A column with a problem gets the type it would mostly have. */
  type: 'numeric' | 'categorical' | 'empty';
  missing: number;
  /** Cells holding numbers, and holding text. */
  numbers: number;
  texts: number;
  /** Over the numeric cells; population std. */
  stats: { min: number; max: number; mean: number; std: number } | null;
  /** Most frequent values first (up to 10), counted among the first MAX_CATEGORIES + 1 distinct values. */
  topValues: Array<{ value: string; count: number }>;
  /** Distinct values seen; `distinctCapped` when there are more than this. */
  distinct: number;
  distinctCapped: boolean;
  /** The task this column would give as the label (the importer's default rule). */
  labelTask: Task | null;
  /** Why the column cannot be a feature as it is (stray text in numbers, too many categories), if so. */
  problem: CsvColumnProblem | null;
}

export interface CsvPreview {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  hasHeader: boolean;
  columns: ColumnPreview[];
  /** The first data rows, as text. */
  rows: string[][];
  /** Data rows looked at, and whether that was the whole file. */
  rowCount: number;
  complete: boolean;
  /** Problems of the file itself (rows with the wrong number of fields, a byte that is not UTF-8), the first few. */
  problems: CsvPreviewProblem[];
  /** The column offered as the split column (one named `split`), or null: the dialog's default choice. */
  splitColumn: string | null;
}
