// The first read's work per row: profiles the used columns, drops rows with missing cells when asked, numbers the
// label values of the kept rows, spools the kept rows' features, and stops at the first ragged row (import) or
// lists them (preview). One per thread reading a part of the file; scan.ts streams the file through it.
import type { SampleRecord } from './detect';
import { CsvImportError } from './errors';
import type { LineHandler, RecordHandler } from './parser';
import { ColumnProfile, type CellAt } from './profile';
import { StopReading } from './reader';
import type { CellSpool } from './spool';
import { badSplitCell, splitOfCell } from './splitColumn';
import { cellEnd, isMissing, isMissingTrimmedRange, isTrimmedRange, plainNumber, readCell } from './values';
import { raggedRowCode } from '../../../api/csvImportProblems';

/** What the per-row work needs to know (the first read's setup without the streaming). */
export interface RowScanSetup {
  path: string;
  delimiter: string;
  hasHeader: boolean;
  names: string[];
  /** Columns to profile; the others are not looked at (excluded columns). */
  used: boolean[];
  labelIndex: number | null;
  /** The column naming each row's split (train / validation / test), not profiled; every row must name one. */
  splitIndex?: number | null;
  /** Skip rows with a missing cell in a used column (the 'drop-row' policy). */
  dropMissing: boolean;
  /** A missing label ends the import (fill policies cannot invent labels). */
  labelRequired: boolean;
  categoryCap: number;
  labelCap: number;
  decimalComma: boolean;
  ragged: 'throw' | 'collect';
  /** Keep this many first data rows as they are (preview). */
  firstRows?: number;
  /** Stop after this many data rows (preview of a large file). */
  maxRows?: number;
  /** Import only: kept rows' feature cells go here too (see spool.ts); the scan finishes or abandons it. */
  spool?: CellSpool;
}

/** The rows read so far. */
export interface RowScanCounts {
  profiles: Array<ColumnProfile | null>;
  /** Data rows read (the header not counted). */
  dataRows: number;
  keptRows: number;
  droppedRows: number;
  /** Per column (dropMissing): the dropped rows missing a cell there, so an error can name the emptiest columns. */
  droppedFor: number[];
  /**
   * For each kept row, its label's index in labelKeys; null without a label column, or once the label had more
   * than labelCap + 1 distinct cells (too many for classes; a regression target needs no ids).
   */
  labelIds: RowValues | null;
  /** Distinct trimmed label cells in order of first appearance (up to labelCap + 1). */
  labelKeys: string[];
  /** For each kept row, its split (0 train, 1 validation, 2 test); null without a split column. */
  splitIds: RowValues | null;
  firstRows: SampleRecord[];
  /** Rows whose field count differs from the header's ('collect' mode), the first few. */
  raggedRows: Array<CellAt & { fields: number }>;
  raggedCount: number;
  /** The header was read (or the file has none). */
  seenHeader: boolean;
  /** maxRows stopped the read. */
  stoppedEarly: boolean;
}

export interface RowScan {
  onRecord: RecordHandler;
  onLine: LineHandler;
  counts(): RowScanCounts;
}

/**
 * Small whole numbers (< 65536) per row in fixed blocks of 2 bytes each: no doubling copies, so millions of rows
 * cost 2 bytes each and nothing more.
 */
export class RowValues {
  private static readonly BLOCK = 1 << 16;
  private readonly blocks: Uint16Array[] = [];
  length = 0;
  push(value: number): void {
    const at = this.length % RowValues.BLOCK;
    if (at === 0) this.blocks.push(new Uint16Array(RowValues.BLOCK));
    this.blocks[this.blocks.length - 1][at] = value;
    this.length++;
  }
  /** out[r] = table[value of row r]. */
  mapInto(table: Int32Array, out: Int32Array): void {
    let r = 0;
    for (const block of this.blocks) {
      const end = Math.min(block.length, this.length - r);
      for (let k = 0; k < end; k++) out[r++] = table[block[k]];
    }
  }
  /** The values as plain data, for another thread (structured clone). */
  toData(): { blocks: Uint16Array[]; length: number } {
    return { blocks: this.blocks, length: this.length };
  }
  /** Appends the values of `data` (toData of another), each through `table` when given. */
  append(data: { blocks: Uint16Array[]; length: number }, table?: ArrayLike<number>): void {
    let r = 0;
    for (const block of data.blocks) {
      const end = Math.min(block.length, data.length - r);
      for (let k = 0; k < end; k++, r++) this.push(table ? table[block[k]] : block[k]);
    }
  }
}

const MAX_RAGGED_LISTED = 5;

/** How onLine holds a cell of a line: a plain number only, a range to find among the distinct cells, or a string. */
const enum CellForm {
  Number,
  Range,
  Text,
}

/**
 * The per-row part of the first read, for a range of lines starting at a record: `seenHeader` when the range
 * starts past the header (a later part of the file). Handlers for the tokenizer, and the result so far.
 */
export function rowScan(setup: RowScanSetup, seenHeaderAtStart: boolean): RowScan {
  const { path, names, used, labelIndex } = setup;
  const columns = names.length;
  const profiles = names.map((name, c) =>
    used[c]
      ? new ColumnProfile(c, name, c === labelIndex ? setup.labelCap + 1 : setup.categoryCap + 1, setup.decimalComma)
      : null,
  );
  const usedColumns = profiles.filter((p): p is ColumnProfile => p !== null);
  if (setup.labelCap + 1 >= 1 << 16)
    throw new Error(`scanCsv: labelCap ${setup.labelCap} is too large for 16-bit label ids`);
  let labelIds = labelIndex === null ? null : new RowValues();
  const splitIndex = setup.splitIndex ?? null;
  const splitIds = splitIndex === null ? null : new RowValues();
  const labelIdOf = new Map<string, number>();
  const labelKeys: string[] = [];
  const firstRows: SampleRecord[] = [];
  const raggedRows: RowScanCounts['raggedRows'] = [];
  let raggedCount = 0;
  let seenHeader = seenHeaderAtStart || !setup.hasHeader;
  let dataRows = 0;
  let keptRows = 0;
  let droppedRows = 0;
  const droppedFor = names.map(() => 0);
  let stoppedEarly = false;

  const onRecord = (fields: string[], line: number) => {
    if (!seenHeader) {
      seenHeader = true;
      return;
    }
    if (setup.maxRows !== undefined && dataRows >= setup.maxRows) {
      stoppedEarly = true;
      throw new StopReading();
    }
    dataRows++;
    if (fields.length !== columns) {
      if (setup.ragged === 'throw')
        throw new CsvImportError({ file: path, line }, raggedRowCode(fields.length), {
          fields: fields.length,
          expected: columns,
        });
      raggedCount++;
      if (raggedRows.length < MAX_RAGGED_LISTED)
        raggedRows.push({ line, value: fields.join(setup.delimiter), fields: fields.length });
      return;
    }
    if (setup.firstRows !== undefined && firstRows.length < setup.firstRows) firstRows.push({ fields, line });
    // Checked on every row, dropped or not: a typo in the split column is worth knowing about either way.
    const split = splitIndex === null ? 0 : splitOfCell(fields[splitIndex]);
    if (split === null) throw badSplitCell(path, names[splitIndex!], fields[splitIndex!], line);
    if (labelIndex !== null && setup.labelRequired && isMissing(fields[labelIndex])) {
      throw new CsvImportError({ file: path, line }, 'label-cell-missing', {
        column: names[labelIndex],
        value: JSON.stringify(fields[labelIndex]),
      });
    }
    if (setup.dropMissing) {
      let missing = false;
      for (const p of usedColumns)
        if (isMissing(fields[p.index])) {
          missing = true;
          droppedFor[p.index]++;
        }
      if (missing) {
        droppedRows++;
        return;
      }
      for (const p of usedColumns) p.addPresent(fields[p.index], line);
    } else {
      for (const p of usedColumns) p.add(fields[p.index], line);
    }
    if (setup.spool?.active) {
      // Lines onLine does not take (quotes, or cut by a chunk's end): the same plain-number reading of each cell.
      for (const c of setup.spool.columns) values[c] = plainNumber(fields[c], 0, fields[c].length);
      setup.spool.add(values, fields);
    }
    keptRows++;
    splitIds?.push(split);
    if (labelIds && labelIndex !== null) numberLabel(fields[labelIndex]);
  };

  /** Gives a kept row's label its id (order of first appearance). */
  const numberLabel = (cell: string) => {
    // A cell equal to a known key is that key (keys are trimmed): the cells of a line are mostly the profile's
    // strings, one per distinct text, whose hash is already computed.
    let id = labelIdOf.get(cell);
    const key = id === undefined ? cell.trim() : cell;
    if (id === undefined) id = labelIdOf.get(key);
    if (id === undefined) {
      if (labelKeys.length > setup.labelCap) {
        labelIds = null; // too many distinct labels for classes: stop numbering them
        return;
      }
      id = labelKeys.length;
      labelIdOf.set(key, id);
      labelKeys.push(key);
    }
    labelIds!.push(id);
  };

  // Per column, for onLine: the profile of a used column, and whether its text is always needed (label, split).
  const profileAt = profiles;
  const alwaysText = names.map((_, c) => c === labelIndex || c === splitIndex);
  const cells: Array<string | null> = names.map(() => null);
  const values = new Float64Array(columns);
  // Per column of the current line (onLine): how its cell is held, and where a Range cell starts and ends.
  const forms = new Uint8Array(columns);
  const starts = new Int32Array(columns);
  const stops = new Int32Array(columns);
  // Per column of the current line: the profile's id of its cell's text (-1: none), for the spool.
  const textIds = new Int32Array(columns);
  const delimiterCode = setup.delimiter.charCodeAt(0);
  /**
   * onRecord for a quote-free line of an import (not a preview, which keeps rows and lists ragged ones), reading
   * plain numbers in place: a cell becomes a string only when something needs its text, and a trimmed cell of a
   * profiled column is looked up among the column's distinct cells by its characters (a string per distinct text,
   * not per cell) while they are counted. Same results as onRecord.
   */
  const onLine = (text: string, start: number, end: number, line: number) => {
    if (!seenHeader || setup.ragged !== 'throw' || setup.firstRows !== undefined || setup.maxRows !== undefined) {
      onRecord(text.slice(start, end).split(setup.delimiter), line);
      return;
    }
    dataRows++;
    // Imported bindings as locals: read through the module's bindings in the loop, the per-cell call took twice
    // as long (V8 neither inlined it nor kept cellEnd in a register).
    const read = readCell;
    const endOf = cellEnd;
    let at = start;
    for (let c = 0; c < columns; c++) {
      const plain = read(text, at, end, delimiterCode);
      const stop = endOf.at;
      if ((stop === end) !== (c === columns - 1)) {
        dataRows--;
        onRecord(text.slice(start, end).split(setup.delimiter), line);
        return;
      }
      const p = profileAt[c];
      if (p || alwaysText[c]) {
        const value = p && !alwaysText[c] ? plain : Number.NaN;
        values[c] = value;
        cells[c] = null;
        if (value === value && !p!.wantsText) {
          forms[c] = CellForm.Number;
        } else if (p?.wantsText && isTrimmedRange(text, at, stop) && !isMissingTrimmedRange(text, at, stop)) {
          forms[c] = CellForm.Range;
          starts[c] = at;
          stops[c] = stop;
        } else {
          forms[c] = CellForm.Text;
          cells[c] = text.slice(at, stop);
        }
      }
      at = stop + 1;
    }
    const split = splitIndex === null ? 0 : splitOfCell(cells[splitIndex]!);
    if (split === null) throw badSplitCell(path, names[splitIndex!], cells[splitIndex!]!, line);
    if (
      labelIndex !== null &&
      setup.labelRequired &&
      forms[labelIndex] === CellForm.Text &&
      isMissing(cells[labelIndex]!)
    ) {
      onRecord(text.slice(start, end).split(setup.delimiter), line); // throws the same error, worded once
      return;
    }
    if (setup.dropMissing) {
      let missing = false;
      for (const p of usedColumns) {
        if (forms[p.index] === CellForm.Text && isMissing(cells[p.index]!)) {
          missing = true;
          droppedFor[p.index]++;
        }
      }
      if (missing) {
        droppedRows++;
        return;
      }
    }
    for (const p of usedColumns) {
      const c = p.index;
      const form = forms[c];
      textIds[c] = -1;
      if (form === CellForm.Number) {
        p.addPlainNumber(values[c], line);
      } else if (form === CellForm.Range) {
        const id = p.addTrimmedRange(text, starts[c], stops[c], line);
        if (id >= 0) {
          cells[c] = p.textOf(id);
          textIds[c] = id;
        } else {
          cells[c] = text.slice(starts[c], stops[c]);
          p.addPresent(cells[c]!, line);
        }
      } else if (setup.dropMissing) {
        p.addPresent(cells[c]!, line);
      } else {
        p.add(cells[c]!, line);
      }
    }
    setup.spool?.add(values, cells, textIds);
    keptRows++;
    splitIds?.push(split);
    if (labelIds && labelIndex !== null) numberLabel(cells[labelIndex]!);
  };

  const counts = (): RowScanCounts => ({
    profiles,
    dataRows,
    keptRows,
    droppedRows,
    droppedFor,
    labelIds,
    labelKeys,
    splitIds,
    firstRows,
    raggedRows,
    raggedCount,
    seenHeader,
    stoppedEarly,
  });
  return { onRecord, onLine, counts };
}
