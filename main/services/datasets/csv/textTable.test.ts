// Distinct cell texts found by their characters in place: ids in order of first appearance, a cap, no mix-ups.
import { describe, expect, it } from 'vitest';
import { TextTable } from './textTable';

describe('TextTable', () => {
  it('numbers texts in order of first appearance, wherever in a line they are', () => {
    const table = new TextTable(10);
    const line = 'red,green,red,blue,green';
    expect(table.intern(line, 0, 3)).toBe(0);
    expect(table.intern(line, 4, 9)).toBe(1);
    expect(table.intern(line, 10, 13)).toBe(0);
    expect(table.intern(line, 14, 18)).toBe(2);
    expect(table.intern('green', 0, 5)).toBe(1);
    expect(table.texts).toEqual(['red', 'green', 'blue']);
  });

  it('tells apart thousands of texts, prefixes and the empty text, and answers -1 for a new one when full', () => {
    const texts = ['', 'a', 'aa', 'ab', 'ba', 'Zürich', 'Zurich'];
    for (let k = 0; k < 3000; k++) texts.push(`value-${k}`, String(k));
    const table = new TextTable(texts.length);
    texts.forEach((text, id) => expect(table.intern(`[${text}]`, 1, text.length + 1)).toBe(id));
    texts.forEach((text, id) => expect(table.intern(text, 0, text.length)).toBe(id));
    expect(table.size).toBe(texts.length);
    expect(table.intern('new', 0, 3)).toBe(-1);
    expect(table.intern('aa', 0, 2)).toBe(2); // known texts are still found
  });
});
