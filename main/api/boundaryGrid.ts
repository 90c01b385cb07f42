// The grid a decision boundary or fitted curve is evaluated on: which datasets have one (two-feature classification,
// one-feature regression), the raw feature range it spans, and its input rows (the engine standardizes them).
// Pure, so the renderer imports it too.
import type { DatasetManifest } from '../../engine/core/data/dataset';
import type { BoundaryMap } from './types';

/** Share of the points' span added on each side, so the boundary is seen a little beyond the data. */
const MARGIN = 0.1;
export const DEFAULT_RESOLUTION = 64;
export const MIN_RESOLUTION = 8;
export const MAX_RESOLUTION = 128;

/** 'classes' for a table with two features and class labels, 'curve' for one feature and one target, else null. */
export function boundaryKind(manifest: DatasetManifest): BoundaryMap['kind'] | null {
  if (manifest.featureShape.length !== 1) return null;
  const width = manifest.featureShape[0];
  if (manifest.task === 'classification') return width === 2 ? 'classes' : null;
  return width === 1 && (manifest.targetNames?.length ?? 1) === 1 ? 'curve' : null;
}

/** [low, high] of the values plus the margin; a single value gets ±1. */
export function paddedRange(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    low = Math.min(low, values[i]);
    high = Math.max(high, values[i]);
  }
  if (!(high >= low)) return [-1, 1];
  if (high === low) return [low - 1, high + 1];
  const pad = (high - low) * MARGIN;
  return [low - pad, high + pad];
}

/** The centre of cell `i` of `n` across [low, high]. */
export function cellCentre(range: [number, number], i: number, n: number): number {
  return range[0] + ((i + 0.5) / n) * (range[1] - range[0]);
}

/**
 * Raw input rows of the grid. Two axes: resolution² rows of [x, y], the top row (largest y) first and each row left
 * to right, as an image is laid out. One axis: resolution rows of [x], left to right.
 */
export function gridInputs(x: [number, number], y: [number, number] | null, resolution: number): Float32Array {
  if (!y) return Float32Array.from({ length: resolution }, (_, i) => cellCentre(x, i, resolution));
  const rows = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    const yValue = cellCentre(y, resolution - 1 - r, resolution);
    for (let c = 0; c < resolution; c++) {
      const at = (r * resolution + c) * 2;
      rows[at] = cellCentre(x, c, resolution);
      rows[at + 1] = yValue;
    }
  }
  return rows;
}
