// Rows to predict are encoded like the imported training table, and a cell that cannot be is named precisely.
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { outputShape, probabilities, scoreAgainstLabels } from './predictOutput';
import { rowEncoder } from './predictRows';
import { errorReport } from './errors';

const manifest: DatasetManifest = {
  version: 1,
  id: 'd',
  name: 'flowers',
  source: { kind: 'csv', path: '/flowers.csv' },
  table: { labelColumn: 'species', delimiter: ',', hasHeader: true },
  count: 10,
  featureShape: [5],
  featureNames: ['petal', 'colour=blue', 'colour=red', 'colour=white', 'stem'],
  task: 'classification',
  classNames: ['iris', 'rose'],
  normalization: null,
  split: {
    seed: 1,
    train: 0.8,
    validation: 0.1,
    test: 0.1,
    stratified: true,
    counts: { train: 8, validation: 1, test: 1 },
  },
};

function encode(header: string[], rows: string[][], decimalComma = false): number[][] {
  const encoder = rowEncoder('/data/new.csv', header, manifest, decimalComma);
  return rows.map((fields, k) => {
    const out = new Float32Array(encoder.width);
    encoder.encode(fields, { row: k + 1, line: k + 2 }, out, 0);
    return Array.from(out);
  });
}

describe('rowEncoder', () => {
  it('writes numbers and one-hot categories in the order of the feature names, whatever the column order', () => {
    expect(
      encode(
        ['stem', 'colour', 'petal'],
        [
          ['3', 'red', '1.5'],
          [' 4 ', ' white ', '-2e1'],
        ],
      ),
    ).toEqual([
      [1.5, 0, 1, 0, 3],
      [-20, 0, 0, 1, 4],
    ]);
  });

  it('matches columns ignoring case and spaces, reads decimal commas when the file uses them, and finds the label column', () => {
    expect(encode([' Petal', 'COLOUR', 'stem '], [['1,5', 'blue', '2']], true)).toEqual([[1.5, 1, 0, 0, 2]]);
    expect(rowEncoder('/data/new.csv', ['species', 'petal', 'colour', 'stem'], manifest, false).labelIndex).toBe(0);
    expect(rowEncoder('/data/new.csv', ['petal', 'colour', 'stem'], manifest, false).labelIndex).toBeNull();
  });

  it('names the row, line and column of an unknown category, a non-number and an empty cell', () => {
    const header = ['petal', 'colour', 'stem'];
    expect(() =>
      encode(header, [
        ['1', 'red', '2'],
        ['1', 'purple', '2'],
      ]),
    ).toThrow(
      "new.csv, row 2 (line 3), column 'colour': 'purple' is a category the model never saw in training (it knows 'blue', 'red', 'white')",
    );
    expect(() => encode(header, [['tall', 'red', '2']])).toThrow(
      "new.csv, row 1 (line 2), column 'petal': 'tall' is not a number",
    );
    expect(() => encode(header, [['1', 'red', '']])).toThrow(
      "new.csv, row 1 (line 2), column 'stem': the cell is empty, but the model needs a number",
    );
    expect(() => encode(header, [['1', 'NA', '2']])).toThrow(
      "column 'colour': the cell is empty, but the model needs one of 'blue', 'red', 'white'",
    );
    expect(() => encode(header, [['1', 'red']])).toThrow('new.csv, row 1 (line 2): 2 fields where the header has 3');
  });

  it('names the row, line and column of a cell it cannot read in Chinese too', () => {
    const header = ['petal', 'colour', 'stem'];
    const chinese = (rows: string[][]) => {
      try {
        encode(header, rows);
      } catch (thrown) {
        return errorReport(thrown, { en: '', zh: '' }, 'zh').text;
      }
      throw new Error('nothing was thrown');
    };
    expect(chinese([['tall', 'red', '2']])).toBe(
      "netwright: new.csv，第 1 行（文件第 2 行），列 'petal'：'tall' 不是数字\n",
    );
    expect(chinese([['1', 'purple', '2']])).toBe(
      "netwright: new.csv，第 1 行（文件第 2 行），列 'colour'：'purple' 是训练中从未见过的类别（模型认识 'blue', 'red', 'white'）\n",
    );
    expect(chinese([['1', 'red']])).toBe('netwright: new.csv，第 1 行（文件第 2 行）：有 2 个字段，而表头有 3 个\n');
  });

  it('refuses a file that lacks a feature column, listing what the model reads', () => {
    expect(() => rowEncoder('/data/new.csv', ['petal', 'stem'], manifest, false)).toThrow(
      "new.csv: no column 'colour'; the model reads 'petal', 'colour', 'stem' (the file's header has 'petal', 'stem')",
    );
  });

  it('says which column is missing in Chinese too', () => {
    let error: unknown;
    try {
      rowEncoder('/data/new.csv', ['petal', 'stem'], manifest, false);
    } catch (thrown) {
      error = thrown;
    }
    expect(errorReport(error, { en: '', zh: '' }, 'zh').text).toBe(
      "netwright: new.csv：没有列 'colour'；模型读取的列是 'petal', 'colour', 'stem'（文件的表头是 'petal', 'stem'）\n",
    );
  });

  it('counts the columns past the first eight in the words of each language', () => {
    const wide = { ...manifest, featureNames: Array.from({ length: 11 }, (_, i) => `x${i}`) };
    let error: unknown;
    try {
      rowEncoder('/data/new.csv', ['y'], wide, false);
    } catch (thrown) {
      error = thrown;
    }
    const eight = "'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'";
    expect((error as Error).message).toBe(
      `new.csv: no columns ${eight} and 3 more; the model reads 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10' (the file's header has 'y')`,
    );
    const chinese = errorReport(error, { en: '', zh: '' }, 'zh').text;
    expect(chinese).toContain(`没有列 ${eight} 以及另外 3 个；`);
    expect(chinese).not.toMatch(/and 3 more/);
  });

  it('refuses an image dataset', () => {
    const images = { ...manifest, featureNames: undefined, featureShape: [1, 8, 8] };
    expect(() => rowEncoder('/data/new.csv', ['a'], images, false)).toThrow(
      "dataset 'flowers' is not a table (its inputs are 1×8×8 images)",
    );
  });
});

describe('prediction output', () => {
  it('turns logits into probabilities: softmax, or a sigmoid for one logit', () => {
    const p = probabilities([1, 2, 3]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(p[2] / p[1]).toBeCloseTo(Math.E, 12);
    expect(probabilities([0])).toEqual([0.5, 0.5]);
  });

  it('writes the predicted class and one probability per class, and scores against label cells that are present', () => {
    const predictions = {
      count: 3,
      outputs: Float32Array.from([2, 0, 0, 2, 1, -1]),
      outputSize: 2,
      classes: Int32Array.from([0, 1, 0]),
    };
    const shape = outputShape(manifest, predictions);
    expect(shape.header).toEqual(['predicted', 'probability_iris', 'probability_rose']);
    expect(shape.row(1)[0]).toBe('rose');
    expect(scoreAgainstLabels(manifest, predictions, ['iris', 'iris', ''], false)).toEqual({
      labelled: 2,
      accuracy: 0.5,
    });
  });

  it('scores regression predictions with MAE and R²', () => {
    const regression = { ...manifest, task: 'regression' as const, classNames: undefined, targetNames: ['height'] };
    const predictions = { count: 3, outputs: Float32Array.from([1, 2, 4]), outputSize: 1 };
    expect(outputShape(regression, predictions).header).toEqual(['predicted']);
    const score = scoreAgainstLabels(regression, predictions, ['1', '2', '3'], false)!;
    expect(score.mae).toBeCloseTo(1 / 3, 6);
    expect(score.r2).toBeCloseTo(1 - 1 / 2, 6);
  });
});
