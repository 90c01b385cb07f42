// Malformed and unusable CSV files: each error names the file, the line and the column, and a failed import
// leaves nothing in the datasets folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvImportError, importCsv, type CsvImportRequest } from './index';
import { datasetFolders, tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

async function failure(
  name: string,
  content: string | Uint8Array,
  options: Omit<CsvImportRequest, 'datasetsDir'>,
): Promise<CsvImportError> {
  const path = temp.file(name, content);
  const error = await importCsv(path, { datasetsDir: temp.datasetsDir, ...options }).then(
    () => {
      throw new Error('the import should have failed');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvImportError);
  expect(datasetFolders(temp.datasetsDir), 'nothing left behind').toEqual([]);
  return error as CsvImportError;
}

const rows = (header: string, n: number, row: (i: number) => string) =>
  [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n');

describe('malformed files', () => {
  it('names the line of a ragged row, counting the lines of a quoted line break', async () => {
    const csv = 'a,b,c,label\n1,2,3,x\n"multi\nline",2,3,y\n4,5,6,7,x\n';
    const error = await failure('data.csv', csv, { labelColumn: 'label' });
    expect(error.message).toBe('data.csv, line 5: 5 fields, expected 4');
    expect(error.line).toBe(5);
  });

  it('names the line of a quote that is never closed', async () => {
    const error = await failure('q.csv', 'a,label\n1,x\n"2,y\n3,x\n', { labelColumn: 'label' });
    expect(error.message).toBe('q.csv, line 3: a quoted field is never closed: its closing quote is missing');
  });

  it('refuses an empty file, a blank one and one with only a header', async () => {
    expect((await failure('empty.csv', '', { labelColumn: 0 })).message).toBe('empty.csv: the file is empty');
    expect((await failure('blank.csv', '\uFEFF\n\r\n  \n', { labelColumn: 0 })).message).toBe(
      'blank.csv: the file is empty',
    );
    expect((await failure('header.csv', 'x,y,label\r\n', { labelColumn: 'label' })).message).toBe(
      'header.csv: the file has a header but no data rows',
    );
  });

  it('reports a mostly numeric column with stray text, naming the column and the first line', async () => {
    const csv = rows('age,label', 300, (i) => `${i === 210 ? 'abc' : i === 250 ? '?x' : 20 + (i % 50)},${i % 2}`);
    const error = await failure('people.csv', csv, { labelColumn: 'label' });
    expect(error.message).toBe(
      "people.csv: column 'age' is numeric except line 212: 'abc' and 1 more line. " +
        'Fix or empty those cells (empty cells count as missing), or exclude the column.',
    );
    expect(error.column).toBe('age');
  });

  it('refuses a text column with too many distinct values and suggests excluding it', async () => {
    const csv = rows('name,x,label', 80, (i) => `person ${i},${i},${i % 2}`);
    const error = await failure('names.csv', csv, { labelColumn: 'label' });
    expect(error.message).toMatch(
      /^names\.csv: column 'name' has more than 50 distinct values \('person 0', 'person 1', 'person 2', \.\.\.\).*Exclude it\.$/,
    );
  });

  it('refuses a label column with only one class', async () => {
    const error = await failure('one.csv', 'x,label\n1,yes\n2,yes\n3,yes\n', { labelColumn: 'label' });
    expect(error.message).toBe(
      "one.csv: the label column 'label' has only one class ('yes'); a classifier needs at least two",
    );
  });

  it('refuses a text label as a regression target, naming the line', async () => {
    const error = await failure('r.csv', 'x,label\n1,2.5\n2,high\n', { labelColumn: 'label', task: 'regression' });
    expect(error.message).toBe(
      "r.csv, line 3: the label column 'label' is not numeric ('high'), so it cannot be a regression target",
    );
  });

  it('refuses a missing label when missing cells are filled, naming line and column', async () => {
    const error = await failure('m.csv', 'x,label\n1,a\n2,NA\n3,b\n', { labelColumn: 'label', missing: 'fill-mean' });
    expect(error.message).toMatch(/^m\.csv, line 3: the label column 'label' is empty here \("NA"\)/);
    expect(error.column).toBe('label');
  });

  it('refuses a file with no feature column left', async () => {
    expect((await failure('only.csv', 'label\na\nb\n', { labelColumn: 'label' })).message).toBe(
      "only.csv: no feature columns are left besides the label 'label'; include at least one other column",
    );
    expect(
      (await failure('all.csv', 'x,y,label\n1,2,a\n3,4,b\n', { labelColumn: 'label', excludeColumns: ['x', 1] }))
        .message,
    ).toMatch(/no feature columns are left/);
  });

  it('names the columns when the label column does not exist, and the range for a bad index', async () => {
    expect((await failure('l.csv', 'x,y\n1,2\n', { labelColumn: 'target' })).message).toBe(
      "l.csv: there is no label column named 'target'; the columns are 'x', 'y'",
    );
    expect((await failure('i.csv', 'x,y\n1,2\n', { labelColumn: 2 })).message).toBe(
      'i.csv: the label column index 2 is out of range: the file has 2 columns (0 to 1)',
    );
    expect((await failure('e.csv', 'x,y\n1,2\n', { labelColumn: 'y', excludeColumns: ['y'] })).message).toBe(
      "e.csv: the label column 'y' cannot also be excluded",
    );
  });

  it('refuses a number too large for float32, naming its line', async () => {
    const error = await failure('big.csv', 'x,label\n1,a\n1e39,b\n', { labelColumn: 'label' });
    expect(error.message).toBe("big.csv, line 3: column 'x' holds 1e39, beyond the float32 range (±3.4e38)");
  });

  it('refuses rows that are all dropped for missing cells', async () => {
    const error = await failure('holes.csv', 'x,y,label\n1,,a\n,2,b\n', { labelColumn: 'label' });
    expect(error.message).toBe(
      'holes.csv: every one of the 2 rows has a missing cell in a used column, so none is left ' +
        "(missing: 'x' in 1 row, 'y' in 1); exclude the columns listed, or fill missing values instead of dropping rows",
    );
  });

  it('names the one column that empties the table', async () => {
    const csv = rows('age,income,label', 60, (i) => `${20 + i},,${i % 2}`);
    const error = await failure('sixty.csv', csv, { labelColumn: 'label' });
    expect(error.message).toBe(
      'sixty.csv: every one of the 60 rows has a missing cell in a used column, so none is left ' +
        "(missing: 'income' in 60 rows); exclude column 'income', or fill missing values instead of dropping rows",
    );
    expect(error.column).toBe('income');
  });

  it('refuses too few rows for the split', async () => {
    const error = await failure('tiny.csv', 'x,label\n1,1.5\n', {
      labelColumn: 'label',
      split: { train: 0.3, validation: 0.7, test: 0 },
    });
    expect(error.message).toMatch(/^tiny\.csv: split: 1 rows are too few/);
  });

  it('leaves nothing behind when cancelled', async () => {
    const controller = new AbortController();
    // A column of texts and a number, so the import reads the file twice (other tables are read once: csv/spool.ts).
    const path = temp.file('c.csv', 'x,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,9,b\n');
    const run = importCsv(path, {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'writing') controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });

  it('notices a file changed between its two reads', async () => {
    // Read twice for the same reason as the cancelled import above.
    const path = temp.file('live.csv', 'x,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,9,b\n');
    let changed = false;
    const run = importCsv(path, {
      datasetsDir: temp.datasetsDir,
      labelColumn: 'label',
      split: { train: 0.5, validation: 0.5, test: 0 },
      onProgress: (p) => {
        // The first read has the whole (small) file by now; the second will see the edit.
        if (p.phase === 'reading' && !changed) {
          changed = true;
          writeFileSync(path, readFileSync(path, 'utf8').replace('3,red', '7,red'));
        }
      },
    });
    await expect(run).rejects.toThrow('live.csv: the file changed while it was being imported; import it again');
    expect(datasetFolders(temp.datasetsDir)).toEqual([]);
  });
});
