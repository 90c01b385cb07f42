// The CSV import dialog's starting choices from a preview: which column is the label and which task it gives,
// and whether a dropped or chosen file looks like a table.
import type { CsvPreview, Task } from '../../../main/api/types';

export interface LabelChoice {
  label: string;
  task: Task;
}

/**
 * The last column that can be a label (the usual place for the target), else the last column; never the column
 * offered as the split column. The task is the one the importer would infer for it; a column it cannot read as a
 * label falls back to classification.
 */
export function defaultLabel(preview: CsvPreview): LabelChoice | null {
  const columns = preview.columns.filter((c) => c.name !== preview.splitColumn);
  if (columns.length === 0) return null;
  const usable =
    [...columns].reverse().find((c) => c.labelTask !== null && c.problem === null) ??
    [...columns].reverse().find((c) => c.labelTask !== null) ??
    columns[columns.length - 1];
  return { label: usable.name, task: usable.labelTask ?? 'classification' };
}

/** The task a column gives as the label (when the user picks another label column). */
export function taskForColumn(preview: CsvPreview, name: string): Task {
  return preview.columns.find((c) => c.name === name)?.labelTask ?? 'classification';
}

const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt'];

export function isTableFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Numbers in the column table: short, but exact enough to see the scale. */
export function formatStat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
