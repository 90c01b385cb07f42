// The streaming CSV tokenizer: quoting, line endings, line numbers, and chunks split anywhere.
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError } from './errors';
import { CsvParser } from './parser';

function parse(text: string | string[], delimiter = ','): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  const parser = new CsvParser(delimiter, (fields, line) => out.push([line, fields]));
  for (const chunk of Array.isArray(text) ? text : [text]) parser.push(chunk);
  parser.end();
  return out;
}

describe('CsvParser', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks, numbering lines as an editor does', () => {
    const text = 'name,note,x\n"Smith, J.","said ""hi""\nthen left",1\nplain,,2\n';
    expect(parse(text)).toEqual([
      [1, ['name', 'note', 'x']],
      [2, ['Smith, J.', 'said "hi"\nthen left', '1']],
      [4, ['plain', '', '2']],
    ]);
  });

  it('gives the same records whatever the chunk boundaries, including inside a CRLF or a doubled quote', () => {
    const text = 'a;b\r\n"x;""y""\r\nz";2\r\n\r\n3;"4"\r\n5;6';
    const whole = parse(text, ';');
    expect(whole).toEqual([
      [1, ['a', 'b']],
      [2, ['x;"y"\r\nz', '2']],
      [5, ['3', '4']],
      [6, ['5', '6']],
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)], ';'), `cut at ${cut}`).toEqual(whole);
    }
    expect(parse(text.split(''), ';')).toEqual(whole);
  });

  it('accepts LF, CRLF and old Mac CR line ends, skips blank lines, and keeps a last line without a line end', () => {
    expect(parse('1,2\r\n\r\n3,4\r5,6\n\n7,8')).toEqual([
      [1, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
      [6, ['7', '8']],
    ]);
  });

  it('keeps empty fields, a trailing delimiter and a line holding only ""', () => {
    expect(parse(',\n""\n1,\n')).toEqual([
      [1, ['', '']],
      [2, ['']],
      [3, ['1', '']],
    ]);
  });

  it('takes a quote inside an unquoted field literally and allows spaces after a closing quote', () => {
    expect(parse('5\'11",x\n"a"  ,b\n')).toEqual([
      [1, ['5\'11"', 'x']],
      [2, ['a', 'b']],
    ]);
  });

  it('names the line where an unclosed quote opened', () => {
    expect(() => parse('a,b\n1,2\n3,"oops\n4,5\n')).toThrow(new CsvSyntaxError(3, 'quote-not-closed', {}));
  });

  it('rejects text after a closing quote, naming the line', () => {
    expect(() => parse('a,b\n"x"y,2\n')).toThrow(/^line 2: unexpected "y" after the closing quote/);
  });

  it('refuses a delimiter that is a quote or a line break', () => {
    expect(() => new CsvParser('"', () => {})).toThrow('the delimiter must be one character');
    expect(() => new CsvParser(',,', () => {})).toThrow('the delimiter must be one character');
  });
});
