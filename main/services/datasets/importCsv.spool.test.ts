// A table whose features are all plain numbers is read once: the first read spools the feature file
// (csv/spool.ts) and the second read is skipped. The dataset must be the one two reads write: the same table with
// one cell padded by a space (not a plain number, so the spool is abandoned) is the control.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../../engine/core/data/dataset';
import { Rng } from '../../../engine/core/rng';
import { importCsv, type CsvImportRequest, type ImportProgress } from './index';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());
let fileCount = 0;

/** Plain numbers (integers, decimals, signs), an id column to exclude, and a label. */
function numericTable(rows: number): string[][] {
  const rng = new Rng(17);
  const out = [['x1', 'id', 'x2', 'label', 'x3']];
  for (let r = 0; r < rows; r++) {
    out.push([
      String(rng.int(256)),
      `row-${r}`,
      (rng.uniform() * 20 - 10).toFixed(3),
      ['cat', 'dog'][rng.int(2)],
      `+${rng.int(9)}.5`,
    ]);
  }
  return out;
}

async function imported(name: string, cells: string[][], request: Partial<CsvImportRequest> = {}) {
  const path = temp.file(name, `${cells.map((row) => row.join(',')).join('\n')}\n`);
  const phases = new Set<ImportProgress['phase']>();
  const result = await importCsv(path, {
    datasetsDir: temp.datasetsDir,
    labelColumn: 'label',
    excludeColumns: ['id'],
    onProgress: (p) => phases.add(p.phase),
    ...request,
  });
  return { result, phases, features: readFileSync(join(result.folder, DATASET_FILES.features)) };
}

type Imported = Awaited<ReturnType<typeof imported>>;

/** The one-read import wrote the dataset the two-read import of the control table wrote. */
function expectSameDataset(once: Imported, twice: Imported): void {
  expect([...once.phases]).toEqual(['reading', 'finishing']);
  expect([...twice.phases]).toEqual(['reading', 'writing', 'finishing']);
  expect(once.features.equals(twice.features)).toBe(true);
  expect(once.result.manifest.normalization).toEqual(twice.result.manifest.normalization);
  for (const file of [DATASET_FILES.labels, DATASET_FILES.split.train, DATASET_FILES.split.test]) {
    expect(readFileSync(join(once.result.folder, file))).toEqual(readFileSync(join(twice.result.folder, file)));
  }
}

describe('a purely numeric table', () => {
  it('is read once, and writes the dataset two reads write', async () => {
    // About 150 KB: lines cut by the reader's 64 KB chunks, and one quoted cell, take the record path.
    const cells = numericTable(4000);
    cells[2000][2] = `"${cells[2000][2]}"`;
    const once = await imported('plain.csv', cells);
    expect([...once.phases]).toEqual(['reading', 'finishing']);

    const padded = cells.map((row) => [...row]);
    padded[150][0] = ` ${padded[150][0]}`;
    const twice = await imported('padded.csv', padded);
    expect([...twice.phases]).toEqual(['reading', 'writing', 'finishing']);

    expectSameDataset(once, twice);
    expect(once.result.manifest.featureNames).toEqual(['x1', 'x2', 'x3']);
  });

  it('is read twice when a cell is not a plain number, a feature is categorical, or cells are to be filled', async () => {
    const exponent = numericTable(50);
    exponent[20][2] = '1e-3';
    const missing = numericTable(50);
    missing[30][4] = '';
    for (const { cells, request } of [
      { cells: exponent, request: {} },
      { cells: numericTable(50), request: { categoricalColumns: ['x1'] } },
      { cells: missing, request: { missing: 'fill-mean' as const } },
    ]) {
      const { phases } = await imported(`t${fileCount++}.csv`, cells, request);
      expect([...phases]).toEqual(['reading', 'writing', 'finishing']);
    }
  });

  it('drops rows with missing cells and still reads once', async () => {
    const cells = numericTable(60);
    cells[10][0] = 'NA';
    const { result, phases } = await imported('dropped.csv', cells);
    expect([...phases]).toEqual(['reading', 'finishing']);
    expect(result.manifest.count).toBe(59);
    expect(result.summary.droppedRows).toBe(1);
  });
});

/** Numbers, two text columns of categories (first seen out of sorted order), an id column to exclude, and a label. */
function mixedTable(rows: number): string[][] {
  const rng = new Rng(23);
  const cities = ['Porto', 'Lisbon', 'Zurich', 'Berlin', 'Athens'];
  const out = [['x1', 'city', 'id', 'x2', 'label', 'plan']];
  for (let r = 0; r < rows; r++) {
    out.push([
      String(rng.int(256)),
      cities[rng.int(cities.length)],
      `row-${r}`,
      (rng.uniform() * 20 - 10).toFixed(3),
      ['cat', 'dog'][rng.int(2)],
      rng.uniform() < 0.5 ? 'pro' : ' basic', // a padded category: trimmed like the second read trims it
    ]);
  }
  return out;
}

describe('a table of numbers and categories', () => {
  it('is read once, and writes the dataset two reads write', async () => {
    // About 140 KB: lines cut by the reader's 64 KB chunks, and one quoted category, take the record path.
    const cells = mixedTable(4000);
    cells[1500][1] = `"${cells[1500][1]}"`;
    const once = await imported('mixed.csv', cells);
    expect([...once.phases]).toEqual(['reading', 'finishing']);
    expect(once.result.manifest.featureNames).toEqual([
      'x1',
      'city=Athens',
      'city=Berlin',
      'city=Lisbon',
      'city=Porto',
      'city=Zurich',
      'x2',
      'plan=basic',
      'plan=pro',
    ]);

    const padded = cells.map((row) => [...row]);
    padded[150][0] = ` ${padded[150][0]}`;
    const twice = await imported('mixed-padded.csv', padded);
    expect([...twice.phases]).toEqual(['reading', 'writing', 'finishing']);

    expectSameDataset(once, twice);
  });

  it('is read twice when a column mixes numbers and texts, or a category is missing and filled', async () => {
    const mixedColumn = mixedTable(50);
    mixedColumn[12][1] = '7';
    const missing = mixedTable(50);
    missing[30][1] = '';
    for (const { cells, request } of [
      { cells: mixedColumn, request: {} },
      { cells: missing, request: { missing: 'fill-most-frequent' as const } },
    ]) {
      const { phases } = await imported(`m${fileCount++}.csv`, cells, request);
      expect([...phases]).toEqual(['reading', 'writing', 'finishing']);
    }
  });
});
