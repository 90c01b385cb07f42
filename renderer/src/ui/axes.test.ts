// Axis assignment: one y axis per metric (MAE and R² no longer share one, which drew R² flat).
import { describe, expect, it } from 'vitest';
import { assignAxes } from './axes';

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
