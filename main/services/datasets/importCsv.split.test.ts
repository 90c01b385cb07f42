// A CSV column naming each row's split: rows go where it says (not to the random split), the column is no feature,
// bad or missing values name the line and value, and an empty training split is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../../engine/host/common/datasetFiles';
import { CsvImportError, importCsv, previewCsv, type CsvImportRequest } from './index';
import { datasetFolders, readDataset, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const load = async (content: string, options: Omit<CsvImportRequest, 'datasetsDir'>) => {
  const result = await importCsv(temp.file('table.csv', content), { datasetsDir: temp.datasetsDir, ...options });
  return { ...result, ...readDataset(result.folder) };
};

async function failure(content: string, options: Omit<CsvImportRequest, 'datasetsDir'>): Promise<CsvImportError> {
  const error = await importCsv(temp.file('table.csv', content), { datasetsDir: temp.datasetsDir, ...options }).then(
    () => {
      throw new Error('the import should have failed');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvImportError);
  expect(datasetFolders(temp.datasetsDir), 'nothing left behind').toEqual([]);
  return error as CsvImportError;
}

// Row r (0-based) has x = r; its split word is chosen so that no seeded random split would give the same rows.
const WORDS = [
  'train',
  'TRAIN',
  ' Training ',
  'val',
  'Valid',
  'dev',
  'validation',
  'test',
  'Holdout',
  'TESTING',
  'train',
  'train',
];
const TABLE = ['x,split,label', ...WORDS.map((word, r) => `${r},${word},${r % 2 ? 'odd' : 'even'}`)].join('\n');

describe('a split column', () => {
  it('puts each row in the split its cell names, in any case and spelling, and leaves the column out of the features', async () => {
    const { manifest, split, rows, summary, folder } = await load(TABLE, {
      labelColumn: 'label',
      splitColumn: 'split',
    });
    expect(split).toEqual({ train: [0, 1, 2, 10, 11], validation: [3, 4, 5, 6], test: [7, 8, 9] });
    expect(manifest.featureNames).toEqual(['x']);
    expect(rows.map((r) => r[0])).toEqual(WORDS.map((_, r) => r));
    expect(manifest.split).toMatchObject({
      column: 'split',
      stratified: false,
      counts: { train: 5, validation: 4, test: 3 },
      train: 5 / 12,
      validation: 4 / 12,
      test: 3 / 12,
    });
    expect(summary.columns.map((c) => c.role)).toEqual(['feature', 'split', 'label']);
    // Standardization comes from the training rows the column chose: x = 0, 1, 2, 10, 11.
    expect(manifest.normalization!.mean[0]).toBeCloseTo(24 / 5, 6);
    const { data } = loadTrainingData(folder);
    expect(Array.from(data.split.test)).toEqual([7, 8, 9]);
  });

  it('ignores the split fractions when a column is chosen, and finds the column by position or loosely by name', async () => {
    const byPosition = await load(TABLE, {
      labelColumn: 'label',
      splitColumn: 1,
      split: { train: 0.5, validation: 0.5, test: 0 },
    });
    expect(byPosition.split.test).toEqual([7, 8, 9]);
    temp.remove();
    temp = tempFolder();
    const byName = await load(TABLE.replace('x,split', 'x, Split '), { labelColumn: 'label', splitColumn: 'SPLIT' });
    expect(byName.split.validation).toEqual([3, 4, 5, 6]);
  });

  it('keeps each kept row in its split when rows with missing cells are dropped', async () => {
    const csv = 'x,split,label\n1,train,a\n,test,b\n3,test,a\n4,train,b\n5,val,a\n';
    const { split, manifest } = await load(csv, { labelColumn: 'label', splitColumn: 'split' });
    expect(manifest.count).toBe(4);
    expect(split).toEqual({ train: [0, 2], validation: [3], test: [1] });
  });

  it('names the line and the value of a cell that names no split, even on a row that would be dropped', async () => {
    const error = await failure('x,split,label\n1,train,a\n,tset,b\n3,test,a\n', {
      labelColumn: 'label',
      splitColumn: 'split',
    });
    expect(error.message).toBe(
      'table.csv, line 3: the split column \'split\' holds "tset"; each row needs train, validation or test ' +
        '(also accepted: training, val, valid, dev, testing, holdout; any case)',
    );
    expect(error.line).toBe(3);
    expect(error.column).toBe('split');
  });

  it('refuses an empty split cell, naming its line', async () => {
    const error = await failure('x,split,label\n1,train,a\n2,,b\n', { labelColumn: 'label', splitColumn: 'split' });
    expect(error.message).toMatch(
      /^table\.csv, line 3: the split column 'split' is empty; each row needs train, validation or test/,
    );
  });

  it('refuses a split column that puts no row in train', async () => {
    const error = await failure('x,split,label\n1,test,a\n2,val,b\n3,test,a\n', {
      labelColumn: 'label',
      splitColumn: 'split',
    });
    expect(error.message).toBe(
      "table.csv: the split column 'split' puts none of the 3 rows in train (1 validation, 2 test); a model needs training rows",
    );
  });

  it('refuses a split column that is also the label or excluded, and one that does not exist', async () => {
    expect((await failure(TABLE, { labelColumn: 'split', splitColumn: 'split' })).message).toBe(
      "table.csv: the split column 'split' cannot also be the label column",
    );
    expect(
      (await failure(TABLE, { labelColumn: 'label', splitColumn: 'split', excludeColumns: ['split'] })).message,
    ).toBe("table.csv: the split column 'split' cannot also be excluded");
    expect((await failure(TABLE, { labelColumn: 'label', splitColumn: 'fold' })).message).toBe(
      "table.csv: there is no split column named 'fold'; the columns are 'x', 'split', 'label'",
    );
  });

  it('is offered by the preview when a column is named split, and not otherwise', async () => {
    expect((await previewCsv(temp.file('a.csv', TABLE.replace('x,split', 'x,SPLIT')))).splitColumn).toBe('SPLIT');
    expect((await previewCsv(temp.file('b.csv', TABLE.replace('x,split', 'x,splits')))).splitColumn).toBeNull();
  });
});
