// A finished import reaches the client as notes with codes and values, not English sentences: CSV tables and an
// image folder imported through StudioApi (dispatch, then the result's JSON as the transports send it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch';
import { IMAGE_SKIP_REASONS } from '../../api/importNotes';
import type { DatasetImportResult } from '../../api/types';
import { SUPPORTED_FORMATS_TEXT } from '../datasets/images/formats';
import { solidBmp, writeTree } from '../datasets/images/testImages';
import { testStudio } from './testStudio';

const { studio } = testStudio('import-notes');

/** What the client receives from `method`: the result after a trip through JSON. */
async function imported(method: 'importCsv' | 'importImages', args: unknown[]): Promise<DatasetImportResult> {
  return JSON.parse(JSON.stringify(await dispatch(studio, method, args))) as DatasetImportResult;
}

function table(name: string, text: string): { kind: 'path'; path: string } {
  const path = join(studio.layout.home, name);
  writeFileSync(path, text);
  return { kind: 'path', path };
}

describe('the notes of an imported CSV table', () => {
  it('count the rows read, dropped and the features, and give the split of a split column', async () => {
    const parts = ['train', 'train', 'train', 'validation', 'test'];
    const rows = Array.from({ length: 20 }, (_, i) => `${i === 6 ? '' : i},${i % 2 ? 'odd' : 'even'},${parts[i % 5]}`);
    const file = table('folds.csv', `x,parity,split\n${rows.join('\n')}\n`);
    const result = await imported('importCsv', [file, { label: 'parity', splitColumn: 'split', missing: 'drop-row' }]);
    expect(result.notes).toEqual([
      { code: 'csv-rows-read-header', values: { rows: 20, delimiter: ',' } },
      { code: 'csv-rows-dropped', values: { rows: 1 } },
      { code: 'csv-features-classification', values: { features: 1, classes: 2 } },
      { code: 'split-from-column', values: { column: 'split', train: 11, validation: 4, test: 4 } },
    ]);
  });

  it('name a tab-separated table without a header, the cells filled and a regression', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i % 4 === 1 ? '' : i}\t${i * 0.5}`);
    const file = table('curve.tsv', `${rows.join('\n')}\n`);
    const result = await imported('importCsv', [file, { label: 'column 2', task: 'regression', missing: 'fill-mean' }]);
    expect(result.notes).toEqual([
      { code: 'csv-rows-read-tab-no-header', values: { rows: 12 } },
      { code: 'csv-cells-filled', values: { cells: 3 } },
      { code: 'csv-features-regression', values: { features: 1 } },
    ]);
  });

  it('carry the line and the byte of a UTF-8 file that holds a byte that is not UTF-8', async () => {
    const path = join(studio.layout.home, 'latin1.csv');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    writeFileSync(
      path,
      Buffer.concat([
        bom,
        Buffer.from('city,n,label\nParis,1,a\nCaf'),
        Buffer.from([0xe9, 0x2c, 0x32, 0x2c, 0x62, 0x0a]),
      ]),
    );
    const result = await imported('importCsv', [
      { kind: 'path', path },
      { label: 'label', exclude: ['city'] },
    ]);
    expect(result.notes.at(-1)).toEqual({
      code: 'csv-invalid-byte-bom',
      values: { file: 'latin1.csv', line: 3, byte: 'E9' },
    });
  });
});

describe('the notes of an imported image folder', () => {
  it('count the images and classes at their size, and list each skipped file with its coded reason', async () => {
    const folder = join(studio.layout.home, 'shapes');
    writeTree(folder, {
      'circles/a.bmp': solidBmp(6, 6, [10, 10, 10]),
      'circles/b.bmp': solidBmp(6, 6, [20, 20, 20]),
      'circles/notes.txt': 'drawn by hand',
      'circles/old/c.bmp': solidBmp(6, 6, [30, 30, 30]),
      'squares/a.bmp': solidBmp(6, 6, [200, 200, 200]),
      'squares/empty.png': '',
      'stray.bmp': solidBmp(6, 6, [0, 0, 0]),
    });
    const result = await imported('importImages', [
      { kind: 'path', path: folder },
      { size: [4, 5], grayscale: true },
    ]);
    expect(result.notes).toEqual([
      { code: 'images-read-grayscale', values: { images: 3, classes: 2, height: 4, width: 5 } },
    ]);
    expect(result.skipped).toEqual([
      { path: join('circles', 'notes.txt'), reason: { code: 'not-an-image', values: {} } },
      {
        path: join('circles', 'old'),
        reason: { code: 'nested-folder-one', values: { className: 'circles', files: 1 } },
      },
      { path: join('squares', 'empty.png'), reason: { code: 'empty-file', values: {} } },
      { path: 'stray.bmp', reason: { code: 'outside-class-folders', values: {} } },
    ]);
  });

  it('write out in English the formats the importer reads', () => {
    expect(IMAGE_SKIP_REASONS['not-an-image']).toBe(`not a ${SUPPORTED_FORMATS_TEXT} image`);
  });
});
