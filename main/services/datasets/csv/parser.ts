// A streaming CSV tokenizer: text goes in chunk by chunk (any split, even inside a field or a CRLF) and
// records come out with the line they start on. Quoted fields may hold delimiters, doubled quotes and newlines.
import { CsvSyntaxError } from './errors';

const QUOTE = 34; // "
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/** Guards memory against a runaway field (a quote that never closes swallows the rest of the file). */
export const MAX_FIELD_CHARS = 1 << 20;
export const MAX_FIELDS = 100_000;

const enum State {
  /** At the start of a field: a quote here opens a quoted field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: either the first of a doubled quote or the closing one. */
  QuoteInQuoted,
  /** After a closing quote: only spaces may come before the delimiter or the line end. */
  AfterQuoted,
}

/** Called for each record; `line` is the 1-based line the record starts on. Blank lines are skipped. */
export type RecordHandler = (fields: string[], line: number) => void;

/**
 * Optional, for speed: called instead of the RecordHandler for a whole non-blank line holding no quote and no CR,
 * as text[start, end) (fields are the text between delimiters, as they are). The handler reads cells in place
 * instead of receiving one new string per field.
 */
export type LineHandler = (text: string, start: number, end: number, line: number) => void;

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLineFeed = false;
  /** Position of the next CR in the current chunk (its length when none), for wholeLine. */
  private nextCr = -1;
  /** Position of the next quote in the current chunk (its length when none), for the LineHandler. */
  private nextQuote = -1;
  /** The current field was quoted (so an empty one is a value, not a blank line). */
  private quotedField = false;
  private readonly delimiter: number;
  private readonly delimiterText: string;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly onLine?: LineHandler,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(
        `the delimiter must be one character other than a quote or a line break (got ${JSON.stringify(delimiter)})`,
      );
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  push(chunk: string): void {
    const n = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    this.nextCr = -1;
    this.nextQuote = -1;
    if (this.skipLineFeed && n > 0) {
      this.skipLineFeed = false;
      if (chunk.charCodeAt(0) === LF) i = 1; // the LF of a CRLF split across chunks
    }
    while (i < n) {
      if (this.state === State.FieldStart && this.fields.length === 0) {
        const next = this.wholeLine(chunk, i);
        if (next >= 0) {
          i = next;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (chunk.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.quotedField = true;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = chunk.charCodeAt(j);
            if (c === delimiter || c === LF || c === CR) break;
            j++;
          }
          this.append(chunk, i, j);
          if (j === n) {
            i = n;
            break;
          }
          i = c === delimiter ? this.endField(j) : this.endLine(chunk, j);
          break;
        }
        case State.Quoted: {
          const close = chunk.indexOf('"', i);
          const end = close < 0 ? n : close;
          for (let k = chunk.indexOf('\n', i); k >= 0 && k < end; k = chunk.indexOf('\n', k + 1)) this.line++;
          this.append(chunk, i, end);
          if (close < 0) {
            i = n;
            break;
          }
          this.state = State.QuoteInQuoted;
          i = close + 1;
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
            break;
          }
          this.state = State.AfterQuoted;
          break;
        }
        case State.AfterQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === delimiter) i = this.endField(i);
          else if (c === LF || c === CR) i = this.endLine(chunk, i);
          else if (c === SPACE || c === TAB) i++;
          else {
            throw new CsvSyntaxError(this.line, 'after-closing-quote', {
              char: JSON.stringify(chunk[i]),
              quoteLine: this.quoteLine,
            });
          }
          break;
        }
        default:
          throw new Error(`CsvParser: unknown state ${String(this.state satisfies never)}`);
      }
    }
  }

  /**
   * Fast path for a whole line (most lines) at `at`: one native split, then quotes stripped from fields that are
   * simply quoted ("red"). Returns where the next line starts, or -1 to read this line character by character
   * (a quoted field holding the delimiter, a doubled quote or a line break; a stray CR).
   */
  private wholeLine(chunk: string, at: number): number {
    const lf = chunk.indexOf('\n', at);
    if (lf < 0) return -1;
    if (this.nextCr < at) this.nextCr = indexOrEnd(chunk, '\r', at);
    const end = this.nextCr === lf - 1 ? lf - 1 : lf; // CRLF
    if (this.nextCr < end) return -1;
    if (this.onLine && end > at) {
      if (this.nextQuote < at) this.nextQuote = indexOrEnd(chunk, '"', at);
      if (this.nextQuote >= end) {
        this.onLine(chunk, at, end, this.line);
        this.line++;
        this.recordLine = this.line;
        return lf + 1;
      }
    }
    if (end > at) {
      const fields = chunk.slice(at, end).split(this.delimiterText);
      if (fields.length > MAX_FIELDS) throw new CsvSyntaxError(this.line, 'too-many-fields', { max: MAX_FIELDS });
      let quoted = false;
      for (let k = 0; k < fields.length; k++) {
        const field = fields[k];
        if (field.charCodeAt(0) !== QUOTE) continue; // a quote later in an unquoted field is literal
        if (field.length < 2 || field.indexOf('"', 1) !== field.length - 1) return -1;
        fields[k] = field.slice(1, -1);
        quoted = true;
      }
      this.fields = fields;
      this.quotedField = quoted; // a line holding only "" is a value, not a blank line
      this.emit();
      this.quotedField = false;
    }
    this.line++;
    this.recordLine = this.line;
    return lf + 1;
  }

  /** The 1-based line the next character is on (CR, LF and CRLF each end a line; inside quotes only LF counts). */
  get lineNumber(): number {
    return this.line;
  }

  /**
   * Nothing of a record is pending: the input so far ended with a whole record (or blank line), outside any quote.
   * A parser started fresh at this point reads the rest exactly as this one would, with lines counted from 1.
   */
  get atRecordStart(): boolean {
    return this.state === State.FieldStart && this.fields.length === 0 && this.field.length === 0 && !this.skipLineFeed;
  }

  /** Ends the input: emits the last record if the file does not end with a line break. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new CsvSyntaxError(this.quoteLine, 'quote-not-closed', {});
    }
    if (this.fields.length > 0 || this.field.length > 0 || this.state !== State.FieldStart) {
      this.fields.push(this.field);
      this.emit();
    }
  }

  private append(chunk: string, from: number, to: number): void {
    if (to === from) return;
    this.field = this.field.length === 0 ? chunk.slice(from, to) : this.field + chunk.slice(from, to);
    if (this.field.length > MAX_FIELD_CHARS) {
      if (this.state === State.Quoted)
        throw new CsvSyntaxError(this.recordLine, 'field-too-long-quote', {
          max: MAX_FIELD_CHARS,
          quoteLine: this.quoteLine,
        });
      throw new CsvSyntaxError(this.recordLine, 'field-too-long', { max: MAX_FIELD_CHARS });
    }
  }

  /** At the delimiter at `at`; returns where to continue. */
  private endField(at: number): number {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.quotedField = false;
    if (this.fields.length > MAX_FIELDS)
      throw new CsvSyntaxError(this.recordLine, 'too-many-fields', { max: MAX_FIELDS });
    return at + 1;
  }

  /** At the CR or LF at `at`; returns where to continue (past a whole CRLF when both are in this chunk). */
  private endLine(chunk: string, at: number): number {
    this.fields.push(this.field);
    this.field = '';
    this.emit();
    this.state = State.FieldStart;
    this.quotedField = false;
    this.line++;
    this.recordLine = this.line;
    if (chunk.charCodeAt(at) !== CR) return at + 1;
    if (at + 1 === chunk.length) {
      this.skipLineFeed = true;
      return at + 1;
    }
    return chunk.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }

  private emit(): void {
    const fields = this.fields;
    this.fields = [];
    // A blank line is one empty field; a line holding only "" is a real (empty) value and is kept.
    if (fields.length === 1 && fields[0].length === 0 && !this.quotedField) return;
    this.onRecord(fields, this.recordLine);
  }
}
