// The boundary's grid: which datasets have one, the range it spans, and its raw input rows laid out as an image.
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { boundaryKind, cellCentre, gridInputs, paddedRange } from './boundaryGrid';

const manifest = (featureShape: number[], task: 'classification' | 'regression', targetNames?: string[]) =>
  ({ featureShape, task, targetNames }) as DatasetManifest;

describe('the boundary grid', () => {
  it('exists for two-feature classes and one-feature, one-target regression only', () => {
    expect(boundaryKind(manifest([2], 'classification'))).toBe('classes');
    expect(boundaryKind(manifest([1], 'regression'))).toBe('curve');
    expect(boundaryKind(manifest([1], 'regression', ['y']))).toBe('curve');
    expect(boundaryKind(manifest([3], 'classification'))).toBeNull();
    expect(boundaryKind(manifest([1], 'regression', ['a', 'b']))).toBeNull();
    expect(boundaryKind(manifest([1, 2, 1], 'classification'))).toBeNull();
  });

  it('spans the values with a tenth of their span on each side', () => {
    expect(paddedRange([0, 10, 4])).toEqual([-1, 11]);
    expect(paddedRange([3, 3])).toEqual([2, 4]);
    expect(paddedRange([])).toEqual([-1, 1]);
  });

  it('lays two axes out as an image: top row (largest y) first, each row left to right, at cell centres', () => {
    const rows = gridInputs([0, 4], [10, 20], 4);
    expect(rows).toHaveLength(4 * 4 * 2);
    expect(Array.from(rows.subarray(0, 4))).toEqual([0.5, 18.75, 1.5, 18.75]); // top-left, then its right neighbour
    expect(Array.from(rows.subarray(-2))).toEqual([3.5, 11.25]); // bottom-right
    expect(cellCentre([0, 4], 0, 4)).toBe(0.5);
  });

  it('lays one axis out left to right', () => {
    expect(Array.from(gridInputs([-1, 1], null, 4))).toEqual([-0.75, -0.25, 0.25, 0.75]);
  });
});
