// Parallel coordinates of a sweep: axes per swept setting and the metric, lines per completed run, best on top.
import { describe, expect, it } from 'vitest';
import type { GroupDetail, RunSummary } from '../../../main/api/types';
import { axisLabel, parallelPlot, shadeColour } from './parallelCoordinates';

function run(id: string, assignment: Record<string, number | string>, accuracy: number | null, status = 'completed') {
  return {
    id,
    status,
    group: { groupId: 'g', combination: 0, assignment },
    finalMetrics: accuracy === null ? null : { val_accuracy: accuracy },
  } as unknown as RunSummary;
}

const detail = (runs: RunSummary[]) => ({ task: 'classification', runs, curves: [] }) as unknown as GroupDetail;

describe('parallelPlot', () => {
  const sweep = detail([
    run('a', { lr: 0.1, optimizer: 'sgd', batch: 32 }, 0.7),
    run('b', { lr: 0.001, optimizer: 'adam', batch: 64 }, 0.9),
    run('c', { lr: 0.01, optimizer: 'adam', batch: 32 }, 0.8),
    run('d', { lr: 0.01, optimizer: 'sgd', batch: 64 }, 0.99, 'failed'),
    run('e', { lr: 0.01, optimizer: 'sgd', batch: 64 }, null),
  ]);

  it('puts a learning rate on a log axis, optimizers evenly by name and the metric last', () => {
    const plot = parallelPlot(sweep, ['lr', 'optimizer', 'batch'])!;
    expect(plot.axes.map((a) => [a.key, a.log])).toEqual([
      ['lr', true],
      ['optimizer', false],
      ['batch', false],
      [null, false],
    ]);
    expect(plot.axes[1].ticks).toEqual([
      { at: 0, label: 'adam' },
      { at: 1, label: 'sgd' },
    ]);
    expect(plot.axes[0].ticks.map((t) => t.label)).toEqual(['0.001', '0.01', '0.1']);
    // 0.01 is half-way between 0.001 and 0.1 on a log scale (a linear one would put it at 0.09).
    expect(plot.axes[0].ticks[1].at).toBeCloseTo(0.5, 12);
  });

  it('draws only completed runs with a final metric, worst first, shaded from worst to best', () => {
    const plot = parallelPlot(sweep, ['lr', 'optimizer', 'batch'])!;
    expect(plot.lines.map((l) => l.runId)).toEqual(['a', 'c', 'b']);
    expect(plot.lines.map((l) => l.shade)).toEqual([0, 0.5, 1].map((v) => expect.closeTo(v, 12)));
    const best = plot.lines[2];
    expect(best.heights).toEqual([0, 0, 1, 1]);
    expect(best.values).toEqual([0.001, 'adam', 64, 0.9]);
  });

  it('is not drawn for one swept setting or fewer than two finished runs', () => {
    expect(parallelPlot(sweep, ['lr'])).toBeNull();
    expect(parallelPlot(detail([run('a', { lr: 0.1, batch: 8 }, 0.5)]), ['lr', 'batch'])).toBeNull();
  });

  it('centres an axis whose runs all share one value', () => {
    const plot = parallelPlot(detail([run('a', { lr: 0.1, batch: 8 }, 0.5), run('b', { lr: 0.1, batch: 16 }, 0.6)]), [
      'lr',
      'batch',
    ])!;
    expect(plot.lines.map((l) => l.heights[0])).toEqual([0.5, 0.5]);
  });
});

describe('axis labels and shades', () => {
  it('keeps labels short', () => {
    expect(axisLabel(0.000123)).toBe('1.2e-4');
    expect(axisLabel(0.123456)).toBe('0.1235');
    expect(axisLabel(64)).toBe('64');
    expect(axisLabel('adam')).toBe('adam');
  });

  it('runs from dark purple (worst) to yellow (best)', () => {
    expect(shadeColour(0)).toBe('rgb(68, 1, 84)');
    expect(shadeColour(1)).toBe('rgb(253, 231, 37)');
    expect(shadeColour(0.5)).toBe('rgb(33, 145, 140)');
    expect(shadeColour(Number.NaN)).toBe('rgb(68, 1, 84)');
  });
});
