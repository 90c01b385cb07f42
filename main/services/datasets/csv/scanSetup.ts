// The first read's setup (scan.ts's ScanSetup) as the import and the preview make it, built in one place so that
// tests read a file exactly as the import does.
import type { CsvLayout } from './layout';
import { MAX_CATEGORIES, MAX_CLASSES, type MissingPolicy } from './options';
import type { ScanSetup } from './scan';
import { CellSpool } from './spool';

/** What the import decided before its first read. */
export interface ImportScanChoices {
  /** Per column: read as a feature or the label (false for excluded columns and the split column). */
  used: boolean[];
  labelIndex: number;
  splitIndex: number | null;
  missing: MissingPolicy;
  /** The file the kept rows' feature cells are spooled to (the features file of the import's temporary folder). */
  spoolPath: string;
  signal?: AbortSignal;
  onBytes?(bytes: number): void;
}

/** What every first read takes from the file's layout. */
function fromLayout(path: string, layout: CsvLayout) {
  return {
    path,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    names: layout.names,
    categoryCap: MAX_CATEGORIES,
    decimalComma: layout.decimalComma,
  };
}

/** The import's first read: profiles the used columns, numbers the labels, spools the features; a ragged row ends it. */
export function importScanSetup(
  path: string,
  layout: CsvLayout,
  choices: ImportScanChoices,
): ScanSetup & { spool: CellSpool } {
  const { used, labelIndex, missing } = choices;
  return {
    ...fromLayout(path, layout),
    used,
    labelIndex,
    splitIndex: choices.splitIndex,
    dropMissing: missing === 'drop-row',
    // Filling cannot invent a label: a missing one ends the import.
    labelRequired: missing !== 'drop-row',
    labelCap: MAX_CLASSES,
    ragged: 'throw',
    signal: choices.signal,
    onBytes: choices.onBytes,
    spool: new CellSpool(
      choices.spoolPath,
      layout.names.map((_, c) => c).filter((c) => used[c] && c !== labelIndex),
      MAX_CATEGORIES,
    ),
  };
}

/** The preview's read: every column profiled, no label, the first `firstRows` rows kept, ragged rows listed. */
export function previewScanSetup(
  path: string,
  layout: CsvLayout,
  choices: { firstRows: number; maxRows?: number; signal?: AbortSignal },
): ScanSetup {
  return {
    ...fromLayout(path, layout),
    used: layout.names.map(() => true),
    labelIndex: null,
    dropMissing: false,
    labelRequired: false,
    labelCap: 0,
    ragged: 'collect',
    firstRows: choices.firstRows,
    maxRows: choices.maxRows,
    signal: choices.signal,
  };
}
