// The shape of a CSV file from its first lines: encoding, delimiter, header and column names.
import { detectDelimiter, detectHeader, columnNames, parseSample, type SampleRecord } from './detect';
import { CsvImportError, CsvSyntaxError } from './errors';
import { readSample, type TextEncoding } from './reader';
import type { ImportNote } from '../../../api/importNotes';

export interface CsvLayout {
  encoding: TextEncoding;
  delimiter: string;
  hasHeader: boolean;
  /** One per column: the header's names made unique, or "column 1", "column 2" ... */
  names: string[];
  /** Cells like "1,5" are numbers (a semicolon-separated file, as European spreadsheets write them). */
  decimalComma: boolean;
  fileBytes: number;
  /** The first records of the sample (the header included). */
  sample: SampleRecord[];
}

export function readLayout(path: string, choices: { delimiter?: string; hasHeader?: boolean }): CsvLayout {
  let sample;
  try {
    sample = readSample(path);
  } catch (error) {
    throw new CsvImportError({ file: path }, 'unreadable', { reason: (error as Error).message });
  }
  if (sample.text.trim().length === 0) throw new CsvImportError({ file: path }, 'empty-file', {});
  const delimiter = choices.delimiter ?? detectDelimiter(sample.text, sample.complete);
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new CsvImportError({ file: path }, 'bad-delimiter', { delimiter: JSON.stringify(delimiter) });
  }
  const decimalComma = delimiter === ';';
  let records: SampleRecord[];
  try {
    records = parseSample(sample.text, delimiter, sample.complete, 50);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw error.inFile(path);
    throw error;
  }
  if (records.length === 0) throw new CsvImportError({ file: path }, 'empty-file', {});
  const hasHeader = choices.hasHeader ?? detectHeader(records, decimalComma);
  const names = columnNames(hasHeader ? records[0].fields : null, records[0].fields.length);
  return {
    encoding: sample.encoding,
    delimiter,
    hasHeader,
    names,
    decimalComma,
    fileBytes: sample.fileBytes,
    sample: records,
  };
}

/**
 * The note on header cells that were repeated or blank and so renamed ('x1' twice: the second is 'x1 (2)'; a blank
 * third column is 'column 3'): the names the label and column choices use, said once at import. Null when none was.
 */
export function renamedColumnsNote(layout: CsvLayout): ImportNote | null {
  if (!layout.hasHeader) return null;
  const header = layout.sample[0].fields;
  const renamed = layout.names.flatMap((name, c) => {
    const given = header[c]?.trim() ?? '';
    return given === name ? [] : [`'${given}' → '${name}'`];
  });
  if (renamed.length === 0) return null;
  return { code: 'csv-columns-renamed', values: { count: renamed.length, columns: renamed.join(', ') } };
}
