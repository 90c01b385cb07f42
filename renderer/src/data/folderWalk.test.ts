import { describe, expect, it } from 'vitest';
import { errorWording } from '../state/errorWords';
import { filesFromInput, walkEntry, type WalkDirectoryEntry, type WalkEntry, type WalkFileEntry } from './folderWalk';

function file(name: string): WalkFileEntry {
  return { isFile: true, isDirectory: false, name, file: (success) => success(new File(['x'], name)) };
}

/** A directory whose reader hands out entries two at a time, as browsers do in batches. */
function dir(name: string, children: WalkEntry[]): WalkDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let at = 0;
      return {
        readEntries(success) {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          success(batch);
        },
      };
    },
  };
}

describe('walking a dropped folder', () => {
  it('lists every file with its path relative to the folder parent, across batches and levels', async () => {
    const tree = dir('shapes', [
      dir('ring', [file('r1.png'), file('r2.png'), file('r3.png')]),
      dir('bar', [file('b1.png')]),
      file('README.txt'),
    ]);
    const files = await walkEntry(tree);
    expect(files.map((f) => f.relativePath)).toEqual([
      'shapes/README.txt',
      'shapes/bar/b1.png',
      'shapes/ring/r1.png',
      'shapes/ring/r2.png',
      'shapes/ring/r3.png',
    ]);
    expect(files[1].file.name).toBe('b1.png');
  });

  it('leaves out hidden files and folders', async () => {
    const tree = dir('pics', [file('.DS_Store'), dir('.git', [file('HEAD')]), dir('cat', [file('a.png')])]);
    expect((await walkEntry(tree)).map((f) => f.relativePath)).toEqual(['pics/cat/a.png']);
  });

  it('names the folder when it cannot be read', async () => {
    const broken: WalkDirectoryEntry = {
      isFile: false,
      isDirectory: true,
      name: 'locked',
      createReader: () => ({ readEntries: (_s, failure) => failure?.('permission denied') }),
    };
    const error = await walkEntry(dir('top', [broken])).catch((e: unknown) => e);
    // Worded in the user's language from the image import's table, the browser's English only in the message.
    expect(errorWording(error)).toEqual({
      table: 'imageImport',
      key: 'path-unreadable',
      params: { folder: 'top/locked' },
    });
    expect((error as Error).message).toBe('top/locked: cannot be read (permission denied)');
  });

  it('names the file when it cannot be read', async () => {
    const broken: WalkFileEntry = {
      isFile: true,
      isDirectory: false,
      name: 'a.png',
      file: (_s, failure) => failure?.('gone'),
    };
    const error = await walkEntry(dir('top', [broken])).catch((e: unknown) => e);
    expect(errorWording(error)).toEqual({
      table: 'imageImport',
      key: 'path-unreadable',
      params: { folder: 'top/a.png' },
    });
  });

  it('takes input files with their webkitRelativePath, hidden ones left out', () => {
    const a = Object.assign(new File(['x'], 'a.png'), { webkitRelativePath: 'shapes/bar/a.png' });
    const hidden = Object.assign(new File(['x'], '.DS_Store'), { webkitRelativePath: 'shapes/.DS_Store' });
    expect(filesFromInput([a, hidden]).map((f) => f.relativePath)).toEqual(['shapes/bar/a.png']);
  });
});
