// Chart series from epoch records for the lesson views: one field per epoch, and a vertical marker line.
import type { EpochRecord } from '../../../main/api/types';
import type { Point } from '../training/smoothing';

export type EpochField = 'trainLoss' | 'valLoss' | 'lr' | 'trainAccuracy' | 'valAccuracy';

export function epochCurve(epochs: readonly EpochRecord[], field: EpochField): Point[] {
  return epochs.filter((e) => e[field] !== null).map((e) => ({ x: e.epoch, y: e[field]! }));
}

/** A vertical line at epoch `x` spanning the values of the given curves (chart.js has no annotations here). */
export function marker(x: number, curves: readonly Point[][]): Point[] {
  const ys = curves
    .flat()
    .map((p) => p.y)
    .filter((y) => Number.isFinite(y) && y > 0);
  return ys.length
    ? [
        { x, y: Math.min(...ys) },
        { x, y: Math.max(...ys) },
      ]
    : [];
}
