// The compare view's curves and table: one colour per run in every chart, hidden runs left out of every chart,
// training and validation both drawn, the task's metric chosen, best and last epochs read from the curves.
import { describe, expect, it } from 'vitest';
import type { EpochRecord, Run } from '../../../main/api/types';
import { defaultTrainConfig } from '../state/config';
import {
  compareRows,
  lastEpochOfAll,
  lossCurves,
  metricCurves,
  metricOf,
  type ComparedRun,
  type CompareOptions,
} from './compareSeries';

function run(id: string, loss: 'cross_entropy' | 'mse', valLosses: number[]): ComparedRun {
  const epochs: EpochRecord[] = valLosses.map((v, i) => ({
    epoch: i + 1,
    trainLoss: v * 0.9,
    trainAccuracy: loss === 'mse' ? null : 1 - v * 0.9,
    valLoss: v,
    valAccuracy: loss === 'mse' ? null : 1 - v,
    lr: 0.01,
    metrics: { validation: loss === 'mse' ? { r2: 1 - v, mae: v * 10 } : {} },
  }));
  const trainConfig = { ...defaultTrainConfig(null), loss };
  return { run: { id, name: `Run ${id}`, trainConfig } as unknown as Run, epochs };
}

const options = (hidden: string[] = []): CompareOptions => ({
  hidden: new Set(hidden),
  smoothing: 0,
  words: { train: 'training', validation: 'validation' },
});

describe('compare curves', () => {
  const compared = [run('a', 'cross_entropy', [0.9, 0.5]), run('b', 'cross_entropy', [0.8, 0.6, 0.7])];

  it('draws each run in its own colour, the same in the loss and the metric chart', () => {
    const loss = lossCurves(compared, options());
    const metric = metricCurves(compared, 'accuracy', options());
    const colourOf = (series: typeof loss, name: string) =>
      new Set(series.filter((s) => s.label.startsWith(name)).map((s) => s.color));
    expect(colourOf(loss, 'Run a')).toEqual(new Set([0]));
    expect(colourOf(loss, 'Run b')).toEqual(new Set([1]));
    expect(colourOf(metric, 'Run a')).toEqual(colourOf(loss, 'Run a'));
    expect(colourOf(metric, 'Run b')).toEqual(colourOf(loss, 'Run b'));
  });

  it('draws training solid and validation dashed for every run', () => {
    const loss = lossCurves(compared, options());
    expect(loss.map((s) => [s.label, !!s.dashed])).toEqual([
      ['Run a · training', false],
      ['Run a · validation', true],
      ['Run b · training', false],
      ['Run b · validation', true],
    ]);
  });

  it('leaves a run the legend hid out of every chart and keeps the others’ colours', () => {
    const loss = lossCurves(compared, options(['a']));
    const metric = metricCurves(compared, 'accuracy', options(['a']));
    for (const series of [loss, metric]) {
      expect(series.every((s) => s.label.startsWith('Run b'))).toBe(true);
      expect(series.every((s) => s.color === 1)).toBe(true);
    }
  });

  it('compares regressions by validation R² and classifiers by accuracy', () => {
    const regressions = [run('a', 'mse', [0.5, 0.4]), run('b', 'mse', [0.6, 0.3])];
    expect(metricOf(regressions)).toBe('r2');
    expect(metricOf(compared)).toBe('accuracy');
    const r2 = metricCurves(regressions, 'r2', options());
    expect(r2.map((s) => s.label)).toEqual(['Run a · validation', 'Run b · validation']);
    expect(r2[1].points.map((p) => p.y)).toEqual([0.4, 0.7]);
  });

  it('ends every chart at the last epoch any run reached', () => {
    expect(lastEpochOfAll(compared)).toBe(3);
  });
});

describe('compareRows', () => {
  it('gives each run its best epoch (lowest validation loss) and its last, with their validation numbers', () => {
    const rows = compareRows([run('b', 'cross_entropy', [0.8, 0.6, 0.7])], 'accuracy');
    expect(rows[0].best).toEqual({ epoch: 2, loss: 0.6, score: 0.4 });
    expect(rows[0].last?.epoch).toBe(3);
    expect(rows[0].last?.loss).toBe(0.7);
    expect(rows[0].last?.score).toBeCloseTo(0.3);
  });
});
