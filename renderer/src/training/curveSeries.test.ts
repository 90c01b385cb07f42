// A run's curves: each metric on its own axis (MAE and R² used to share one, drawing R² flat), best and last epochs
// marked, smoothing applied to the lines and not to the markers.
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../main/api/types';
import { assignAxes } from '../ui/axes';
import { bestEpochOf, lossSpansDecades, runCurves, type CurveInput } from './curveSeries';

function epoch(n: number, valLoss: number | null, validation: Record<string, number> = {}): EpochRecord {
  return {
    epoch: n,
    trainLoss: 1 / n,
    trainAccuracy: null,
    valLoss,
    valAccuracy: valLoss === null ? null : 1 - valLoss,
    lr: 0.01,
    metrics: { validation },
  };
}

const input = (epochs: EpochRecord[], regression: boolean, smoothing = 0): CurveInput => ({
  epochs,
  steps: [],
  stepsPerEpoch: null,
  regression,
  smoothing,
  words: (key, params) => (params ? `${key} ${JSON.stringify(params)}` : key),
});

describe('runCurves', () => {
  it('draws validation MAE and R² on two axes, so R² is not flattened by MAE’s range', () => {
    const epochs = [epoch(1, 40, { mae: 120, r2: 0.1 }), epoch(2, 20, { mae: 60, r2: 0.6 })];
    const { metric } = runCurves(input(epochs, true));
    const lines = metric.filter((s) => !s.marker);
    expect(lines.map((s) => s.label)).toEqual(['valMae', 'valR2']);
    const plan = assignAxes(lines);
    expect(new Set(plan.ids).size).toBe(2);
    expect(plan.axes.map((a) => a.key)).toEqual(['mae', 'r2']);
  });

  it('keeps training and validation loss on one axis', () => {
    const { loss } = runCurves(input([epoch(1, 0.5), epoch(2, 0.4)], false));
    expect(new Set(assignAxes(loss).ids)).toEqual(new Set(['y']));
  });

  it('marks the best epoch (lowest validation loss) and the last one, at their unsmoothed values', () => {
    const epochs = [epoch(1, 0.9), epoch(2, 0.3), epoch(3, 0.5), epoch(4, 0.6)];
    const { loss, bestEpoch, lastEpoch } = runCurves(input(epochs, false, 0.9));
    expect([bestEpoch, lastEpoch]).toEqual([2, 4]);
    const marks = loss.filter((s) => s.marker);
    expect(marks.map((s) => s.label)).toEqual(['bestMarker {"epoch":2}', 'lastMarker {"epoch":4}']);
    expect(marks.map((s) => s.points[0])).toEqual([
      { x: 2, y: 0.3 },
      { x: 4, y: 0.6 },
    ]);
    const validation = loss.find((s) => s.label === 'valLoss')!;
    expect(validation.points[1].y).not.toBe(0.3); // smoothed
  });

  it('marks one point when the last epoch is the best', () => {
    const { metric } = runCurves(input([epoch(1, 0.9), epoch(2, 0.3)], false));
    expect(metric.filter((s) => s.marker)).toHaveLength(1);
  });

  it('has no best epoch without a validation split', () => {
    expect(bestEpochOf([epoch(1, null), epoch(2, null)])).toBeNull();
  });
});

describe('the loss chart’s scale', () => {
  const record = (n: number, trainLoss: number, valLoss?: number): EpochRecord => ({
    epoch: n,
    trainLoss,
    valLoss: valLoss ?? null,
    trainAccuracy: null,
    valAccuracy: null,
    lr: 0.01,
    metrics: {},
  });

  it('starts on a log axis when the losses span two decades (the dropout lesson blows up to 178 at first)', () => {
    expect(lossSpansDecades([record(1, 0.77, 178), record(2, 100.4, 20.9), record(3, 0.3, 0.4)])).toBe(true);
  });

  it('stays linear for an ordinary curve, and ignores losses that are not positive numbers', () => {
    expect(lossSpansDecades([record(1, 1.1, 1.0), record(2, 0.5, 0.6), record(3, 0.2, 0.3)])).toBe(false);
    expect(lossSpansDecades([record(1, Number.NaN, 0), record(2, 0.5), record(3, Infinity, 0.4)])).toBe(false);
    expect(lossSpansDecades([])).toBe(false);
  });
});
