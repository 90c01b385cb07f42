// Images to predict on are prepared exactly as the import prepared the run's dataset (same bytes for the same file,
// with its fit and channels); a folder's loose files and class sub-folders are read, other files skipped with why.
import { join } from 'node:path';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importImages } from './importImages';
import { datasetImageModel } from '../studio/imageModel';
import { readPredictionImages } from './images/predictionImages';
import { IMAGEMAGICK_BMPS } from './images/bmpFixtures';
import { ImagePredictionError } from './images/predictionError';
import { readImageDataset, rgbImage, solidImage, writeTree } from './images/testImages';
import { refusedWith, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

/** A 20×10 picture with a gradient, so resizing and cropping change its values. */
function gradient(): Uint8Array {
  const rgb = new Uint8Array(20 * 10 * 3);
  for (let i = 0; i < 200; i++) rgb.set([(i * 7) % 256, (i * 3) % 256, 255 - (i % 256)], i * 3);
  return rgb;
}

/** As a run trained on `manifest` reads them. */
const refused = (pending: Promise<unknown>) => refusedWith(pending, ImagePredictionError);

function readAsRun(path: string, manifest: DatasetManifest) {
  const { target, classNames } = datasetImageModel({ name: 'run' }, manifest);
  return readPredictionImages(path, target, classNames);
}

describe('readPredictionImages', () => {
  for (const [fit, grayscale] of [
    ['cover', false],
    ['contain', true],
  ] as const) {
    it(`gives the imported values for the same file (${fit}, ${grayscale ? 'grayscale' : 'RGB'})`, async () => {
      const picture = await rgbImage('png', 20, 10, gradient());
      writeTree(join(temp.dir, 'set'), { 'a/1.png': picture, 'b/1.png': await solidImage('png', 5, 5, [9, 9, 9]) });
      const result = await importImages(join(temp.dir, 'set'), {
        size: [6, 8],
        fit,
        grayscale,
        datasetsDir: temp.datasetsDir,
      });
      expect(result.manifest.images).toEqual({ fit });
      const imported = readImageDataset(result.folder);
      const read = await readAsRun(join(temp.dir, 'set', 'a', '1.png'), result.manifest);
      const size = imported.manifest.featureShape.reduce((a, b) => a * b, 1);
      const row = imported.labels.indexOf(0);
      expect(read.inputs).toEqual(imported.features.slice(row * size, (row + 1) * size));
      expect(read.images).toEqual([{ name: '1.png', label: null }]);
    });
  }

  it("reads a folder's loose images and its class sub-folders (labelled), and says what it skipped", async () => {
    writeTree(join(temp.dir, 'train'), {
      'cats/1.png': await solidImage('png', 4, 4, [200, 0, 0]),
      'dogs/1.png': await solidImage('png', 4, 4, [0, 200, 0]),
    });
    const { manifest } = await importImages(join(temp.dir, 'train'), { size: [4, 4], datasetsDir: temp.datasetsDir });
    writeTree(join(temp.dir, 'new'), {
      'dogs/x.png': await solidImage('png', 8, 8, [0, 190, 0]),
      'birds/y.png': await solidImage('png', 8, 8, [0, 0, 190]),
      'z.webp': await solidImage('webp', 8, 8, [190, 0, 0]),
      'notes.txt': 'hello',
    });
    const read = await readAsRun(join(temp.dir, 'new'), manifest);
    expect(read.images).toEqual([
      { name: join('dogs', 'x.png'), label: 1 },
      { name: 'z.webp', label: null },
    ]);
    expect(read.inputs).toHaveLength(2 * 3 * 4 * 4);
    expect(read.skipped.map((s) => s.path).sort()).toEqual(['birds', 'notes.txt']);
    expect(read.skipped.find((s) => s.path === 'birds')!.reason).toMatch(/not named for one of the run's classes/);
  });

  it('refuses a folder without images and a missing path, naming them (never EISDIR)', async () => {
    writeTree(join(temp.dir, 'train'), {
      'a/1.png': await solidImage('png', 4, 4, [1, 2, 3]),
      'b/1.png': await solidImage('png', 4, 4, [9, 2, 3]),
    });
    const { manifest } = await importImages(join(temp.dir, 'train'), { size: [4, 4], datasetsDir: temp.datasetsDir });
    writeTree(join(temp.dir, 'docs'), { 'a.txt': 'x' });
    await expect(readAsRun(join(temp.dir, 'docs'), manifest)).rejects.toThrow(
      `${join(temp.dir, 'docs')}: holds no PNG, JPEG, WebP, BMP or GIF images to predict on (1 file skipped, e.g. a.txt`,
    );
    await expect(readAsRun(join(temp.dir, 'nothing'), manifest)).rejects.toThrow('there is no such file or folder');
    await expect(readAsRun(join(temp.dir, 'docs', 'a.txt'), manifest)).rejects.toThrow(
      'is not a PNG, JPEG, WebP, BMP or GIF image that can be read',
    );
  });

  it("quotes the example file's reason as its code and values beside its English", async () => {
    writeTree(join(temp.dir, 'train'), {
      'a/1.png': await solidImage('png', 4, 4, [1, 2, 3]),
      'b/1.png': await solidImage('png', 4, 4, [9, 2, 3]),
    });
    const { manifest } = await importImages(join(temp.dir, 'train'), { size: [4, 4], datasetsDir: temp.datasetsDir });
    writeTree(join(temp.dir, 'old'), { 'a.bmp': Buffer.from(IMAGEMAGICK_BMPS.rle8, 'base64') });
    const folder = await refused(readAsRun(join(temp.dir, 'old'), manifest));
    expect(folder.tableCode).toBe('predict-no-images-one');
    expect(folder.params).toEqual({
      path: join(temp.dir, 'old'),
      skipped: 1,
      example: 'a.bmp',
      reason: 'a BMP file that cannot be read (RLE8-compressed files are not supported (save it uncompressed))',
      why: 'bmp-compressed',
      'why.method': 'RLE8',
    });
    const file = await refused(readAsRun(join(temp.dir, 'old', 'a.bmp'), manifest));
    expect(file.tableCode).toBe('predict-not-an-image');
    expect(file.params).toMatchObject({ why: 'bmp-compressed', 'why.method': 'RLE8' });
  });
});
