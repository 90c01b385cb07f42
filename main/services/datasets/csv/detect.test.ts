// Guessing the delimiter and the header from the first lines of a file.
import { describe, expect, it } from 'vitest';
import { columnNames, detectDelimiter, detectHeader, parseSample } from './detect';

const records = (text: string, delimiter = ',') => parseSample(text, delimiter, true, 50);

describe('detectDelimiter', () => {
  it('finds comma, semicolon and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n', true)).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n', true)).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n', true)).toBe('\t');
  });

  it('is not fooled by delimiters inside quotes', () => {
    expect(detectDelimiter('"a;x";"b;y"\n"1,5;2";"3"\n"4";"5,5;6"\n', true)).toBe(';');
    expect(detectDelimiter('name,city\n"Doe; John","Paris; FR"\n"Roe; Ann","Rome; IT"\n', true)).toBe(',');
  });

  it('prefers semicolons when commas are decimal commas', () => {
    expect(detectDelimiter('x;y\n1,5;2,25\n3,5;4,75\n', true)).toBe(';');
  });

  it('ignores a last line cut short by the sample', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n7;8', false)).toBe(';');
  });

  it('falls back to comma for a single column', () => {
    expect(detectDelimiter('value\n1\n2\n', true)).toBe(',');
  });
});

describe('detectHeader', () => {
  it('sees a header where a text cell sits above numbers', () => {
    expect(detectHeader(records('age,city\n31,Paris\n45,Rome\n'), false)).toBe(true);
  });

  it('sees no header when the first row is data', () => {
    expect(detectHeader(records('31,Paris\n45,Rome\n'), false)).toBe(false);
    expect(detectHeader(records('1,2\n3,4\n'), false)).toBe(false);
  });

  it('sees a header in an all-text table when the first row never repeats below', () => {
    expect(detectHeader(records('colour,size\nred,big\nblue,small\n'), false)).toBe(true);
    expect(detectHeader(records('red,big\nblue,small\nred,big\n'), false)).toBe(false);
  });

  it('takes a lone text row as a header and a lone number row as data', () => {
    expect(detectHeader(records('a,b\n'), false)).toBe(true);
    expect(detectHeader(records('1,2\n'), false)).toBe(false);
  });
});

describe('columnNames', () => {
  it('names blank header cells by position and makes repeats unique', () => {
    expect(columnNames(['x', '', 'x', ' y '], 4)).toEqual(['x', 'column 2', 'x (2)', 'y']);
    expect(columnNames(null, 2)).toEqual(['column 1', 'column 2']);
  });
});
