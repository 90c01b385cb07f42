// Class and file order: by Unicode code point, the same on every machine and in every locale; a folder the system
// will not read is refused with the system's reason as a code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../testHelpers';
import { ImageImportError } from './errors';
import { byCodePoint, listImageFolder } from './list';

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

describe('listImageFolder on a folder the system will not read', () => {
  it("refuses it with the system's reason as a code beside its English, not Node's English message", () => {
    const temp = tempFolder();
    try {
      writeFileSync(join(temp.dir, 'photo.png'), 'x');
      const folder = join(temp.dir, 'photo.png', 'cats'); // a path through a file: ENOTDIR
      expect(() => listImageFolder(folder)).toThrow(
        expect.objectContaining({
          name: ImageImportError.name,
          code: 'folder-unreadable',
          params: { folder, reason: 'a part of its path is not a folder', system: 'ENOTDIR' },
          message: `${folder}: cannot be read (a part of its path is not a folder)`,
        }),
      );
    } finally {
      temp.remove();
    }
  });
});
