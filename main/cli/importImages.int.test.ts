// `netwright import FOLDER --image-size HxW`: an image folder becomes a dataset folder under NETWRIGHT_HOME, and the
// command prints the classes, the counts, the skipped files and the folder; bad folders fail naming themselves.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { solidBmp, solidImage, writeTree } from '../services/datasets/images/testImages';
import { netwright as netwrightIn } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-cli-images-'));
const shapes = join(home, 'shapes');
afterAll(() => rmSync(home, { recursive: true, force: true }));

const netwright = (args: string[]) => netwrightIn(home, args);

const datasets = () => (existsSync(join(home, 'datasets')) ? readdirSync(join(home, 'datasets')) : []);

beforeAll(async () => {
  const files: Record<string, string | Uint8Array> = {
    'circles/notes.txt': 'drawn by hand',
    'stray.png': await solidImage('png', 4, 4, [0, 0, 0]),
  };
  for (let i = 0; i < 5; i++) {
    files[`circles/${i}.png`] = await solidImage('png', 30, 30, [250, 250, 250]);
    files[`squares/${i}.jpg`] = await solidImage('jpeg', 40, 20, [10, 10, 10]);
    files[`triangles/${i}.bmp`] = solidBmp(12, 12, [120, 120, 120]);
  }
  writeTree(shapes, files);
});

describe('netwright import with an image folder', () => {
  it('imports it and prints classes, counts, skipped files, the split and the dataset folder', () => {
    const result = netwright(['import', shapes, '--image-size', '16x12', '--grayscale', '--name', 'Shapes']);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`imported 15 images of ${shapes} as 'Shapes' (3 classes, grayscale 16×12 (height×width)`);
    expect(out).toContain('classes: circles 5, squares 5, triangles 5');
    expect(out).toContain('skipped 2 files:');
    expect(out).toContain(`  ${join('circles', 'notes.txt')}: not a PNG, JPEG, WebP, BMP or GIF image`);
    expect(out).toContain('  stray.png: not in a class folder');
    expect(out).toMatch(/split: \d+ train \/ \d+ validation \/ \d+ test \(seed 42\)/);
    const folder = /dataset folder: (.+)/.exec(out)![1];
    expect(folder.startsWith(join(home, 'datasets'))).toBe(true);
    expect(readdirSync(folder).sort()).toEqual([
      'dataset.json',
      'features.f32',
      'labels.i32',
      'split-test.i32',
      'split-train.i32',
      'split-validation.i32',
    ]);
  });

  it('prints the manifest, counts and skipped files as JSON with --json', () => {
    const result = netwright(['import', shapes, '--image-size', '8', '--fit', 'cover', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      folder: string;
      manifest: DatasetManifest;
      classCounts: Record<string, number>;
      skipped: unknown[];
    };
    expect(printed.manifest).toMatchObject({
      name: 'shapes',
      count: 15,
      featureShape: [3, 8, 8],
      classNames: ['circles', 'squares', 'triangles'],
      source: { kind: 'images', path: shapes },
    });
    expect(printed.classCounts).toEqual({ circles: 5, squares: 5, triangles: 5 });
    expect(printed.skipped).toHaveLength(2);
    expect(printed.skipped).toContainEqual({
      path: join('circles', 'notes.txt'),
      reason: 'not a PNG, JPEG, WebP, BMP or GIF image',
      code: 'not-an-image',
      values: {},
    });
    expect(existsSync(join(printed.folder, 'dataset.json'))).toBe(true);
  });

  it('fails naming the folder when a class has no readable images, and leaves no dataset behind', () => {
    const bad = join(home, 'bad');
    writeTree(bad, { 'cats/a.bmp': solidBmp(2, 2, [1, 2, 3]), 'dogs/readme.txt': 'woof' });
    const before = datasets();
    const result = netwright(['import', bad, '--image-size', '4x4']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}: the class folder 'dogs' has no readable images`);
    expect(datasets()).toEqual(before);
  });

  it('asks for --image-size, and refuses CSV options for a folder', () => {
    const noSize = netwright(['import', shapes]);
    expect(noSize.status).toBe(2);
    expect(noSize.stderr).toContain('--image-size HEIGHTxWIDTH says what size to make every image');
    const badSize = netwright(['import', shapes, '--image-size', '28 by 28']);
    expect(badSize.stderr).toContain("--image-size is HEIGHTxWIDTH in pixels (e.g. 28x28), not '28 by 28'");
    expect(badSize.status).toBe(2);
    const label = netwright(['import', shapes, '--image-size', '8x8', '--label', 'kind']);
    expect(label.status).toBe(2);
    expect(label.stderr).toContain("--label is for CSV tables: an image folder's classes are its sub-folders");
  });

  it('keeps the split of train/ and test/ folders, and the run summary says the split came from them', async () => {
    const split = join(home, 'split');
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) {
      files[`train/dark/${i}.png`] = await solidImage('png', 6, 6, [10 + i, 10, 10]);
      files[`train/light/${i}.png`] = await solidImage('png', 6, 6, [240 - i, 240, 240]);
    }
    for (let i = 0; i < 2; i++) {
      files[`test/dark/${i}.png`] = await solidImage('png', 6, 6, [20, 20, 20]);
      files[`test/light/${i}.png`] = await solidImage('png', 6, 6, [230, 230, 230]);
    }
    writeTree(split, files);
    const result = netwright(['import', split, '--image-size', '4x4', '--grayscale']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('split: 12 train / 0 validation / 4 test (from folders train/, test/)');
    const folder = /dataset folder: (.+)/.exec(result.stdout)![1];
    const trained = netwright(['train', '--data', folder, '--epochs', '2']);
    expect(trained.status, trained.stderr).toBe(0);
    expect(trained.stdout + trained.stderr).toContain(
      '(12 train / 0 validation / 4 test, split from folders train/, test/)',
    );
  });
});
