import { describe, expect, it } from 'vitest';
import type { ColumnPreview, CsvPreview } from '../../../main/api/types';
import { defaultLabel, formatStat, isTableFile, taskForColumn } from './csvDefaults';

function column(index: number, name: string, extra: Partial<ColumnPreview> = {}): ColumnPreview {
  return {
    index,
    name,
    type: 'numeric',
    missing: 0,
    numbers: 10,
    texts: 0,
    stats: { min: 0, max: 1, mean: 0.5, std: 0.2 },
    topValues: [],
    distinct: 10,
    distinctCapped: false,
    labelTask: 'regression',
    problem: null,
    ...extra,
  };
}

function preview(columns: ColumnPreview[]): CsvPreview {
  return {
    file: '/tmp/x.csv',
    encoding: 'utf-8',
    delimiter: ',',
    hasHeader: true,
    columns,
    rows: [],
    rowCount: 10,
    complete: true,
    problems: [],
    splitColumn: null,
  };
}

describe('default label and task', () => {
  it('takes the last column and the task the importer infers for it', () => {
    const p = preview([column(0, 'x'), column(1, 'species', { type: 'categorical', labelTask: 'classification' })]);
    expect(defaultLabel(p)).toEqual({ label: 'species', task: 'classification' });
  });

  it('skips a trailing column that cannot be a label (empty, or with a problem)', () => {
    const p = preview([
      column(0, 'price', { labelTask: 'regression' }),
      column(1, 'notes', {
        type: 'categorical',
        labelTask: 'classification',
        problem: { code: 'too-many-categories', values: { column: 'notes', max: 50, examples: 'a, b, c' } },
      }),
      column(2, 'blank', { type: 'empty', labelTask: null, stats: null }),
    ]);
    expect(defaultLabel(p)).toEqual({ label: 'price', task: 'regression' });
  });

  it('falls back to the last column as a classification label when no column has a task', () => {
    const p = preview([column(0, 'a', { labelTask: null }), column(1, 'b', { labelTask: null })]);
    expect(defaultLabel(p)).toEqual({ label: 'b', task: 'classification' });
    expect(defaultLabel(preview([]))).toBeNull();
  });

  it('never takes the column offered as the split column, even when it is last', () => {
    const p = {
      ...preview([column(0, 'y'), column(1, 'split', { type: 'categorical', labelTask: 'classification' })]),
      splitColumn: 'split',
    };
    expect(defaultLabel(p)).toEqual({ label: 'y', task: 'regression' });
  });

  it('gives the task of another chosen column', () => {
    const p = preview([column(0, 'y', { labelTask: 'regression' }), column(1, 'c', { labelTask: 'classification' })]);
    expect(taskForColumn(p, 'y')).toBe('regression');
    expect(taskForColumn(p, 'c')).toBe('classification');
  });
});

describe('table files and numbers', () => {
  it('recognises tables by extension, case-insensitively', () => {
    expect(isTableFile('Data.CSV')).toBe(true);
    expect(isTableFile('x.tsv')).toBe(true);
    expect(isTableFile('cat.png')).toBe(false);
  });

  it('formats statistics to four significant digits or exponent form', () => {
    expect(formatStat(3.14159)).toBe('3.142');
    expect(formatStat(1234567)).toBe('1.23e+6');
    expect(formatStat(0)).toBe('0');
  });
});
