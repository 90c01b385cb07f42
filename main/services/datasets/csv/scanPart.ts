// A later part of a CSV's first read, done by a worker thread (csvWorker.ts): the job it is given, what it sends
// back, the reading itself, and how its counts join those of the part before it (as if one thread read both).
import { CsvImportError, CsvSyntaxError } from './errors';
import type { ProfileData } from './profile';
import { CsvStream, type InvalidByte, type TextEncoding } from './reader';
import { rowScan, type RowScanCounts, type RowScanSetup, type RowValues } from './rowScan';
import { CellSpool, type SpoolPart } from './spool';

/** The per-row setup without the spool (a class): plain data for the worker. */
export type PartSetup = Omit<RowScanSetup, 'spool' | 'firstRows' | 'maxRows'> & { encoding: TextEncoding };

export interface PartJob {
  setup: PartSetup;
  /** The part's first byte: just after a line break; the part runs to the end of the file. */
  offset: number;
  /** The file starts with a UTF-8 byte-order mark (for the invalid-byte notice). */
  bom: boolean;
  /** The part's own spool (a file of its own, appended to the first part's at the end); null: none. */
  spool: { path: string; columns: number[]; maxTexts: number } | null;
}

type RowValuesData = ReturnType<RowValues['toData']>;

/** A part's counts, with lines numbered from the part's first line (1). */
export interface PartResult {
  profiles: Array<ProfileData | null>;
  dataRows: number;
  keptRows: number;
  droppedRows: number;
  droppedFor: number[];
  labelIds: RowValuesData | null;
  labelKeys: string[];
  splitIds: RowValuesData | null;
  invalidByte: InvalidByte | null;
  /** The part's spool when it holds every kept row of the part; null when it was abandoned (or there was none). */
  spool: SpoolPart | null;
}

/** Reads a part of the file (in the worker). Its spool file is left for the first thread to append or remove. */
export async function scanPart(job: PartJob, onBytes: (bytes: number) => void): Promise<PartResult | 'refused'> {
  const { setup } = job;
  const spool = job.spool ? new CellSpool(job.spool.path, job.spool.columns, job.spool.maxTexts) : undefined;
  const rows = rowScan({ ...setup, spool }, true);
  const stream = new CsvStream(
    setup.path,
    { encoding: setup.encoding, delimiter: setup.delimiter, onRecord: rows.onRecord, onLine: rows.onLine, onBytes },
    { offset: job.offset, bom: job.bom },
  );
  let invalidByte: InvalidByte | null;
  try {
    await stream.parse(job.offset, Number.POSITIVE_INFINITY);
    invalidByte = stream.finish().invalidByte;
  } catch (error) {
    spool?.abandon();
    if (error instanceof CsvImportError || error instanceof CsvSyntaxError) return 'refused';
    throw error;
  }
  const counts = rows.counts();
  const spooled = spool?.finish() ?? false;
  return {
    profiles: counts.profiles.map((p) => p?.toData() ?? null),
    dataRows: counts.dataRows,
    keptRows: counts.keptRows,
    droppedRows: counts.droppedRows,
    droppedFor: counts.droppedFor,
    labelIds: counts.labelIds?.toData() ?? null,
    labelKeys: counts.labelKeys,
    splitIds: counts.splitIds?.toData() ?? null,
    invalidByte,
    spool: spooled && spool ? { path: spool.path, kinds: spool.kinds, keys: spool.keys } : null,
  };
}

/** The counts the join adds to: the first part's (a ScanResult). */
type FirstPart = Pick<
  RowScanCounts,
  'profiles' | 'dataRows' | 'keptRows' | 'droppedRows' | 'droppedFor' | 'labelIds' | 'labelKeys' | 'splitIds'
>;

/**
 * Adds a part's counts to those of the part before it (`lineOffset`: the lines before the part's first). Labels
 * get the first part's ids, new ones numbered on in order of first appearance, up to `labelCap` + 1 distinct
 * (beyond: no ids, as one read would have stopped numbering them).
 */
export function mergePart(first: FirstPart, part: PartResult, lineOffset: number, labelCap: number): void {
  for (const [c, profile] of first.profiles.entries()) if (profile) profile.merge(part.profiles[c]!, lineOffset);
  first.dataRows += part.dataRows;
  first.keptRows += part.keptRows;
  first.droppedRows += part.droppedRows;
  for (const [c, n] of part.droppedFor.entries()) first.droppedFor[c] += n;
  if (first.splitIds && part.splitIds) first.splitIds.append(part.splitIds);
  if (!first.labelIds) return;
  if (!part.labelIds) {
    first.labelIds = null;
    return;
  }
  const idOf = new Map(first.labelKeys.map((key, id) => [key, id]));
  const ids = new Int32Array(part.labelKeys.length);
  for (const [k, key] of part.labelKeys.entries()) {
    let id = idOf.get(key);
    if (id === undefined) {
      if (first.labelKeys.length > labelCap) {
        first.labelIds = null;
        return;
      }
      id = first.labelKeys.length;
      first.labelKeys.push(key);
    }
    ids[k] = id;
  }
  first.labelIds.append(part.labelIds, ids);
}
