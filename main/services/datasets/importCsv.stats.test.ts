// Missing values under each policy, standardization statistics from the training rows only, and the split.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv, type CsvImportRequest } from './index';
import { readDataset, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const load = async (content: string, options: Omit<CsvImportRequest, 'datasetsDir'>) => {
  const result = await importCsv(temp.file(`f${Math.random().toString(36).slice(2)}.csv`, content), {
    datasetsDir: temp.datasetsDir,
    ...options,
  });
  return { ...result, ...readDataset(result.folder) };
};

/** Population mean and std, in double, of float32-rounded values. */
function stats(values: number[]): { mean: number; std: number } {
  const xs = values.map(Math.fround);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, std: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) };
}

// Rows 0-9; row 2 misses x; rows 5 and 7 miss colour ('?' and 'N/A').
const HOLES = [
  'x,colour,label',
  '1,red,a',
  '2,blue,b',
  ',red,a',
  '4,red,b',
  '5,blue,a',
  '6,?,b',
  '7,green,a',
  '8,N/A,b',
  '9,red,a',
  '10,blue,b',
].join('\n');
const HALF = { train: 0.5, validation: 0.5, test: 0, seed: 3 };

describe('missing values', () => {
  it("'drop-row' drops rows with a missing cell in any used column", async () => {
    const { manifest, rows, summary } = await load(HOLES, { labelColumn: 'label', missing: 'drop-row', split: HALF });
    expect(manifest.count).toBe(7);
    expect(summary).toMatchObject({ rows: 10, droppedRows: 3, filledCells: 0 });
    expect(rows.map((r) => r[0])).toEqual([1, 2, 4, 5, 7, 9, 10]);
  });

  it("'drop-row' keeps rows whose only missing cells are in excluded columns", async () => {
    const { manifest } = await load(HOLES, { labelColumn: 'label', excludeColumns: ['colour'], split: HALF });
    expect(manifest.count).toBe(9);
  });

  it("'fill-mean' fills numbers with the training rows' mean and categories with their most frequent value", async () => {
    const { manifest, rows, split, summary } = await load(HOLES, {
      labelColumn: 'label',
      missing: 'fill-mean',
      split: HALF,
    });
    expect(manifest.count).toBe(10);
    expect(summary.filledCells).toBe(3);
    const trainX = split.train.filter((r) => r !== 2).map((r) => r + 1);
    expect(rows[2][0]).toBe(Math.fround(trainX.reduce((a, b) => a + b, 0) / trainX.length));
    // colour one-hot: blue, green, red; the training rows' most frequent colour fills row 5.
    const colours = ['red', 'blue', 'red', 'red', 'blue', null, 'green', 'red', 'red', 'blue'];
    const tally = new Map<string, number>();
    for (const r of split.train) if (colours[r]) tally.set(colours[r]!, (tally.get(colours[r]!) ?? 0) + 1);
    const mode = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    expect(rows[5].slice(1)).toEqual(['blue', 'green', 'red'].map((c) => (c === mode ? 1 : 0)));
    expect(rows[7].slice(1)).toEqual(rows[5].slice(1));
    expect(rows[7][0]).toBe(8);
  });

  it("'fill-most-frequent' fills numbers with the training rows' most frequent value", async () => {
    const csv = ['x,label', '3,a', '3,b', '1,a', '?,b', '3,a', '2,b', 'NaN,a', '1,b'].join('\n');
    const { rows, split } = await load(csv, {
      labelColumn: 'label',
      missing: 'fill-most-frequent',
      split: { train: 1, validation: 0, test: 0 },
    });
    expect(split.train).toHaveLength(8);
    expect(rows[3][0]).toBe(3);
    expect(rows[6][0]).toBe(3);
  });

  it('treats empty, NA, N/A, NaN, null and ? as missing, whatever their case and spaces', async () => {
    const csv = [
      'x,y,label',
      '1,5,a',
      ' na ,6,b',
      'n/a,7,a',
      'NAN,8,b',
      'Null,9,a',
      ' ? ,10,b',
      ',11,a',
      '8,12,b',
    ].join('\n');
    const { manifest } = await load(csv, { labelColumn: 'label', split: { train: 0.5, validation: 0.5, test: 0 } });
    expect(manifest.count).toBe(2);
  });
});

describe('standardization statistics', () => {
  // x rises with the row number, so the training rows' statistics differ from those of all rows.
  const csv = [
    'x,constant,colour,label',
    ...Array.from({ length: 40 }, (_, i) => `${i * i * 0.5},7,${i % 3 ? 'red' : 'blue'},${i % 2 ? 'odd' : 'even'}`),
  ].join('\n');

  it('come from the training rows only; one-hot and constant features get mean 0 / std 1 or std 1', async () => {
    const { manifest, rows, split } = await load(csv, { labelColumn: 'label' });
    const norm = manifest.normalization!;
    expect(norm.axis).toBe('feature');
    const train = stats(split.train.map((r) => rows[r][0]));
    const all = stats(rows.map((r) => r[0]));
    expect(norm.mean[0]).toBeCloseTo(train.mean, 9);
    expect(norm.std[0]).toBeCloseTo(train.std, 9);
    expect(Math.abs(norm.mean[0] - all.mean)).toBeGreaterThan(1e-3);
    expect(norm.mean[1]).toBeCloseTo(7, 12);
    expect(norm.std[1]).toBe(1);
    expect(norm.mean.slice(2)).toEqual([0, 0]);
    expect(norm.std.slice(2)).toEqual([1, 1]);
    expect(rows[3][0]).toBe(4.5); // features stay raw: the engine standardizes
  });

  it('are left out when standardize is off', async () => {
    const { manifest } = await load(csv, { labelColumn: 'label', standardize: false });
    expect(manifest.normalization).toBeNull();
  });
});

describe('the split', () => {
  const csv = ['x,label', ...Array.from({ length: 100 }, (_, i) => `${i},${i < 80 ? 'common' : 'rare'}`)].join('\n');

  it('is stratified by class by default, reproducible by seed, and recorded in the manifest', async () => {
    const first = await load(csv, {
      labelColumn: 'label',
      split: { train: 0.6, validation: 0.2, test: 0.2, seed: 11 },
    });
    const again = await load(csv, {
      labelColumn: 'label',
      split: { train: 0.6, validation: 0.2, test: 0.2, seed: 11 },
    });
    const other = await load(csv, {
      labelColumn: 'label',
      split: { train: 0.6, validation: 0.2, test: 0.2, seed: 12 },
    });
    expect(first.manifest.split).toEqual({
      seed: 11,
      train: 0.6,
      validation: 0.2,
      test: 0.2,
      stratified: true,
      counts: { train: 60, validation: 20, test: 20 },
    });
    expect(again.split).toEqual(first.split);
    expect(other.split.train).not.toEqual(first.split.train);
    const rare = (rowsOf: number[]) => rowsOf.filter((r) => first.labels![r] === 1).length;
    expect([rare(first.split.train), rare(first.split.validation), rare(first.split.test)]).toEqual([12, 4, 4]);
  });

  it('can be unstratified', async () => {
    const { manifest } = await load(csv, {
      labelColumn: 'label',
      split: { train: 0.6, validation: 0.2, test: 0.2, stratify: false },
    });
    expect(manifest.split.stratified).toBe(false);
  });
});
