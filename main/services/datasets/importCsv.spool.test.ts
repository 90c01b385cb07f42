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

/** How a table is written: line break, a byte-order mark first. */
interface TextForm {
  newline?: string;
  bom?: boolean;
}

async function imported(
  name: string,
  cells: string[][],
  request: Partial<CsvImportRequest> = {},
  { newline = '\n', bom = false }: TextForm = {},
) {
  const path = temp.file(name, `${bom ? '\uFEFF' : ''}${cells.map((row) => row.join(',')).join(newline)}${newline}`);
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
  expect(once.result.manifest.featureNames).toEqual(twice.result.manifest.featureNames);
  expect(once.result.summary).toEqual(twice.result.summary);
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

/**
 * The same table with its (excluded) id column quoted on every line: no line takes the first read's in-place path
 * (CsvParser's LineHandler), so its profile is the reference for what that path counts.
 */
function viaRecords(cells: string[][]): string[][] {
  return cells.map((row, r) => (r === 0 ? row : row.map((cell, c) => (c === 2 ? `"${cell}"` : cell))));
}

/** Same features, statistics and summary as the reference the record path wrote. */
function expectSameAsRecordPath(once: Imported, reference: Imported): void {
  expect(once.features.equals(reference.features)).toBe(true);
  expect(once.result.manifest.featureNames).toEqual(reference.result.manifest.featureNames);
  expect(once.result.manifest.normalization).toEqual(reference.result.manifest.normalization);
  expect(once.result.summary).toEqual(reference.result.summary);
}

/** The mixed table with cells the first read's fast path must hand to the record path or read as the second does. */
function awkwardTable(rows: number): string[][] {
  const cells = mixedTable(rows);
  for (let r = 1; r <= rows; r += 97) cells[r][1] = '"Porto, north"'; // a quoted category holding the delimiter
  for (let r = 5; r <= rows; r += 89) cells[r][1] = '"Lis\nbon"'; // ... and a line break
  for (let r = 9; r <= rows; r += 83) cells[r][1] = 'Zürich'; // not ASCII: decoded, not copied out as Latin-1
  for (let r = 13; r <= rows; r += 79) cells[r][5] = '\u00a0pro'; // trimmed like a space, though not ASCII
  for (let r = 17; r <= rows; r += 73) cells[r][5] = '"pro"'; // the same category, quoted
  for (let r = 21; r <= rows; r += 71) cells[r][1] = 'NA'; // missing: the row is dropped
  for (let r = 25; r <= rows; r += 67) cells[r][3] = ''; // an empty number: dropped too
  for (let r = 29; r <= rows; r += 61) cells[r][4] = 'n/a'; // a missing label: dropped
  return cells;
}

describe('the one read of a table of numbers and categories', () => {
  for (const [what, form] of [
    ['LF', {}],
    ['CRLF and a byte-order mark', { newline: '\r\n', bom: true }],
  ] as const) {
    it(`writes what two reads write with quoted, padded, non-ASCII and missing cells (${what})`, async () => {
      const cells = awkwardTable(4000);
      const once = await imported(`awkward${fileCount++}.csv`, cells, {}, form);
      const padded = cells.map((row) => [...row]);
      padded[150][0] = ` ${padded[150][0]}`;
      const twice = await imported(`awkward${fileCount++}.csv`, padded, {}, form);
      expectSameDataset(once, twice);
      expectSameAsRecordPath(once, await imported(`awkward${fileCount++}.csv`, viaRecords(cells), {}, form));
      expect(once.result.manifest.featureNames!.filter((name) => name.startsWith('plan='))).toEqual([
        'plan=basic',
        'plan=pro',
      ]);
      expect(once.result.manifest.featureNames).toContain('city=Porto, north');
      expect(once.result.manifest.featureNames).toContain('city=Lis\nbon');
      expect(once.result.manifest.featureNames).toContain('city=Zürich');
      expect(once.result.summary.droppedRows).toBeGreaterThan(100);
    });
  }

  it('counts the distinct values of an integer column past the category cap as two reads do', async () => {
    // x1 takes 256 values: its distinct cells overflow the cap mid-file, after which only numbers are kept.
    const cells = mixedTable(3000);
    cells[0][0] = 'code';
    const once = await imported(`over${fileCount++}.csv`, cells);
    const padded = cells.map((row) => [...row]);
    padded[150][0] = ` ${padded[150][0]}`;
    const twice = await imported(`over${fileCount++}.csv`, padded);
    expectSameDataset(once, twice);
    expectSameAsRecordPath(once, await imported(`over${fileCount++}.csv`, viaRecords(cells)));
  });

  it('refuses a text column with too many distinct values, naming it, as it did when read twice', async () => {
    const cells = mixedTable(400);
    for (let r = 1; r < cells.length; r++) cells[r][5] = `plan-${r % 60}`;
    await expect(imported(`many${fileCount++}.csv`, cells)).rejects.toThrow(
      /column 'plan' has more than 50 distinct values \('plan-1', 'plan-2', 'plan-3', \.\.\.\)/,
    );
  });
});
