// The import's note on a regression label too large for a network to learn well from: said with the training rows'
// mean and spread and the divisor that brings it near ±1; not said for labels near that scale, nor for classes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_NOTES } from '../../../api/importNotes';
import { IMPORT_NOTES_ZH } from '../../../api/importNotesZh';
import { noteInEnglish } from '../../../api/notes';
import { importCsv } from '../index';
import { tempFolder, type TempFolder } from '../testHelpers';
import { LARGE_TARGET_STD, largeTargetNote } from './targetScale';

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

describe('largeTargetNote', () => {
  it('gives the training rows’ mean and spread, and the power of ten below the spread as the divisor', () => {
    // Training rows 0-3: 100,000 to 160,000 (mean 130,000, std 22,360); row 4 is a test row and is left out.
    const path = targetsFile([100_000, 120_000, 140_000, 160_000, 9_000_000]);
    const note = largeTargetNote('price', path, Int32Array.from([0, 1, 2, 3]));
    expect(note).toEqual({
      code: 'csv-label-large',
      values: { column: 'price', mean: 130_000, std: 22_360, divisor: 10_000, scaledMean: 13, scaledStd: 2.236 },
    });
    expect(noteInEnglish(IMPORT_NOTES, note!)).toContain("the label 'price' is 130000 ± 22360 over the training rows");
    expect(noteInEnglish(IMPORT_NOTES, note!)).toContain(
      'Dividing the column by 10000 before importing gives 13 ± 2.236.',
    );
  });

  it('stays quiet below the threshold and on fewer than two training rows', () => {
    const spread = (LARGE_TARGET_STD - 1) / 2;
    const path = targetsFile([1000 - spread, 1000 + spread, 5]);
    expect(largeTargetNote('y', path, Int32Array.from([0, 1]))).toBeNull(); // std 49.5: a large mean alone is not it
    expect(largeTargetNote('y', targetsFile([0, 1e6]), Int32Array.from([1]))).toBeNull();
  });

  it('measures a spread just at the threshold as large', () => {
    const path = targetsFile([-LARGE_TARGET_STD, LARGE_TARGET_STD]);
    expect(largeTargetNote('y', path, Int32Array.from([0, 1]))?.values).toMatchObject({ std: 100, divisor: 100 });
  });
});

describe('importing a CSV table', () => {
  const table = (label: (i: number) => string) =>
    ['x,y', ...Array.from({ length: 40 }, (_, i) => `${i},${label(i)}`)].join('\n');

  it('notes a regression label of house prices', async () => {
    const file = temp.file(
      'houses.csv',
      table((i) => String(100_000 + 1000 * i)),
    );
    const { summary } = await importCsv(file, { labelColumn: 'y', task: 'regression', datasetsDir: temp.datasetsDir });
    const note = summary.notices.find((n) => n.code === 'csv-label-large');
    expect(note?.values).toMatchObject({ column: 'y', divisor: 10_000 });
    expect(IMPORT_NOTES_ZH['csv-label-large']).toContain('{divisor}');
  });

  it('says nothing of a label near ±1, nor of a classification label', async () => {
    const small = temp.file(
      'curve.csv',
      table((i) => String(Math.sin(i))),
    );
    const regression = await importCsv(small, { labelColumn: 'y', task: 'regression', datasetsDir: temp.datasetsDir });
    expect(regression.summary.notices).toEqual([]);
    const classes = temp.file(
      'classes.csv',
      table((i) => String(1000 * (i % 3))),
    );
    const classification = await importCsv(classes, {
      labelColumn: 'y',
      task: 'classification',
      datasetsDir: temp.datasetsDir,
    });
    expect(classification.summary.notices).toEqual([]);
  });
});
