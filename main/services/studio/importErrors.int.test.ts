// A refused import reaches the client as its code and values, not as an English sentence only: bad image folders
// and bad CSV tables imported through StudioApi (dispatch, then the payload's JSON as the transports send it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, errorPayload } from '../../api/dispatch';
import type { StudioErrorPayload } from '../../api/types';
import { solidBmp, writeTree } from '../datasets/images/testImages';
import { testStudio } from './testStudio';

const { studio } = testStudio('import-errors');

/** What the client receives when `method` fails: the error payload after a trip through JSON. */
async function refusal(method: string, args: unknown[]): Promise<StudioErrorPayload> {
  try {
    await dispatch(studio, method, args);
  } catch (error) {
    return JSON.parse(JSON.stringify(errorPayload(error))) as StudioErrorPayload;
  }
  throw new Error(`${method} did not fail`);
}

const GREY: [number, number, number] = [128, 128, 128];

describe('a refused image folder', () => {
  it('comes as images-<code> with the folder and the class folder it names', async () => {
    const folder = join(studio.layout.home, 'pets');
    writeTree(folder, { 'cats/a.bmp': solidBmp(2, 2, GREY) });
    expect(await refusal('importImages', [{ kind: 'path', path: folder }, { size: [4, 4] }])).toEqual({
      code: 'images-one-class',
      params: { folder, className: 'cats' },
      message: `${folder}: has only one class folder ('cats'); a classifier needs at least 2, one sub-folder of images per class`,
    });
  });

  it('names the empty class folders, in the singular or the plural', async () => {
    const folder = join(studio.layout.home, 'birds');
    writeTree(folder, { 'crows/a.bmp': solidBmp(2, 2, GREY), 'owls/': '', 'wrens/': '' });
    expect(await refusal('importImages', [{ kind: 'path', path: folder }, { size: [4, 4] }])).toMatchObject({
      code: 'images-class-folders-empty',
      params: { folder, classes: "'owls', 'wrens'" },
    });
  });

  it('names a path that is not there', async () => {
    const folder = join(studio.layout.home, 'nowhere');
    expect(await refusal('importImages', [{ kind: 'path', path: folder }, { size: [4, 4] }])).toMatchObject({
      code: 'images-no-such-folder',
      params: { folder },
    });
  });
});

describe('a refused CSV table', () => {
  function table(name: string, text: string): { kind: 'path'; path: string } {
    const path = join(studio.layout.home, name);
    writeFileSync(path, text);
    return { kind: 'path', path };
  }

  it('comes as csv-<code> with the file, the 1-based line and the values of a ragged row', async () => {
    const file = table('ragged.csv', 'x,y,label\n1,2,a\n3,4,b\n5,6\n7,8,a\n');
    expect(await refusal('importCsv', [file, { label: 'label' }])).toEqual({
      code: 'csv-ragged-row',
      params: { file: 'ragged.csv', line: 4, fields: 2, expected: 3 },
      message: 'ragged.csv, line 4: 2 fields, expected 3',
    });
  });

  it('names the row whose label is empty, and the label column', async () => {
    const file = table('labels.csv', 'x,label\n1,a\n2,b\n3,\n4,a\n');
    expect(await refusal('importCsv', [file, { label: 'label', missing: 'fill-mean' }])).toMatchObject({
      code: 'csv-label-cell-missing',
      params: { file: 'labels.csv', line: 4, column: 'label', value: '""' },
    });
  });

  it('names a column that is not there, with the columns there are (no line)', async () => {
    const file = table('columns.csv', 'x,y\n1,a\n2,b\n');
    expect(await refusal('importCsv', [file, { label: 'species' }])).toEqual({
      code: 'csv-no-label-column',
      params: { file: 'columns.csv', ref: 'species', columns: "'x', 'y'" },
      message: "columns.csv: there is no label column named 'species'; the columns are 'x', 'y'",
    });
  });

  it('names the line a quoted field opened on when it is never closed', async () => {
    const file = table('quotes.csv', 'x,label\n1,a\n2,"b\n3,a\n');
    expect(await refusal('importCsv', [file, { label: 'label' }])).toEqual({
      code: 'csv-quote-not-closed',
      params: { file: 'quotes.csv', line: 3 },
      message: 'quotes.csv, line 3: a quoted field is never closed: its closing quote is missing',
    });
  });
});
