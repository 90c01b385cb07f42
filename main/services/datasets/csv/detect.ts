// Guesses the delimiter (comma, semicolon or tab) and whether the first row is a header, from the first lines.
import { CsvSyntaxError } from './errors';
import { CsvParser } from './parser';
import { isMissing, parseNumber } from './values';

export const DELIMITERS = [',', ';', '\t'] as const;

export interface SampleRecord {
  fields: string[];
  line: number;
}

/** Records of a sample; when the sample is cut short, its last (maybe partial) record is left out. */
export function parseSample(text: string, delimiter: string, complete: boolean, limit: number): SampleRecord[] {
  const records: SampleRecord[] = [];
  const parser = new CsvParser(delimiter, (fields, line) => {
    records.push({ fields, line });
  });
  try {
    parser.push(text);
    if (complete) parser.end();
    else records.pop();
  } catch (error) {
    // A quote opened near the end of a cut sample is not an error of the file; the full read will judge.
    if (!(error instanceof CsvSyntaxError) || complete) throw error;
  }
  return records.slice(0, limit);
}

function mostCommon(counts: number[]): { value: number; share: number } {
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let value = 0;
  let best = 0;
  for (const [v, n] of tally)
    if (n > best || (n === best && v > value)) {
      value = v;
      best = n;
    }
  return { value, share: counts.length ? best / counts.length : 0 };
}

/**
 * The candidate that splits the sample lines into the same number (> 1) of fields most consistently; ties go to
 * the one under which more fields are numbers (so "1,5;2,5" is two decimal-comma numbers split by ';'), then to
 * more fields, then to comma, semicolon, tab in that order. A file with one column gets ','.
 */
export function detectDelimiter(text: string, complete: boolean): string {
  let best: { delimiter: string; score: number[] } | null = null;
  for (const delimiter of DELIMITERS) {
    let records: SampleRecord[];
    try {
      records = parseSample(text, delimiter, complete, 25);
    } catch {
      continue; // this delimiter makes the quoting invalid: not the one
    }
    if (records.length === 0) continue;
    const modal = mostCommon(records.map((r) => r.fields.length));
    if (modal.value < 2) continue;
    let numbers = 0;
    let cells = 0;
    for (const r of records)
      for (const f of r.fields) {
        cells++;
        if (!Number.isNaN(parseNumber(f.trim(), delimiter === ';'))) numbers++;
      }
    const score = [modal.share, numbers / cells, modal.value];
    if (!best || compareScores(score, best.score) > 0) best = { delimiter, score };
  }
  return best?.delimiter ?? ',';
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-12) return a[i] - b[i];
  return 0;
}

/**
 * Whether the first record names the columns: some column's first cell is text where the cells below are
 * numbers, or (for all-text tables) every first cell is distinct text that never appears again in its column.
 */
export function detectHeader(records: SampleRecord[], decimalComma: boolean): boolean {
  if (records.length === 0) return false;
  const first = records[0].fields;
  const rest = records.slice(1);
  const isText = (cell: string) => !isMissing(cell) && Number.isNaN(parseNumber(cell.trim(), decimalComma));
  if (rest.length === 0) return first.every(isText);
  for (let c = 0; c < first.length; c++) {
    if (!isText(first[c])) continue;
    const below = rest.map((r) => r.fields[c]).filter((cell): cell is string => cell !== undefined && !isMissing(cell));
    if (below.length > 0 && below.every((cell) => !isText(cell))) return true;
  }
  const names = first.map((cell) => cell.trim());
  if (!first.every(isText) || new Set(names).size !== names.length) return false;
  return names.every((name, c) => rest.every((r) => r.fields[c] === undefined || r.fields[c].trim() !== name));
}

/** Column names: the header's (blank ones and repeats made unique) or "column 1", "column 2" ... */
export function columnNames(header: string[] | null, count: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let c = 0; c < count; c++) {
    let name = header?.[c]?.trim() || `column ${c + 1}`;
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name} (${k})`)) k++;
      name = `${name} (${k})`;
    }
    used.add(name);
    names.push(name);
  }
  return names;
}
