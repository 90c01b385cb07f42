// Numbers in sentences: large ones grouped in thousands, the rest as they are.
import { describe, expect, it } from 'vitest';
import { numberText, shortNumber } from './numberText';

describe('numberText', () => {
  it('groups numbers from 10,000 up in thousands', () => {
    expect(numberText(139_200_000)).toBe('139,200,000');
    expect(numberText(-12_350)).toBe('-12,350');
    expect(numberText(10_000)).toBe('10,000');
    expect(numberText(123_456.789)).toBe('123,456.79');
  });

  it('writes smaller numbers, and ones that are not finite, as JavaScript does', () => {
    expect(numberText(9999)).toBe('9999');
    expect(numberText(0.5937)).toBe('0.5937');
    expect(numberText(1.2e-7)).toBe('1.2e-7');
    expect(numberText(Number.NaN)).toBe('NaN');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('shortNumber', () => {
  it('rounds to three significant digits and groups from 10,000', () => {
    expect(shortNumber(262_718.3)).toBe('263,000');
    expect(shortNumber(459_012)).toBe('459,000');
    expect(shortNumber(0.98765)).toBe('0.988');
    expect(shortNumber(1234.5)).toBe('1230');
    expect(shortNumber(262_718.3, 4)).toBe('262,700');
  });
});
