// Looking at an image folder before import: the classes and counts, and the size and colour of its images, so the
// dialog proposes an 8×8 grayscale folder as 8×8 grayscale (not 28×28 RGB) and large photos at a trainable size.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder, type TempFolder } from '../testHelpers';
import { previewImageFolder } from './preview';
import { encodeBmp24, solidImage, writeTree } from './testImages';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

/** An 8×8 one-channel PNG whose pixels vary (a digit-like ramp), as scikit-learn's digits saved as images are. */
async function grayDigit(seed: number): Promise<Buffer> {
  const pixels = Uint8Array.from({ length: 64 }, (_, i) => (i * 16 + seed * 37) % 256);
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

describe('previewImageFolder', () => {
  it('proposes the folder’s own size and grayscale for 8×8 gray digits', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let digit = 0; digit < 3; digit++)
      for (let i = 0; i < 4; i++) files[`${digit}/${i}.png`] = await grayDigit(digit * 4 + i);
    writeTree(temp.dir + '/digits', files);
    const preview = await previewImageFolder(temp.dir + '/digits');
    expect(preview.classes).toEqual([
      { name: '0', images: 4 },
      { name: '1', images: 4 },
      { name: '2', images: 4 },
    ]);
    expect(preview).toMatchObject({ sampled: 12, commonSize: [8, 8], proposedSize: [8, 8], grayscale: true });
  });

  it('counts an RGB file whose pixels are all gray as gray, and one coloured pixel as colour', async () => {
    const layout = { width: 2, height: 1 };
    writeTree(temp.dir + '/bmp', {
      'a/gray.bmp': encodeBmp24(layout, [90, 90, 90, 200, 200, 200]),
      'b/gray.bmp': encodeBmp24(layout, [10, 10, 10, 0, 0, 0]),
    });
    expect((await previewImageFolder(temp.dir + '/bmp')).grayscale).toBe(true);
    writeTree(temp.dir + '/bmp', { 'b/red.bmp': encodeBmp24(layout, [10, 10, 10, 200, 0, 0]) });
    expect((await previewImageFolder(temp.dir + '/bmp')).grayscale).toBe(false);
  });

  it('takes the most common size, shrinks large photos to a trainable size, and passes over unreadable files', async () => {
    writeTree(temp.dir + '/photos', {
      'cats/1.jpg': await solidImage('jpeg', 640, 480, [200, 30, 10]),
      'cats/2.jpg': await solidImage('jpeg', 640, 480, [200, 30, 10]),
      'dogs/1.png': await solidImage('png', 300, 300, [20, 180, 40]),
      'dogs/broken.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    });
    const preview = await previewImageFolder(temp.dir + '/photos');
    expect(preview).toMatchObject({ sampled: 3, commonSize: [480, 640], proposedSize: [96, 128], grayscale: false });
  });

  it('looks through train/ and test/ folders: classes from train/, its size and colour, and the split they fix', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const digit of ['a', 'b']) {
      for (let i = 0; i < 3; i++) files[`train/${digit}/${i}.png`] = await grayDigit(i);
      files[`test/${digit}/0.png`] = await grayDigit(7);
    }
    writeTree(temp.dir + '/split', files);
    const preview = await previewImageFolder(temp.dir + '/split');
    expect(preview.classes).toEqual([
      { name: 'a', images: 4 },
      { name: 'b', images: 4 },
    ]);
    expect(preview).toMatchObject({
      commonSize: [8, 8],
      proposedSize: [8, 8],
      grayscale: true,
      fixedSplit: { folders: ['train', 'test'], counts: { train: 6, validation: 0, test: 2 } },
    });
    const plain = await previewImageFolder(temp.dir + '/split/train');
    expect(plain.fixedSplit).toBeNull();
  });
});
