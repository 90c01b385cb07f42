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

// Exact powers of ten as doubles (10^0 .. 10^22).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_EXACT_DIGITS = 15; // any 15-digit integer is exact in a double

/**
 * The number a trimmed cell holds, or NaN when it is text. Plain decimal and exponent notation only: hex,
 * "Infinity" and thousands separators are text. `decimalComma` also accepts "1,5".
 */
export function parseNumber(text: string, decimalComma: boolean): number {
  // Fast path for plain decimals of up to 15 digits (nearly every cell): an exact integer divided by an exact
  // power of ten is correctly rounded, the same double Number() gives.
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0) {
    const sign = text.charCodeAt(0);
    if (sign === 45 || sign === 43) { negative = sign === 45; i = 1; }
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) decimals++;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (i === n && digits > 0 && digits <= MAX_EXACT_DIGITS) {
    const value = mantissa / POWERS_OF_TEN[decimals];
    return negative ? -value : value;
  }
  if (NUMBER.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
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
