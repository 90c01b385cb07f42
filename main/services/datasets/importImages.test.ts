// Importing an image folder: every format, the layout and values of the pixels, resizing, class order,
// thumbnails and byte-for-byte reproducibility.
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importImages } from './importImages';
import {
  animatedGif,
  channelPlane,
  readImageDataset,
  rgbImage,
  solidBmp,
  solidImage,
  writeTree,
} from './images/testImages';
import { datasetFolders, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const RED: [number, number, number] = [200, 30, 10];
const GREEN: [number, number, number] = [20, 180, 40];
const BLUE: [number, number, number] = [0, 60, 250];

/** Every value of the plane is `byte` / 255 (within `tolerance` bytes for lossy formats). */
function expectPlane(plane: Float32Array, byte: number, tolerance = 0) {
  for (const v of plane) expect(Math.abs(v * 255 - byte)).toBeLessThanOrEqual(tolerance + 1e-4);
}

describe('importImages', () => {
  it('imports PNG, JPEG, WebP, GIF and BMP files from one folder per class, as [C, H, W] floats in [0, 1]', async () => {
    const images = temp.dir + '/pets';
    writeTree(images, {
      'cats/1.png': await solidImage('png', 12, 9, RED),
      'cats/2.jpg': await solidImage('jpeg', 30, 20, RED),
      'cats/3.webp': await solidImage('webp', 7, 7, RED),
      'dogs/1.gif': await solidImage('gif', 16, 16, GREEN),
      'dogs/2.bmp': solidBmp(5, 3, GREEN),
      'dogs/3.png': await solidImage('png', 100, 60, GREEN),
    });
    const result = await importImages(images, { size: [4, 6], datasetsDir: temp.datasetsDir });

    const { manifest } = result;
    expect(manifest).toMatchObject({
      name: 'pets',
      count: 6,
      featureShape: [3, 4, 6],
      task: 'classification',
      classNames: ['cats', 'dogs'],
      source: { kind: 'images', path: images },
      normalization: { axis: 'channel' },
    });
    expect(manifest.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.classCounts).toEqual({ cats: 3, dogs: 3 });
    expect(result.skipped).toEqual([]);
    expect(result.folder).toBe(join(temp.datasetsDir, manifest.id));
    expect(datasetFolders(temp.datasetsDir)).toEqual([manifest.id]);

    const dataset = readImageDataset(result.folder);
    expect(dataset.features.length).toBe(6 * 3 * 4 * 6);
    expect(dataset.labels).toEqual([0, 0, 0, 1, 1, 1]); // class by class, files in name order
    for (let n = 0; n < 6; n++) {
      const colour = n < 3 ? RED : GREEN;
      const lossy = n === 1 ? 3 : 0; // the JPEG
      for (let c = 0; c < 3; c++) expectPlane(channelPlane(dataset, n, c), colour[c], lossy);
    }
    const { train, validation, test } = dataset.split;
    expect([...train, ...validation, ...test].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(manifest.split.counts).toEqual({ train: train.length, validation: validation.length, test: test.length });
  });

  it('converts to one grayscale channel with the ITU-R 601 weights', async () => {
    writeTree(temp.dir, { 'img/a/x.png': await solidImage('png', 8, 8, RED), 'img/b/y.bmp': solidBmp(8, 8, BLUE) });
    const result = await importImages(join(temp.dir, 'img'), {
      size: [5, 5],
      grayscale: true,
      datasetsDir: temp.datasetsDir,
    });
    expect(result.manifest.featureShape).toEqual([1, 5, 5]);
    expect(result.manifest.normalization?.mean).toHaveLength(1);
    const dataset = readImageDataset(result.folder);
    expect(dataset.features.length).toBe(2 * 25);
    const luma = ([r, g, b]: number[]) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    expectPlane(channelPlane(dataset, 0, 0), luma(RED));
    expectPlane(channelPlane(dataset, 1, 0), luma(BLUE));
  });

  it('takes the first frame of an animated GIF, drops alpha without blending, and applies EXIF orientation', async () => {
    // 20 wide × 10 high, red left half and blue right half, stored with "rotate 90° clockwise to display".
    const halves = new Uint8Array(20 * 10 * 3);
    for (let p = 0; p < 200; p++) halves.set(p % 20 < 10 ? RED : BLUE, p * 3);
    const sideways = await sharp(halves, { raw: { width: 20, height: 10, channels: 3 } })
      .jpeg({ quality: 100 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const transparent = await sharp({
      create: { width: 4, height: 4, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0 } },
    })
      .png()
      .toBuffer();
    writeTree(temp.dir, {
      'set/animated/a.gif': await animatedGif(6, 6, GREEN, BLUE),
      'set/clear/a.png': transparent,
      'set/photo/a.jpg': sideways,
    });
    const result = await importImages(join(temp.dir, 'set'), { size: [20, 10], datasetsDir: temp.datasetsDir });
    const dataset = readImageDataset(result.folder);
    for (let c = 0; c < 3; c++) expectPlane(channelPlane(dataset, 0, c), GREEN[c]);
    for (let c = 0; c < 3; c++) expectPlane(channelPlane(dataset, 1, c), [10, 20, 30][c]);
    // Upright the photo is 10 wide × 20 high: red on top, blue below.
    const red = channelPlane(dataset, 2, 0);
    expect(red[9] * 255).toBeGreaterThan(180); // top-right: blue if the photo were left sideways
    expect(red[19 * 10] * 255).toBeLessThan(20); // bottom-left: red if it were left sideways
  });

  it.each([
    ['fill', { corner: RED, centre: GREEN }], // stretched: the left band reaches the corner
    ['cover', { corner: GREEN, centre: GREEN }], // centre crop: only the middle band is left
    ['contain', { corner: [0, 0, 0], centre: GREEN }], // padded above and below with black
  ] as const)("resizes with fit '%s'", async (fit, expected) => {
    // 40 wide × 10 high: a red band 10 pixels wide, green 20, blue 10.
    const bands = new Uint8Array(40 * 10 * 3);
    for (let p = 0; p < 400; p++) bands.set([RED, GREEN, GREEN, BLUE][Math.floor((p % 40) / 10)], p * 3);
    writeTree(temp.dir, {
      'f/a/bands.png': await rgbImage('png', 40, 10, bands),
      'f/b/x.png': await solidImage('png', 3, 3, RED),
    });
    const result = await importImages(join(temp.dir, 'f'), { size: [9, 9], fit, datasetsDir: temp.datasetsDir });
    const dataset = readImageDataset(result.folder);
    const pixel = (x: number, y: number) =>
      [0, 1, 2].map((c) => Math.round(channelPlane(dataset, 0, c)[y * 9 + x] * 255));
    expect(pixel(0, 0)).toEqual([...expected.corner]);
    expect(pixel(4, 4)).toEqual([...expected.centre]);
  });

  it('orders classes by code point, whatever the locale or the order the folders were made in', async () => {
    const names = ['éclair', 'beta', 'Zulu', '9', 'Alpha', '10'];
    const files: Record<string, Uint8Array> = {};
    for (const name of names) files[`${name}/img.bmp`] = solidBmp(2, 2, RED);
    writeTree(join(temp.dir, 'letters'), files);
    const result = await importImages(join(temp.dir, 'letters'), { size: [2, 2], datasetsDir: temp.datasetsDir });
    expect(result.manifest.classNames).toEqual(['10', '9', 'Alpha', 'Zulu', 'beta', 'éclair']);
    expect(result.manifest.classNames!.map((name) => result.classCounts[name])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('returns up to 4 thumbnails per class as PNG data URLs at the imported size', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) files[`many/${i}.png`] = await solidImage('png', 10, 10, RED);
    files['few/0.png'] = await solidImage('png', 10, 10, BLUE);
    files['few/1.bmp'] = solidBmp(10, 10, BLUE);
    writeTree(join(temp.dir, 'thumbs'), files);
    const result = await importImages(join(temp.dir, 'thumbs'), { size: [6, 8], datasetsDir: temp.datasetsDir });
    expect(result.thumbnails.map((t) => t.className)).toEqual(['few', 'few', 'many', 'many', 'many', 'many']);
    for (const { dataUrl } of result.thumbnails) {
      expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
      const png = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
      const { width, height, format } = await sharp(png).metadata();
      expect({ width, height, format }).toEqual({ width: 8, height: 6, format: 'png' });
    }
    const { data } = await sharp(Buffer.from(result.thumbnails[0].dataUrl.split(',')[1], 'base64'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Array.from(data.subarray(0, 3))).toEqual(BLUE);
  });

  it('writes identical bytes when the same folder is imported twice with the same options', async () => {
    const noise = (seed: number) =>
      Uint8Array.from({ length: 16 * 12 * 3 }, (_, i) => (i * 7919 + seed * 104729) % 251);
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) {
      files[`a/${i}.jpg`] = await rgbImage('jpeg', 16, 12, noise(i));
      files[`b/${i}.webp`] = await rgbImage('webp', 16, 12, noise(i + 10));
      files[`c/${i}.bmp`] = solidBmp(16, 12, [i * 40, 255 - i * 40, 7]);
    }
    writeTree(join(temp.dir, 'same'), files);
    const run = (dir: string) =>
      importImages(join(temp.dir, 'same'), { size: [10, 10], id: 'fixed', datasetsDir: join(temp.dir, dir) });
    const first = readImageDataset((await run('one')).folder);
    const second = readImageDataset((await run('two')).folder);
    expect(Object.keys(first.files).sort()).toEqual([
      'dataset.json',
      'features.f32',
      'labels.i32',
      'split-test.i32',
      'split-train.i32',
      'split-validation.i32',
    ]);
    for (const name of Object.keys(first.files)) expect(second.files[name].equals(first.files[name]), name).toBe(true);
  });

  it('hashes the file list and contents: changing one image changes the source sha256', async () => {
    writeTree(join(temp.dir, 'h'), { 'a/1.bmp': solidBmp(3, 3, RED), 'b/1.bmp': solidBmp(3, 3, BLUE) });
    const before = await importImages(join(temp.dir, 'h'), { size: [3, 3], datasetsDir: temp.datasetsDir });
    writeTree(join(temp.dir, 'h'), { 'b/1.bmp': solidBmp(3, 3, GREEN) });
    const after = await importImages(join(temp.dir, 'h'), { size: [3, 3], datasetsDir: temp.datasetsDir });
    expect(after.manifest.source.sha256).not.toBe(before.manifest.source.sha256);
  });

  it('reports progress by file until every file is read', async () => {
    writeTree(join(temp.dir, 'p'), { 'a/1.bmp': solidBmp(3, 3, RED), 'a/2.txt': 'x', 'b/1.bmp': solidBmp(4, 4, BLUE) });
    const seen: Array<{ phase: string; filesRead: number; totalFiles: number; bytesRead: number; totalBytes: number }> =
      [];
    await importImages(join(temp.dir, 'p'), {
      size: [3, 3],
      datasetsDir: temp.datasetsDir,
      onProgress: (p) => seen.push(p),
    });
    const reading = seen.filter((p) => p.phase === 'reading' && p.totalFiles > 0);
    expect(reading.map((p) => p.filesRead)).toEqual([1, 2, 3]);
    expect(reading.at(-1)!.bytesRead).toBe(reading.at(-1)!.totalBytes);
    expect(seen.at(-1)!.phase).toBe('finishing');
  });
});
