// What one read of a CSV learns about each column: missing, numeric and text cell counts, numeric statistics
// (min, max, mean, std) and the distinct values (up to a cap), with the lines of the first text cells.
import { TextTable } from './textTable';
import { parseNumber, fitsFloat32, isMissing } from './values';

export interface CellAt {
  line: number;
  value: string;
}

/** A ColumnProfile's counts as plain data (toData), to merge into the profile of the same column in another thread. */
export interface ProfileData {
  missing: number;
  numbers: number;
  texts: number;
  min: number;
  max: number;
  integerValued: boolean;
  distinctOverflow: boolean;
  distinctTexts: string[];
  distinctCounts: number[];
  numberValues: Map<number, number>;
  numberValuesOverflow: boolean;
  textExamples: CellAt[];
  firstMissingLine: number;
  tooLarge: CellAt | null;
  mean: number;
  sumSquaredDeviations: number;
}

export class ColumnProfile {
  missing = 0;
  numbers = 0;
  texts = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  integerValued = true;
  distinctOverflow = false;
  /** Distinct trimmed cells (number-like ones too) by id, up to `cap`, with per id its count and parseNumber. */
  private readonly table: TextTable;
  private readonly counts: number[] = [];
  private readonly numberOf: number[] = [];
  /** Distinct numeric values with their counts, up to `cap`. */
  readonly numberValues = new Map<number, number>();
  numberValuesOverflow = false;
  /** The first few text (non-number) cells, for messages. */
  readonly textExamples: CellAt[] = [];
  firstMissingLine = 0;
  /** The first number too large for float32, if any. */
  tooLarge: CellAt | null = null;
  private runningMean = 0;
  private sumSquaredDeviations = 0;

  constructor(
    readonly index: number,
    readonly name: string,
    private readonly cap: number,
    private readonly decimalComma: boolean,
  ) {
    this.table = new TextTable(cap);
  }

  /** Distinct trimmed cells (number-like ones too) with their counts, in order of first appearance, up to `cap`. */
  get distinct(): Map<string, number> {
    return new Map(this.table.texts.map((text, id) => [text, this.counts[id]]));
  }

  add(cell: string, line: number): void {
    if (isMissing(cell)) {
      this.missing++;
      if (this.firstMissingLine === 0) this.firstMissingLine = line;
      return;
    }
    this.addPresent(cell, line);
  }

  /** `add` for a cell already known not to be missing. */
  addPresent(cell: string, line: number): void {
    const text = cell.trim();
    if (this.addTrimmedRange(text, 0, text.length, line) < 0) this.addUncounted(text, line);
  }

  /**
   * addPresent for text[from, to), a cell known to be trimmed and not missing, found among the distinct cells by
   * its characters (a string is made once per distinct cell). Returns its id (textOf gives the string), or -1
   * once the distinct cells overflowed: the cell was not added, and the caller adds it with addPresent.
   */
  addTrimmedRange(text: string, from: number, to: number, line: number): number {
    if (this.distinctOverflow) return -1;
    const id = this.table.intern(text, from, to);
    if (id < 0) {
      this.distinctOverflow = true;
      return -1;
    }
    if (id === this.counts.length) {
      this.counts.push(0);
      this.numberOf.push(parseNumber(this.table.texts[id], this.decimalComma));
    }
    this.counts[id]++;
    const value = this.numberOf[id];
    if (value === value) this.addNumber(value, line, this.table.texts[id]);
    else this.addText(this.table.texts[id], line);
    return id;
  }

  /** The distinct cell numbered `id` by addTrimmedRange. */
  textOf(id: number): string {
    return this.table.texts[id];
  }

  /**
   * A cell already read as a plain number (no spaces, so never missing) once the distinct values overflowed: the
   * same as addPresent without its text, which only the distinct count and the float32 check (impossible for 15
   * digits) would use.
   */
  addPlainNumber(value: number, line: number): void {
    this.addNumber(value, line, '');
  }

  /** Whether addPresent still needs the cell's text (while distinct values are being counted). */
  get wantsText(): boolean {
    return !this.distinctOverflow;
  }

  /** Cells that are not missing. */
  get present(): number {
    return this.numbers + this.texts;
  }

  get mean(): number {
    return this.numbers ? this.runningMean : Number.NaN;
  }

  /** Population standard deviation of the numeric cells. */
  get std(): number {
    return this.numbers ? Math.sqrt(this.sumSquaredDeviations / this.numbers) : Number.NaN;
  }

  /** What this profile counted, as plain data for another thread (structured clone). */
  toData(): ProfileData {
    return {
      missing: this.missing,
      numbers: this.numbers,
      texts: this.texts,
      min: this.min,
      max: this.max,
      integerValued: this.integerValued,
      distinctOverflow: this.distinctOverflow,
      distinctTexts: this.table.texts,
      distinctCounts: this.counts,
      numberValues: this.numberValues,
      numberValuesOverflow: this.numberValuesOverflow,
      textExamples: this.textExamples,
      firstMissingLine: this.firstMissingLine,
      tooLarge: this.tooLarge,
      mean: this.runningMean,
      sumSquaredDeviations: this.sumSquaredDeviations,
    };
  }

  /**
   * Adds what another profile of the same column counted over the lines right after this one's (`lineOffset`: the
   * lines before its first): the same counts, extremes, distinct values in order of first appearance, caps and first
   * lines as one profile reading both parts. The mean and std (Chan's combination of two Welford runs) may differ
   * from one run's in the last bits; only the preview, which reads in one thread, shows them.
   */
  merge(other: ProfileData, lineOffset: number): void {
    const before = this.numbers;
    this.missing += other.missing;
    this.numbers += other.numbers;
    this.texts += other.texts;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.integerValued &&= other.integerValued;
    if (!this.distinctOverflow) {
      for (let k = 0; k < other.distinctTexts.length && !this.distinctOverflow; k++) {
        const text = other.distinctTexts[k];
        const id = this.table.intern(text, 0, text.length);
        if (id < 0) {
          this.distinctOverflow = true;
          break;
        }
        if (id === this.counts.length) {
          this.counts.push(0);
          this.numberOf.push(parseNumber(text, this.decimalComma));
        }
        this.counts[id] += other.distinctCounts[k];
      }
      this.distinctOverflow ||= other.distinctOverflow;
    }
    if (!this.numberValuesOverflow) {
      const values = this.numberValues;
      for (const [value, n] of other.numberValues) {
        const seen = values.get(value);
        if (seen !== undefined) values.set(value, seen + n);
        else if (values.size < this.cap) values.set(value, n);
        else {
          this.numberValuesOverflow = true;
          break;
        }
      }
      this.numberValuesOverflow ||= other.numberValuesOverflow;
    }
    for (const example of other.textExamples) {
      if (this.textExamples.length >= 3) break;
      this.textExamples.push({ line: example.line + lineOffset, value: example.value });
    }
    if (this.firstMissingLine === 0 && other.firstMissingLine !== 0)
      this.firstMissingLine = other.firstMissingLine + lineOffset;
    if (!this.tooLarge && other.tooLarge)
      this.tooLarge = { line: other.tooLarge.line + lineOffset, value: other.tooLarge.value };
    if (other.numbers > 0) {
      const delta = other.mean - this.runningMean;
      this.runningMean += (delta * other.numbers) / this.numbers;
      this.sumSquaredDeviations += other.sumSquaredDeviations + (delta * delta * before * other.numbers) / this.numbers;
    }
  }

  /** A trimmed cell once distinct cells are no longer counted. */
  private addUncounted(text: string, line: number): void {
    const value = parseNumber(text, this.decimalComma);
    if (Number.isNaN(value)) this.addText(text, line);
    else this.addNumber(value, line, text);
  }

  private addText(text: string, line: number): void {
    this.texts++;
    if (this.textExamples.length < 3) this.textExamples.push({ line, value: text });
  }

  private addNumber(value: number, line: number, text: string): void {
    this.numbers++;
    // Welford's update: stable for long columns with a large mean.
    const delta = value - this.runningMean;
    this.runningMean += delta / this.numbers;
    this.sumSquaredDeviations += delta * (value - this.runningMean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.integerValued && !Number.isInteger(value)) this.integerValued = false;
    if (!this.tooLarge && !fitsFloat32(value)) this.tooLarge = { line, value: text };
    const values = this.numberValues;
    if (!this.numberValuesOverflow) {
      const seen = values.get(value);
      if (seen !== undefined) values.set(value, seen + 1);
      else if (values.size < this.cap) values.set(value, 1);
      else this.numberValuesOverflow = true;
    }
  }
}
