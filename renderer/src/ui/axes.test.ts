// Axis assignment: one y axis per metric (MAE and R² no longer share one, which drew R² flat).
import { describe, expect, it } from 'vitest';
import { assignAxes, lastX, logTickLabel, wholeNumberX } from './axes';

describe('assignAxes', () => {
  it('puts MAE and R² on their own axes, left and right', () => {
    const plan = assignAxes([{ axis: 'mae' }, { axis: 'r2' }]);
    expect(plan.ids).toEqual(['y', 'y1']);
    expect(plan.axes.map((a) => [a.key, a.position, a.grid])).toEqual([
      ['mae', 'left', true],
      ['r2', 'right', false],
    ]);
  });

  it('draws series of the same metric on one axis (training and validation loss)', () => {
    const plan = assignAxes([{ axis: 'loss' }, { axis: 'loss' }, { axis: 'accuracy' }, { axis: 'loss' }]);
    expect(plan.ids).toEqual(['y', 'y', 'y1', 'y']);
    expect(plan.axes).toHaveLength(2);
  });

  it('keeps one axis for series that name none', () => {
    const plan = assignAxes([{}, {}]);
    expect(plan.ids).toEqual(['y', 'y']);
    expect(plan.axes).toEqual([{ id: 'y', key: '', position: 'left', grid: true }]);
  });
});

describe('logTickLabel', () => {
  it('names 1, 2 and 5 times a power of ten and leaves the other ticks unlabelled', () => {
    expect([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 1e-4].map(logTickLabel)).toEqual([
      '0.01',
      '0.02',
      '0.05',
      '0.1',
      '0.2',
      '0.5',
      '1',
      '2',
      '5',
      '10',
      '0.0001',
    ]);
    // Chart.js' log ticks also hold 3, 4, 6 … and the data's own ends; those overlapped their neighbours' labels.
    expect([0.03, 0.6, 0.8, 0.52, 7].map(logTickLabel)).toEqual(['', '', '', '', '']);
    expect([0, -1, NaN, Infinity].map(logTickLabel)).toEqual(['', '', '', '']);
  });
});

describe('wholeNumberX', () => {
  it('ticks whole numbers when every x is one (epochs 1 to 4: no tick at 1.5)', () => {
    const epochs = [1, 2, 3, 4].map((x) => ({ x, y: 1 / x }));
    expect(wholeNumberX([{ points: epochs }, { points: epochs.slice(2) }])).toBe(true);
  });

  it('keeps the defaults for fractional x (steps in epochs, a fitted curve) and for no points', () => {
    expect(wholeNumberX([{ points: [{ x: 1 }] }, { points: [{ x: 1.25 }] }])).toBe(false);
    expect(wholeNumberX([{ points: [] }])).toBe(false);
    expect(wholeNumberX([])).toBe(false);
  });
});

describe('lastX', () => {
  it('is the largest x of any series, where an epoch axis ends', () => {
    expect(lastX([{ points: [{ x: 1 }, { x: 15 }] }, { points: [{ x: 9 }] }])).toBe(15);
    expect(lastX([{ points: [] }])).toBeNull();
  });
});
