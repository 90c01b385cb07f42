// An image folder with train/ (validation/ or val/, test/) folders fixes its split: detected from the folder names,
// each image stays in its folder's split (statistics from train/ only), and split folders whose classes differ are
// refused naming the folder.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importImages } from './importImages';
import { detectSplitFolders } from './images/splitFolders';
import { readImageDataset, solidImage, writeTree } from './images/testImages';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const png = (v: number) => solidImage('png', 4, 4, [v, v, v]);

describe('image split folders', () => {
  it('are detected only when every sub-folder is a split folder, one of them train', () => {
    writeTree(join(temp.dir, 'a'), { 'train/x/1.txt': '', 'val/x/1.txt': '', 'test/x/1.txt': '', 'notes.md': '' });
    expect(detectSplitFolders(join(temp.dir, 'a'))).toEqual({ train: 'train', validation: 'val', test: 'test' });
    writeTree(join(temp.dir, 'b'), { 'Training/x/1.txt': '', 'Testing/x/1.txt': '' });
    expect(detectSplitFolders(join(temp.dir, 'b'))).toEqual({ train: 'Training', test: 'Testing' });
    writeTree(join(temp.dir, 'c'), { 'train/x/1.txt': '', 'cats/1.txt': '' });
    expect(detectSplitFolders(join(temp.dir, 'c'))).toBeNull(); // a class folder beside it: the usual layout
    writeTree(join(temp.dir, 'd'), { 'test/x/1.txt': '', 'val/x/1.txt': '' });
    expect(detectSplitFolders(join(temp.dir, 'd'))).toBeNull(); // no training folder
  });

  it('keep each image in its folder split, whatever split was asked, with statistics from train/ only', async () => {
    writeTree(join(temp.dir, 'set'), {
      'train/cats/1.png': await png(100),
      'train/cats/2.png': await png(100),
      'train/dogs/1.png': await png(200),
      'train/dogs/2.png': await png(200),
      'test/cats/9.png': await png(0),
      'test/dogs/9.png': await png(255),
    });
    const result = await importImages(join(temp.dir, 'set'), {
      size: [4, 4],
      grayscale: true,
      split: { train: 0.5, validation: 0.25, test: 0.25 },
      datasetsDir: temp.datasetsDir,
    });
    const { manifest } = result;
    expect(manifest.classNames).toEqual(['cats', 'dogs']);
    expect(manifest.split).toMatchObject({
      folders: { train: 'train', test: 'test' },
      counts: { train: 4, validation: 0, test: 2 },
      stratified: false,
    });
    const dataset = readImageDataset(result.folder);
    const valueOf = (row: number) => Math.round(dataset.features[row * 16] * 255);
    expect(Array.from(dataset.split.train).map(valueOf).sort()).toEqual([100, 100, 200, 200]);
    expect(Array.from(dataset.split.test).map(valueOf).sort()).toEqual([0, 255]);
    expect(Array.from(dataset.split.test).map((r) => dataset.labels[r])).toEqual([0, 1]);
    // Mean of the training images only: (100 + 100 + 200 + 200) / 4 / 255.
    expect(manifest.normalization!.mean[0]).toBeCloseTo(150 / 255, 5);
  });

  it('refuse a split folder whose classes differ from train/, naming the folder and the classes', async () => {
    writeTree(join(temp.dir, 'set'), {
      'train/cats/1.png': await png(1),
      'train/dogs/1.png': await png(2),
      'validation/cats/1.png': await png(3),
      'validation/birds/1.png': await png(4),
    });
    await expect(importImages(join(temp.dir, 'set'), { size: [4, 4], datasetsDir: temp.datasetsDir })).rejects.toThrow(
      `${join(temp.dir, 'set', 'validation')}: its class folders differ from train/'s ('cats', 'dogs'): it lacks 'dogs' and has 'birds', which train/ does not`,
    );
  });
});
