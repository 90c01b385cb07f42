// Class and file order: by Unicode code point, the same on every machine and in every locale.
import { describe, expect, it } from 'vitest';
import { byCodePoint } from './list';

describe('byCodePoint', () => {
  it('puts U+E000..U+FFFF before characters above U+FFFF, which UTF-16 order gets backwards', () => {
    const names = ['\u{1F600}smile', '\uFF01bang', 'zebra', '\uE000private'];
    expect([...names].sort()).toEqual(['zebra', '\u{1F600}smile', '\uE000private', '\uFF01bang']); // what plain sort does
    expect([...names].sort(byCodePoint)).toEqual(['zebra', '\uE000private', '\uFF01bang', '\u{1F600}smile']);
  });

  it('orders digits, capitals, small letters and accented letters by code, and a prefix first', () => {
    expect(['b', 'é', 'a', 'B', '10', '9', 'ab', 'a'].sort(byCodePoint)).toEqual([
      '10',
      '9',
      'B',
      'a',
      'a',
      'ab',
      'b',
      'é',
    ]);
  });
});
