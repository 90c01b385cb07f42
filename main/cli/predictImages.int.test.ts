// `netwright predict RUN image|folder/` on a run trained on images: one PNG, a folder whose class sub-folders give
// labels (accuracy next to the run's own test accuracy), and a folder without images (a clear error, never EISDIR).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidImage, writeTree } from '../services/datasets/images/testImages';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-predict-images-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const shades: Record<string, [number, number, number]> = {
  dark: [20, 20, 20],
  light: [235, 235, 235],
  red: [220, 30, 30],
};
let runId = '';

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const [name, rgb] of Object.entries(shades))
    for (let i = 0; i < 12; i++)
      files[`${name}/${i}.png`] = await solidImage('png', 10 + i, 12, rgb.map((v) => v + i) as never);
  writeTree(join(home, 'shades'), files);
  const imported = netwright(home, ['import', join(home, 'shades'), '--image-size', '8x8', '--json']);
  expect(imported.status, imported.stderr).toBe(0);
  const datasetFolder = JSON.parse(imported.stdout).folder as string;
  const trained = netwright(home, ['train', '--data', datasetFolder, '--epochs', '40', '--lr', '0.01', '--json']);
  expect(trained.status, trained.stderr).toBe(0);
  runId = jsonLines(trained.stdout).at(-1)!.runId;

  writeTree(join(home, 'new'), {
    'light/a.png': await solidImage('png', 30, 30, [240, 240, 240]),
    'dark/b.png': await solidImage('jpeg', 16, 20, [10, 10, 10]),
    'loose.png': await solidImage('png', 9, 9, [225, 25, 25]),
    'readme.txt': 'not an image',
  });
  mkdirSync(join(home, 'texts'));
  writeFileSync(join(home, 'texts', 'a.txt'), 'hello');
});

describe('netwright predict on images', () => {
  it('predicts one PNG with every class probability', async () => {
    const result = netwright(home, ['predict', runId, join(home, 'new', 'light', 'a.png'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const [prediction, summary] = jsonLines(result.stdout);
    expect(prediction).toMatchObject({ type: 'prediction', file: 'a.png', predicted: 'light' });
    expect(Object.keys(prediction.probabilities)).toEqual(['dark', 'light', 'red']);
    expect(Object.values(prediction.probabilities as Record<string, number>).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(summary).toMatchObject({ type: 'summary', images: 1, accuracy: null });
  });

  it('predicts a folder: labelled images scored against the run test accuracy, other files skipped', () => {
    const result = netwright(home, ['predict', runId, join(home, 'new')]);
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toBe('file,predicted,p(dark),p(light),p(red),label');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(','))).toEqual([
      `${join('dark', 'b.png')},dark`,
      `${join('light', 'a.png')},light`,
      'loose.png,red',
    ]);
    expect(result.stderr).toContain('skipped readme.txt: not a PNG, JPEG, WebP, BMP or GIF image');
    expect(result.stderr).toMatch(
      /accuracy 100(\.0)?% on the 2 images in class folders; the run's own test accuracy: \d+/,
    );
  });

  it('refuses a folder without images, naming it', () => {
    const result = netwright(home, ['predict', runId, join(home, 'texts')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(home, 'texts')}: holds no PNG, JPEG, WebP, BMP or GIF images to predict on`,
    );
    expect(result.stderr).not.toContain('EISDIR');
  });

  it('evaluates on a separate labelled folder, next to the run test accuracy', () => {
    const result = netwright(home, ['evaluate', runId, '--data', join(home, 'new'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const evaluation = JSON.parse(result.stdout);
    expect(evaluation).toMatchObject({ type: 'evaluation', score: { labelled: 2, accuracy: 1 } });
    expect(evaluation.runTest.accuracy).toEqual(expect.any(Number));
    const text = netwright(home, ['evaluate', runId, '--data', join(home, 'texts')]);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('holds no PNG, JPEG, WebP, BMP or GIF images to predict on');
  });
});
