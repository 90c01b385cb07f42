// A refused import reaches the client as its code and values, not as an English sentence only: bad image folders
// and bad CSV tables imported through StudioApi (dispatch, then the payload's JSON as the transports send it).
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
