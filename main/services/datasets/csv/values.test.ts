// Reading one cell: missing markers, and numbers exactly as Number() reads them (but only plain decimals).
import { describe, expect, it } from 'vitest';
import { isMissing, isMissingTrimmedRange, isTrimmedRange, parseNumber } from './values';

describe('isMissing', () => {
  it('knows empty, NA, N/A, NaN, null and ? in any case and with spaces', () => {
    for (const cell of ['', '  ', 'NA', 'na', ' n/a ', 'NaN', 'NAN', 'null', 'NULL', '?', '\t?\t'])
      expect(isMissing(cell), JSON.stringify(cell)).toBe(true);
    for (const cell of ['0', 'nan0', 'none', 'N', 'null ish', '-', '12345', 'n/a/b'])
      expect(isMissing(cell), JSON.stringify(cell)).toBe(false);
  });
});

describe('parseNumber', () => {
  it('reads plain decimals to the same double as Number()', () => {
    const cells = [
      '0',
      '-0',
      '+7',
      '12',
      '3.14159',
      '-0.000123',
      '.5',
      '5.',
      '999999999999999',
      '123456789.123456',
      '0.1',
      '0.3',
      '1e3',
      '-2.5E-7',
      '1234567890123456789',
      '0.30000000000000004',
      '00012.50',
    ];
    for (const cell of cells) expect(Object.is(parseNumber(cell, false), Number(cell)), cell).toBe(true);
    // Random decimals, against Number().
    let seed = 12345;
    for (let k = 0; k < 5000; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const whole = String(seed % 100000000);
      const cell = `${k % 3 ? '' : '-'}${whole.slice(0, (k % 9) + 1)}.${String(seed).slice(0, k % 8)}`;
      expect(parseNumber(cell, false), cell).toBe(Number(cell));
    }
  });

  it('takes everything else Number() would accept as text', () => {
    for (const cell of [
      '0x1A',
      '0b101',
      '0o17',
      'Infinity',
      '-Infinity',
      '1,000',
      '1_000',
      '.',
      '-',
      'e5',
      '1e',
      '12abc',
      '',
    ]) {
      expect(parseNumber(cell, false), cell).toBeNaN();
    }
  });

  it('reads a decimal comma only when asked', () => {
    expect(parseNumber('1,5', true)).toBe(1.5);
    expect(parseNumber('-12,25', true)).toBe(-12.25);
    expect(parseNumber('1,5', false)).toBeNaN();
    expect(parseNumber('1,000,000', true)).toBeNaN();
  });
});

describe('reading a cell in place', () => {
  it('isTrimmedRange agrees with trim() for every UTF-16 code unit at either end', () => {
    const disagree: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const cell of [`${c}x`, `x${c}`, c]) {
        const text = `,${cell},`;
        if (isTrimmedRange(text, 1, text.length - 1) !== (cell.trim() === cell)) disagree.push(JSON.stringify(cell));
      }
    }
    expect(disagree).toEqual([]);
    expect(isTrimmedRange('a,,b', 2, 2)).toBe(false); // empty
  });

  it('isMissingTrimmedRange agrees with isMissing on trimmed cells', () => {
    const cells = [
      'NA',
      'na',
      'nA',
      'N/A',
      'n/a',
      'NaN',
      'nan',
      'NULL',
      'Null',
      '?',
      'no',
      'n',
      'N',
      'nab',
      'n/b',
      'naN?',
    ];
    cells.push('nul', 'nulL', 'nulls', 'none', '??', '0', 'a', '/', 'n\u0100', '\u004e\u0041', 'yes', 'pro', 'NaNa');
    for (const cell of cells) {
      const text = `x,${cell},y`;
      expect(isMissingTrimmedRange(text, 2, 2 + cell.length), JSON.stringify(cell)).toBe(isMissing(cell));
    }
  });
});
