// A group's bands, table and scatter from its runs and curves.
import { describe, expect, it } from 'vitest';
import type { GroupDetail, RunSummary } from '../../../main/api/types';
import { bandSeries, groupTable, paddedRange, scatterOf, sweptKeys } from './groupCharts';

function run(id: string, combination: number, lr: number, accuracy: number, status = 'completed'): RunSummary {
  return {
    id,
    status,
    group: { groupId: 'g', combination, assignment: { lr } },
    finalMetrics: { val_accuracy: accuracy },
    bestMetrics: { val_loss: 1 - accuracy },
  } as unknown as RunSummary;
}

const detail = {
  task: 'classification',
  runs: [run('a', 0, 0.1, 0.8), run('b', 0, 0.1, 0.6), run('c', 1, 0.001, 0.5), run('d', 1, 0.001, 0.1, 'failed')],
  curves: [
    { runId: 'a', valLoss: [1, 0.5], valMetric: [0.5, 0.8] },
    { runId: 'b', valLoss: [3, 1.5], valMetric: [0.3, 0.6] },
    { runId: 'c', valLoss: [2], valMetric: [0.5] },
    { runId: 'd', valLoss: [9], valMetric: [0.1] },
  ],
} as unknown as GroupDetail;

describe('group charts', () => {
  it('band each combination’s curves by ± 1 standard deviation around the mean', () => {
    const series = bandSeries(detail, 'valLoss', 'mean');
    expect(series.map((s) => [s.label, s.band ?? 'line', s.color])).toEqual([
      ['lr=0.1 −1σ', 'lower', 0],
      ['lr=0.1 +1σ', 'upper', 0],
      ['lr=0.1', 'line', 0],
      ['lr=0.001 −1σ', 'lower', 1],
      ['lr=0.001 +1σ', 'upper', 1],
      ['lr=0.001', 'line', 1],
    ]);
    const std = Math.SQRT2; // of 1 and 3
    expect(series[2].points).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 1 },
    ]);
    expect(series[0].points[0].y).toBeCloseTo(2 - std, 12);
    expect(series[1].points[0].y).toBeCloseTo(2 + std, 12);
  });

  it('keeps a band inside the values its curve can take: a loss from 0, an accuracy in [0, 1], R² up to 1', () => {
    const wide = {
      ...detail,
      curves: [
        { runId: 'a', valLoss: [0.1], valMetric: [0.2] },
        { runId: 'b', valLoss: [2.9], valMetric: [1] },
      ],
    } as GroupDetail;
    const edges = (d: GroupDetail, which: 'valLoss' | 'valMetric') =>
      bandSeries(d, which, 'mean')
        .slice(0, 2)
        .map((s) => s.points[0].y);
    expect(edges(wide, 'valLoss')[0]).toBe(0); // 1.5 − 1.98
    const [lower, upper] = edges(wide, 'valMetric');
    expect(lower).toBeCloseTo(0.6 - Math.sqrt(0.32), 12);
    expect(upper).toBe(1); // 0.6 + 0.57 is past 1
    const regression = { ...wide, task: 'regression' } as GroupDetail;
    expect(edges(regression, 'valMetric')[1]).toBe(1);
    expect(edges(regression, 'valLoss')[0]).toBe(0);
  });

  it('tabulate completed runs per combination and plot the setting on a log axis for a learning rate', () => {
    const rows = groupTable(detail);
    expect(rows.map((r) => [r.assignment, r.completed, r.runs])).toEqual([
      [{ lr: 0.1 }, 2, 2],
      [{ lr: 0.001 }, 1, 2],
    ]);
    expect(rows[0].final.val_accuracy?.mean).toBeCloseTo(0.7, 12);
    expect(sweptKeys(detail)).toEqual(['lr']);
    expect(scatterOf(detail, 'lr')).toEqual({
      points: [
        { x: 0.1, y: 0.8 },
        { x: 0.1, y: 0.6 },
        { x: 0.001, y: 0.5 },
      ],
      logX: true,
      numeric: true,
      xRange: [0.001 / 1.5, 0.1 * 1.5],
    });
  });

  it('pads the scatter x axis so the extreme settings are not drawn on its edges', () => {
    expect(
      paddedRange(
        [
          { x: 10, y: 0 },
          { x: 30, y: 1 },
        ],
        false,
      ),
    ).toEqual([9, 31]);
    expect(paddedRange([{ x: 64, y: 0 }], false)).toEqual([57.6, 70.4]);
    expect(paddedRange([{ x: 0, y: 0 }], false)).toEqual([-1, 1]);
    expect(paddedRange([], true)).toBeNull();
  });
});
