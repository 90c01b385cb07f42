// The import dialog's preview: layout, first rows and per-column summaries, without writing anything.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnProblemInEnglish, previewProblemInEnglish } from '../../api/csvPreviewProblems';
import { previewCsv } from './index';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const csv = [
  'age;city;income;label',
  ...Array.from(
    { length: 60 },
    (_, i) =>
      `${i === 40 ? 'unknown' : 20 + i};${['Paris', 'Rome', 'Oslo'][i % 3]};${i % 10 === 0 ? 'NA' : `${1000 + i},5`};${i % 2}`,
  ),
].join('\r\n');

describe('previewCsv', () => {
  it('shows the layout, the first rows and each column, and writes nothing', async () => {
    const path = temp.file('people.csv', csv);
    const preview = await previewCsv(path, { rows: 3 });
    expect(preview).toMatchObject({
      delimiter: ';',
      hasHeader: true,
      encoding: 'utf-8',
      rowCount: 60,
      complete: true,
      problems: [],
    });
    expect(preview.rows).toEqual([
      ['20', 'Paris', 'NA', '0'],
      ['21', 'Rome', '1001,5', '1'],
      ['22', 'Oslo', '1002,5', '0'],
    ]);
    const [age, city, income, label] = preview.columns;
    expect(age).toMatchObject({ name: 'age', type: 'numeric', numbers: 59, texts: 1, missing: 0 });
    expect(age.problem).toMatchObject({ code: 'stray-text', values: { column: 'age' } });
    expect(columnProblemInEnglish(age.problem!)).toBe(
      "column 'age' is numeric except line 42: 'unknown'. Fix or empty those cells (empty cells count as missing), or exclude the column.",
    );
    expect(city).toMatchObject({
      type: 'categorical',
      distinct: 3,
      distinctCapped: false,
      stats: null,
      labelTask: 'classification',
      problem: null,
    });
    expect(city.topValues).toEqual([
      { value: 'Oslo', count: 20 },
      { value: 'Paris', count: 20 },
      { value: 'Rome', count: 20 },
    ]);
    expect(income).toMatchObject({ type: 'numeric', missing: 6, numbers: 54, labelTask: 'regression' });
    expect(income.stats!.min).toBe(1001.5);
    expect(income.stats!.max).toBe(1059.5);
    expect(label).toMatchObject({ type: 'numeric', labelTask: 'classification', distinct: 2 });
    expect(readdirSync(temp.dir)).toEqual(['people.csv']);
  });

  it('lists rows with the wrong number of fields instead of failing', async () => {
    const path = temp.file('ragged.csv', 'a,b\n1,2\n3\n4,5,6\n7,8\n');
    const preview = await previewCsv(path);
    expect(preview.problems).toEqual([
      { source: 'row', code: 'ragged-row-one', values: { line: 3, fields: 1, expected: 2 } },
      { source: 'row', code: 'ragged-row', values: { line: 4, fields: 3, expected: 2 } },
    ]);
    expect(preview.problems.map(previewProblemInEnglish)).toEqual([
      'line 3: 1 field, expected 2',
      'line 4: 3 fields, expected 2',
    ]);
    expect(preview.rows).toEqual([
      ['1', '2'],
      ['7', '8'],
    ]);
  });

  it('lists the first five rows with the wrong number of fields and counts the others', async () => {
    // Lines 3 to 10 hold one field each: lines 3-7 listed, the other 3 counted.
    const lines = ['a,b', '1,2', ...Array.from({ length: 8 }, (_, i) => `${i}`), '7,8'];
    const preview = await previewCsv(temp.file('ragged8.csv', lines.join('\n')));
    expect(preview.problems.map((p) => (p.source === 'row' ? p.values.line : p.code))).toEqual([
      3,
      4,
      5,
      6,
      7,
      'more-ragged-rows',
    ]);
    expect(previewProblemInEnglish(preview.problems[5])).toBe('… and 3 more rows with the wrong number of fields');
  });

  it('can look at the first rows of a large file only', async () => {
    const path = temp.file('long.csv', csv);
    const preview = await previewCsv(path, { maxRows: 10 });
    expect(preview).toMatchObject({ rowCount: 10, complete: false });
    expect(preview.columns[0].numbers).toBe(10);
  });

  it('marks an all-missing column as empty and a column of identifiers as a problem', async () => {
    const ids = ['id,notes,x', ...Array.from({ length: 60 }, (_, i) => `u${i},,${i}`)].join('\n');
    const preview = await previewCsv(temp.file('ids.csv', ids));
    expect(preview.columns[0]).toMatchObject({ type: 'categorical', distinctCapped: true });
    expect(preview.columns[0].problem).toMatchObject({ code: 'too-many-categories', values: { column: 'id' } });
    expect(columnProblemInEnglish(preview.columns[0].problem!)).toMatch(/more than 50 distinct values/);
    expect(preview.columns[1]).toMatchObject({ type: 'empty', missing: 60, labelTask: null });
  });
});
