// How one CSV cell is read: missing (empty, NA, N/A, NaN, null, ?), a number, or text.

/** Compared case-insensitively after trimming. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '?']);
const LONGEST_MISSING = 4;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// "1,5" in a semicolon-separated file is how European spreadsheets write 1.5 (no thousands separators).
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const FLOAT32_MAX = 3.4028234663852886e38;

export function isMissing(cell: string): boolean {
  const n = cell.length;
  if (n === 0) return true;
  // Fast answers for the common cells: longer than any token with no space at either end, or starting with a digit.
  if (n > LONGEST_MISSING && cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32) return false;
  const first = cell.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  const text = cell.trim();
  return text.length <= LONGEST_MISSING && MISSING.has(text.toLowerCase());
}

/** trim()'s whitespace: ASCII tab to carriage return and space, and Unicode's spaces, line breaks and BOM. */
function isWhitespace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether text[from, to) is not empty and trim() would leave it as it is. */
export function isTrimmedRange(text: string, from: number, to: number): boolean {
  return from < to && !isWhitespace(text.charCodeAt(from)) && !isWhitespace(text.charCodeAt(to - 1));
}

const lower = (c: number) => c | 0x20; // ASCII letters only: no other code unit lowers to a letter this way

/** isMissing for a range already known to be trimmed and not empty (isTrimmedRange), without making a string. */
export function isMissingTrimmedRange(text: string, from: number, to: number): boolean {
  const n = to - from;
  const first = text.charCodeAt(from);
  if (n === 1) return first === 63; // ?
  if (n > LONGEST_MISSING || lower(first) !== 110) return false; // the others start with n
  const second = text.charCodeAt(from + 1);
  if (n === 2) return lower(second) === 97; // na
  const third = text.charCodeAt(from + 2);
  if (n === 3) return (second === 47 && lower(third) === 97) || (lower(second) === 97 && lower(third) === 110); // n/a, nan
  return lower(second) === 117 && lower(third) === 108 && lower(text.charCodeAt(from + 3)) === 108; // null
}

// Exact powers of ten as doubles (10^0 .. 10^22).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_EXACT_DIGITS = 15; // any 15-digit integer is exact in a double

/**
 * The number a trimmed cell holds, or NaN when it is text. Plain decimal and exponent notation only: hex,
 * "Infinity" and thousands separators are text. `decimalComma` also accepts "1,5".
 */
export function parseNumber(text: string, decimalComma: boolean): number {
  const plain = plainNumber(text, 0, text.length);
  if (plain === plain) return plain; // not NaN
  // Text cells (categories, labels) are most of what gets here: a number starts with a digit, a sign or a point.
  const first = text.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return Number.NaN;
  if (NUMBER.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
}

/**
 * The fast path of parseNumber for text[from, to): a plain decimal of up to 15 digits (nearly every cell), else NaN
 * (the caller then takes the cell as a string). An exact integer divided by an exact power of ten is correctly
 * rounded, the same double Number() gives. Reading a range lets the importer parse cells without slicing strings.
 */
export function plainNumber(text: string, from: number, to: number): number {
  return readCell(text, from, to, NO_DELIMITER);
}

/** A char code no text holds: readCell then reads to `to`. */
const NO_DELIMITER = -1;

/** Where the cell read by the last readCell ends (its delimiter, or the line's end). */
export const cellEnd = { at: 0 };

/**
 * Reads the cell starting at `from` on a line ending at `end`, in one pass: finds its delimiter (cellEnd.at) and
 * parses it as plainNumber does, returning NaN when it is not a plain number. One loop instead of a search then a
 * parse: on a 785-column table the per-cell native calls cost more than the digits.
 */
export function readCell(text: string, from: number, end: number, delimiter: number): number {
  let i = from;
  let negative = false;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  let plain = true;
  if (i < end) {
    const sign = text.charCodeAt(i);
    if (sign === 45 || sign === 43) {
      negative = sign === 45;
      i++;
    }
  }
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) decimals++;
    } else if (c === delimiter) {
      break;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      plain = false;
    }
  }
  cellEnd.at = i;
  if (!plain || digits === 0 || digits > MAX_EXACT_DIGITS) return Number.NaN;
  const value = mantissa / POWERS_OF_TEN[decimals];
  return negative ? -value : value;
}

/** float32 files hold at most ±3.4e38; larger values would silently become infinite. */
export function fitsFloat32(value: number): boolean {
  return Math.abs(value) <= FLOAT32_MAX;
}

/** Quotes a cell for a message, shortened: 'abc'. */
export function quoted(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `'${short}'`;
}
