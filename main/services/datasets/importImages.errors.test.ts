// Importing an image folder that is not all good: unreadable files are listed and skipped; a folder that cannot
// make a dataset fails with a message naming it; failures and cancellations leave no dataset folder behind.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importImages } from './importImages';
import { IMAGEMAGICK_BMPS } from './images/bmpFixtures';
import { ImageImportError } from './images/errors';
import { blackOneBitPng, solidBmp, solidImage, writeTree } from './images/testImages';
import { datasetFolders, refusedWith, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const GREY: [number, number, number] = [128, 128, 128];

const refused = (pending: Promise<unknown>) => refusedWith(pending, ImageImportError);

describe('importImages skips what it cannot read', () => {
  it('lists corrupt images, other files, loose files and nested folders with a reason, and ignores hidden files', async () => {
    const png = await solidImage('png', 8, 8, GREY);
    const root = join(temp.dir, 'mixed');
    writeTree(root, {
      'README.md': '# my images',
      '.hidden-root': 'x',
      'cats/a.png': png,
      'cats/broken.png': png.subarray(0, png.length - 30),
      'cats/notes.txt': 'good cats',
      'cats/.DS_Store': 'junk',
      'cats/empty.jpg': '',
      'cats/old/': '',
      'dogs/a.bmp': solidBmp(4, 4, GREY),
      'dogs/renamed.png': solidBmp(4, 4, GREY), // a BMP named .png: read by its bytes, not its name
      'dogs/rle.bmp': Buffer.from(IMAGEMAGICK_BMPS.rle8, 'base64'),
      '.git/config': '[core]',
    });
    const result = await importImages(root, { size: [4, 4], datasetsDir: temp.datasetsDir });
    expect(result.classCounts).toEqual({ cats: 1, dogs: 2 });
    expect(result.manifest.classNames).toEqual(['cats', 'dogs']);
    expect(result.skipped.map((s) => s.path)).toEqual([
      'README.md',
      join('cats', 'broken.png'),
      join('cats', 'empty.jpg'),
      join('cats', 'notes.txt'),
      join('cats', 'old'),
      join('dogs', 'rle.bmp'),
    ]);
    const reason = (path: string) => result.skipped.find((s) => s.path === path)!.reason;
    expect(reason('README.md')).toMatch(/not in a class folder/);
    expect(reason(join('cats', 'broken.png'))).toBe('a damaged or truncated PNG file');
    expect(reason(join('cats', 'empty.jpg'))).toBe('an empty file');
    expect(reason(join('cats', 'notes.txt'))).toBe('not a PNG, JPEG, WebP, BMP or GIF image');
    expect(reason(join('cats', 'old'))).toMatch(/a folder inside the class folder 'cats'/);
    expect(reason(join('dogs', 'rle.bmp'))).toMatch(
      /^a BMP file that cannot be read \(RLE8-compressed files are not supported/,
    );
    // Our decoder's refusal as a code with values, which the studio words in the user's language.
    expect(result.skipped.find((s) => s.path === join('dogs', 'rle.bmp'))!.why).toEqual({
      code: 'bmp-compressed',
      values: { method: 'RLE8' },
    });
  });

  it('lists folders inside class folders in the result with the files they hold, instead of ignoring them silently', async () => {
    const png = await solidImage('png', 8, 8, GREY);
    const root = join(temp.dir, 'nested');
    writeTree(root, {
      'cats/a.png': png,
      'cats/2019/b.png': png,
      'cats/2019/c.png': png,
      'cats/2019/deeper/d.png': png,
      'cats/2019/.DS_Store': 'x',
      'cats/empty/': '',
      'dogs/a.png': png,
    });
    const result = await importImages(root, { size: [4, 4], datasetsDir: temp.datasetsDir });
    expect(result.classCounts).toEqual({ cats: 1, dogs: 1 });
    expect(result.ignoredFolders).toEqual([
      { path: join('cats', '2019'), files: 3 },
      { path: join('cats', 'empty'), files: 0 },
    ]);
    expect(result.skipped.find((s) => s.path === join('cats', '2019'))!.reason).toBe(
      "a folder inside the class folder 'cats', holding 3 files, " +
        'not imported (only images directly in a class folder are imported: move them up, or make the folder a class of its own)',
    );
  });

  it('says to choose the folder one level down when the classes are inside other folders', async () => {
    // (train/ and test/ folders are a split layout of their own: importImages.splitFolders.test.ts.)
    const png = await solidImage('png', 8, 8, GREY);
    const root = join(temp.dir, 'data');
    writeTree(root, {
      'batch1/cats/a.png': png,
      'batch1/dogs/a.png': png,
      'batch2/cats/a.png': png,
      'batch2/dogs/a.png': png,
      'batch3/cats/a.png': png,
      'batch3/dogs/a.png': png,
    });
    const error = await refused(importImages(root, { size: [4, 4], datasetsDir: temp.datasetsDir }));
    expect(error.message).toContain(
      "holds no images directly in its class folders ('batch1', 'batch2', 'batch3'), only in folders inside them " +
        `(batch1/cats, batch1/dogs, batch2/cats, batch2/dogs, batch3/cats and 1 more); choose the folder whose sub-folders are the classes, e.g. ${join(root, 'batch1')}`,
    );
    // The count of more as a number of its own, which the studio words in the user's language.
    expect(error.params).toMatchObject({ nested: 'batch1/cats, batch1/dogs, batch2/cats, batch2/dogs, batch3/cats' });
    expect(error.params['nested.more']).toBe(1);
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });

  it('skips a valid PNG too large to import, naming its size, without decoding it', async () => {
    const png = await solidImage('png', 8, 8, GREY);
    const root = join(temp.dir, 'huge');
    writeTree(root, { 'cats/a.png': png, 'cats/huge.png': await blackOneBitPng(30000, 30000), 'dogs/a.png': png });
    const result = await importImages(root, { size: [4, 4], datasetsDir: temp.datasetsDir });
    expect(result.classCounts).toEqual({ cats: 1, dogs: 1 });
    expect(result.skipped).toEqual([
      {
        path: join('cats', 'huge.png'),
        reason:
          'a PNG image too large to import: 30000×30000 pixels (900 megapixels; the limit is 100 megapixels per image). Shrink it first.',
        why: {
          code: 'too-large',
          values: { format: 'PNG', width: 30000, height: 30000, megapixels: '900', limit: 100 },
        },
      },
    ]);
  });

  it('follows links to image files and lists broken links as unreadable', async () => {
    const root = join(temp.dir, 'links');
    writeTree(root, { 'a/1.bmp': solidBmp(2, 2, GREY), 'b/1.bmp': solidBmp(2, 2, GREY) });
    symlinkSync(join(root, 'a', '1.bmp'), join(root, 'b', 'linked.bmp'));
    symlinkSync(join(root, 'a', 'missing.bmp'), join(root, 'b', 'broken.bmp'));
    const result = await importImages(root, { size: [2, 2], datasetsDir: temp.datasetsDir });
    expect(result.classCounts).toEqual({ a: 1, b: 2 });
    expect(result.skipped).toEqual([
      {
        path: join('b', 'broken.bmp'),
        reason: 'cannot be read (a broken link or no permission)',
        why: { code: 'link-or-permission', values: {} },
      },
    ]);
  });
});

describe('importImages fails clearly and leaves nothing behind', () => {
  async function expectFailure(
    folder: string,
    message: RegExp,
    options: Partial<Parameters<typeof importImages>[1]> = {},
  ) {
    const error = await importImages(folder, { size: [4, 4], datasetsDir: temp.datasetsDir, ...options }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageImportError);
    expect((error as Error).message.startsWith(`${folder}: `), (error as Error).message).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  }

  it('when the folder does not exist', async () => {
    await expectFailure(join(temp.dir, 'nowhere'), /there is no such folder/);
  });

  it('when the path is a file', async () => {
    writeTree(temp.dir, { 'one.png': await solidImage('png', 4, 4, GREY) });
    await expectFailure(join(temp.dir, 'one.png'), /is not a folder/);
  });

  it('when the images are not in class folders', async () => {
    writeTree(join(temp.dir, 'flat'), { 'a.bmp': solidBmp(2, 2, GREY), 'b.bmp': solidBmp(2, 2, GREY) });
    await expectFailure(join(temp.dir, 'flat'), /has no class folders: put the images in one sub-folder per class/);
  });

  it('when there is only one class folder', async () => {
    writeTree(join(temp.dir, 'single'), { 'cats/a.bmp': solidBmp(2, 2, GREY), 'cats/b.bmp': solidBmp(2, 2, GREY) });
    await expectFailure(join(temp.dir, 'single'), /only one class folder \('cats'\); a classifier needs at least 2/);
  });

  it('when more than five class folders are empty, naming five and counting the rest apart', async () => {
    const tree: Record<string, string | Uint8Array> = { 'a/1.bmp': solidBmp(2, 2, GREY) };
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) tree[`${name}/`] = '';
    writeTree(join(temp.dir, 'gaps'), tree);
    await expectFailure(join(temp.dir, 'gaps'), /the class folders 'b', 'c', 'd', 'e', 'f' and 2 more hold no images/);
    const error = await refused(importImages(join(temp.dir, 'gaps'), { size: [4, 4], datasetsDir: temp.datasetsDir }));
    expect(error.params).toEqual({
      folder: join(temp.dir, 'gaps'),
      classes: "'b', 'c', 'd', 'e', 'f'",
      'classes.more': 2,
    });
  });

  it('when a class folder is empty, naming it', async () => {
    writeTree(join(temp.dir, 'gap'), { 'cats/a.bmp': solidBmp(2, 2, GREY), 'dogs/': '', 'owls/.DS_Store': 'x' });
    await expectFailure(join(temp.dir, 'gap'), /the class folders 'dogs', 'owls' hold no images/);
  });

  it('when a class has files but none of them is a readable image, naming it and a reason', async () => {
    writeTree(join(temp.dir, 'bad'), {
      'cats/a.bmp': solidBmp(2, 2, GREY),
      'dogs/list.txt': 'rex\nfido\n',
      'dogs/x.gif': 'GIF89a broken',
    });
    await expectFailure(
      join(temp.dir, 'bad'),
      /the class folder 'dogs' has no readable images \(for example dogs.list\.txt: not a PNG/,
    );
  });

  it("quotes the example file's reason as its code and values beside its English", async () => {
    const png = await solidImage('png', 8, 8, GREY);
    const rle8 = Buffer.from(IMAGEMAGICK_BMPS.rle8, 'base64');
    writeTree(join(temp.dir, 'broken'), { 'cats/a.bmp': rle8, 'dogs/b.png': png.subarray(0, png.length - 30) });
    const all = await refused(importImages(join(temp.dir, 'broken'), { size: [4, 4], datasetsDir: temp.datasetsDir }));
    expect(all.code).toBe('no-readable-images');
    expect(all.params).toEqual({
      folder: join(temp.dir, 'broken'),
      count: 2,
      example: join('cats', 'a.bmp'),
      reason: 'a BMP file that cannot be read (RLE8-compressed files are not supported (save it uncompressed))',
      why: 'bmp-compressed',
      'why.method': 'RLE8',
    });
    writeTree(join(temp.dir, 'half'), { 'cats/a.png': png, 'dogs/b.png': png.subarray(0, png.length - 30) });
    const one = await refused(importImages(join(temp.dir, 'half'), { size: [4, 4], datasetsDir: temp.datasetsDir }));
    expect(one.code).toBe('class-folder-unreadable');
    expect(one.params).toEqual({
      folder: join(temp.dir, 'half'),
      classes: "'dogs'",
      example: join('dogs', 'b.png'),
      reason: 'a damaged or truncated PNG file',
      why: 'damaged',
      'why.format': 'PNG',
    });
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });

  it('when no file at all is a readable image', async () => {
    writeTree(join(temp.dir, 'text'), { 'a/1.txt': 'one', 'b/2.txt': 'two' });
    await expectFailure(
      join(temp.dir, 'text'),
      /none of the 2 files in its class folders is a readable PNG, JPEG, WebP, BMP or GIF image/,
    );
  });

  it('when the size or the split is invalid, before reading any image', async () => {
    writeTree(join(temp.dir, 'ok'), { 'a/1.bmp': solidBmp(2, 2, GREY), 'b/1.bmp': solidBmp(2, 2, GREY) });
    await expectFailure(
      join(temp.dir, 'ok'),
      /the image size must be \[height, width\] in whole pixels from 1 to 2048, got \[0,4\]/,
      { size: [0, 4] },
    );
    await expectFailure(join(temp.dir, 'ok'), /the fractions must add up to 1/, {
      split: { train: 0.5, validation: 0.1, test: 0.1 },
    });
  });

  it('when a dataset folder with the same id exists, leaving it as it was', async () => {
    writeTree(join(temp.dir, 'ok'), { 'a/1.bmp': solidBmp(2, 2, GREY), 'b/1.bmp': solidBmp(2, 2, GREY) });
    writeTree(temp.datasetsDir, { 'taken/keep.txt': 'mine' });
    const error = await importImages(join(temp.dir, 'ok'), {
      size: [2, 2],
      id: 'taken',
      datasetsDir: temp.datasetsDir,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/a dataset folder .*taken already exists/);
    expect(datasetFolders(temp.datasetsDir)).toEqual(['taken']);
  });
});

describe('cancelling an image import', () => {
  it('stops on abort part-way through reading and leaves nothing behind', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`${i % 2 ? 'odd' : 'even'}/${i}.bmp`] = solidBmp(6, 6, GREY);
    writeTree(join(temp.dir, 'many'), files);
    const controller = new AbortController();
    let reads = 0;
    const error = await importImages(join(temp.dir, 'many'), {
      size: [4, 4],
      datasetsDir: temp.datasetsDir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'reading' && p.filesRead === 3) controller.abort();
        reads = Math.max(reads, p.filesRead);
      },
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(reads).toBe(3);
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });

  it('does nothing when the signal is already aborted', async () => {
    writeTree(join(temp.dir, 'ok'), { 'a/1.bmp': solidBmp(2, 2, GREY), 'b/1.bmp': solidBmp(2, 2, GREY) });
    const error = await importImages(join(temp.dir, 'ok'), {
      size: [2, 2],
      datasetsDir: temp.datasetsDir,
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });
});
