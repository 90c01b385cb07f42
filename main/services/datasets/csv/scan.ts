// The first read of a CSV: streams the file through the per-row work (rowScan.ts), in two threads for a large
// import: this one reads the first part of the file, a worker the rest (secondPart.ts), and the second part's
// counts are added to the first's as if one thread had read every row.
import { CsvStream, StopReading, type InvalidByte, type StreamResult, type TextEncoding } from './reader';
import { rowScan, RowValues, type RowScanCounts, type RowScanSetup } from './rowScan';
import { mergePart, type PartResult } from './scanPart';
import { startSecondPart, type SecondPart, type ThreadOptions } from './secondPart';

export { RowValues };

export interface ScanSetup extends RowScanSetup {
  encoding: TextEncoding;
  signal?: AbortSignal;
  onBytes?(bytes: number): void;
  /** Whether and how a large import is read in two threads (tests); default: see secondPart.ts. */
  threads?: ThreadOptions;
}

export interface ScanResult extends Omit<RowScanCounts, 'seenHeader' | 'stoppedEarly'> {
  sha256: string | null;
  /** A UTF-8 file's first byte that is not UTF-8 (read as U+FFFD), if any. */
  invalidByte: InvalidByte | null;
  /** False when maxRows stopped the read early. */
  complete: boolean;
  /** The spool (ScanSetup.spool) holds every kept row's features: the second read can be skipped. */
  spooled: boolean;
  /** Threads that parsed the file: 2 when a worker's part was joined (see secondPart.ts). */
  threads: 1 | 2;
}

export async function scanCsv(setup: ScanSetup): Promise<ScanResult> {
  const rows = rowScan(setup, false);
  // Progress: the bytes this thread parsed plus those the worker reports, never going back (when this thread reads
  // the worker's part after all, the worker's bytes no longer count and the sum climbs again from below).
  let workerBytes = 0;
  let reported = 0;
  const report = () => {
    const bytes = stream.bytes + workerBytes;
    if (bytes <= reported) return;
    reported = bytes;
    setup.onBytes?.(bytes);
  };
  const stream = new CsvStream(setup.path, {
    encoding: setup.encoding,
    delimiter: setup.delimiter,
    onRecord: rows.onRecord,
    onLine: rows.onLine,
    signal: setup.signal,
    onBytes: setup.onBytes && report,
  });
  const second = startSecondPart(setup, (bytes) => {
    workerBytes = bytes;
    report();
  });
  let part: { result: PartResult; lineOffset: number } | null = null;
  let streamed: StreamResult;
  try {
    if (second) {
      await stream.parse(0, second.offset);
      part = await joinSecondPart(setup, stream, rows.counts(), second);
      // Without the worker's counts this thread reads the rest (hashed already if the worker was waited for).
      if (!part) {
        await second.stop();
        workerBytes = 0;
        await stream.parse(second.offset, Number.POSITIVE_INFINITY);
      }
    } else {
      await stream.parse(0, Number.POSITIVE_INFINITY);
    }
    streamed = stream.finish();
  } catch (error) {
    if (!(error instanceof StopReading)) setup.spool?.abandon();
    streamed = stream.failed(error); // throws unless a handler stopped early
  } finally {
    await second?.stop();
  }
  const counts = rows.counts();
  const result: ScanResult = {
    profiles: counts.profiles,
    dataRows: counts.dataRows,
    keptRows: counts.keptRows,
    droppedRows: counts.droppedRows,
    droppedFor: counts.droppedFor,
    labelIds: counts.labelIds,
    labelKeys: counts.labelKeys,
    splitIds: counts.splitIds,
    firstRows: counts.firstRows,
    raggedRows: counts.raggedRows,
    raggedCount: counts.raggedCount,
    sha256: streamed.sha256,
    invalidByte: streamed.invalidByte,
    complete: !counts.stoppedEarly,
    spooled: false,
    threads: part ? 2 : 1,
  };
  if (part) {
    mergePart(result, part.result, part.lineOffset, setup.labelCap);
    result.invalidByte ??= part.result.invalidByte;
    if (part.result.spool) setup.spool?.appendPart(part.result.spool);
    else setup.spool?.abandon();
  }
  if (counts.stoppedEarly) setup.spool?.abandon();
  result.spooled = setup.spool?.finish() ?? false;
  return result;
}

/**
 * After this thread parsed up to the worker's part: the worker's counts (with the lines before its part) when its
 * part starts at a record of this read, else null (then this thread parses the part). While the worker works,
 * this thread hashes its part.
 */
async function joinSecondPart(
  setup: ScanSetup,
  stream: CsvStream,
  counts: RowScanCounts,
  second: SecondPart,
): Promise<{ result: PartResult; lineOffset: number } | null> {
  if (!stream.parser.atRecordStart || !counts.seenHeader) return null;
  const lineOffset = stream.parser.lineNumber - 1;
  await stream.hashRest(second.offset);
  const result = await second.result(setup.signal);
  return result && { result, lineOffset };
}
