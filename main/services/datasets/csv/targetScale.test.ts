// A regression label far from ±1: standardized for training by default (the manifest's targetNormalization, and a
// note with the training rows' mean and spread), or, kept as it is, noted with the divisor that brings it near ±1;
// a label near that scale and a classification label are left alone, unless standardizing is asked for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../../../engine/core/data/dataset';
import { IMPORT_NOTES } from '../../../api/importNotes';
import { IMPORT_NOTES_ZH } from '../../../api/importNotesZh';
import { noteInEnglish } from '../../../api/notes';
import { importCsv } from '../index';
import { tempFolder, type TempFolder } from '../testHelpers';
import { LARGE_TARGET_STD, labelScaling } from './targetScale';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

function targetsFile(values: number[]): string {
  const path = join(temp.dir, 'targets.f32');
  writeFileSync(path, new Uint8Array(Float32Array.from(values).buffer));
  return path;
}

// Training rows 0-3: 100,000 to 160,000 (mean 130,000, std 22,360.7); row 4 is a test row and is left out.
const HOUSES = [100_000, 120_000, 140_000, 160_000, 9_000_000];
const TRAIN = Int32Array.from([0, 1, 2, 3]);

describe('labelScaling', () => {
  it('standardizes a large label by default, with the training rows’ statistics, and says so', () => {
    const scaling = labelScaling('price', targetsFile(HOUSES), TRAIN);
    expect(scaling.targetNormalization?.mean).toEqual([130_000]);
    expect(scaling.targetNormalization?.std[0]).toBeCloseTo(22_360.68, 2);
    expect(scaling.note).toEqual({
      code: 'csv-label-standardized',
      values: { column: 'price', mean: 130_000, std: 22_360 },
    });
    expect(noteInEnglish(IMPORT_NOTES, scaling.note!)).toContain('(value − 130000) / 22360');
    expect(IMPORT_NOTES_ZH['csv-label-standardized']).toContain('{mean}');
  });

  it('keeps a large label when asked, with the power of ten below the spread as the divisor', () => {
    const scaling = labelScaling('price', targetsFile(HOUSES), TRAIN, 'keep');
    expect(scaling.targetNormalization).toBeNull();
    expect(scaling.note).toEqual({
      code: 'csv-label-large',
      values: { column: 'price', mean: 130_000, std: 22_360, divisor: 10_000, scaledMean: 13, scaledStd: 2.236 },
    });
    expect(noteInEnglish(IMPORT_NOTES, scaling.note!)).toContain(
      'divide the column by 10000 before importing: 13 ± 2.236.',
    );
  });

  it('calls a narrow label far from 0 large too, its divisor from the mean', () => {
    const scaling = labelScaling('kelvin', targetsFile([5000, 5002, 4998, 5000]), TRAIN, 'keep');
    expect(scaling.note?.values).toMatchObject({ mean: 5000, divisor: 1000, scaledMean: 5 });
    expect(labelScaling('kelvin', targetsFile([5000, 5002, 4998, 5000]), TRAIN).targetNormalization?.mean).toEqual([
      5000,
    ]);
  });

  it('leaves a label near ±1 alone unless asked, and a label on fewer than two training rows', () => {
    const spread = (LARGE_TARGET_STD - 1) / 2;
    const near = targetsFile([50 - spread, 50 + spread, 5]);
    expect(labelScaling('y', near, Int32Array.from([0, 1]))).toEqual({ targetNormalization: null, note: null });
    const asked = labelScaling('y', near, Int32Array.from([0, 1]), 'standardize');
    expect(asked.targetNormalization).toEqual({ mean: [50], std: [49.5] });
    expect(asked.note?.code).toBe('csv-label-standardized');
    expect(labelScaling('y', targetsFile([0, 1e6]), Int32Array.from([1]))).toEqual({
      targetNormalization: null,
      note: null,
    });
  });

  it('measures a spread just at the threshold as large', () => {
    const path = targetsFile([-LARGE_TARGET_STD, LARGE_TARGET_STD]);
    expect(labelScaling('y', path, Int32Array.from([0, 1]), 'keep').note?.values).toMatchObject({
      std: 100,
      divisor: 100,
    });
  });
});

describe('importing a CSV table', () => {
  const table = (label: (i: number) => string) =>
    ['x,y', ...Array.from({ length: 40 }, (_, i) => `${i},${label(i)}`)].join('\n');
  const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, DATASET_FILES.manifest), 'utf8'));

  it('standardizes a regression label of house prices, and keeps the file’s values in targets.f32', async () => {
    const file = temp.file(
      'houses.csv',
      table((i) => String(100_000 + 1000 * i)),
    );
    const { summary, folder, manifest } = await importCsv(file, {
      labelColumn: 'y',
      task: 'regression',
      datasetsDir: temp.datasetsDir,
    });
    expect(summary.notices.find((n) => n.code === 'csv-label-standardized')?.values).toMatchObject({ column: 'y' });
    const { mean, std } = manifest.targetNormalization!;
    expect(mean[0]).toBeGreaterThan(100_000);
    expect(std[0]).toBeGreaterThan(5000);
    expect(manifestOf(folder).targetNormalization).toEqual(manifest.targetNormalization);
    const targets = new Float32Array(new Uint8Array(readFileSync(join(folder, DATASET_FILES.targets))).buffer);
    expect(Array.from(targets.slice(0, 2))).toEqual([100_000, 101_000]);
  });

  it('keeps the label when asked, with the note that says how large it is', async () => {
    const file = temp.file(
      'houses.csv',
      table((i) => String(100_000 + 1000 * i)),
    );
    const { summary, manifest } = await importCsv(file, {
      labelColumn: 'y',
      task: 'regression',
      labelScale: 'keep',
      datasetsDir: temp.datasetsDir,
    });
    expect(manifest.targetNormalization).toBeNull();
    expect(summary.notices.find((n) => n.code === 'csv-label-large')?.values).toMatchObject({ divisor: 10_000 });
  });

  it('says nothing of a label near ±1, nor of a classification label', async () => {
    const small = temp.file(
      'curve.csv',
      table((i) => String(Math.sin(i))),
    );
    const regression = await importCsv(small, { labelColumn: 'y', task: 'regression', datasetsDir: temp.datasetsDir });
    expect(regression.summary.notices).toEqual([]);
    expect(regression.manifest.targetNormalization).toBeNull();
    const classes = temp.file(
      'classes.csv',
      table((i) => String(1000 * (i % 3))),
    );
    const classification = await importCsv(classes, {
      labelColumn: 'y',
      task: 'classification',
      labelScale: 'standardize',
      datasetsDir: temp.datasetsDir,
    });
    expect(classification.summary.notices).toEqual([]);
    expect(classification.manifest.targetNormalization).toBeUndefined();
  });
});
