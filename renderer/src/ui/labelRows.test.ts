// Marker labels on a chart (markerPlugin): each goes to the first row where it overlaps no label placed before it.
import { describe, expect, it } from 'vitest';
import { labelRows } from './labelRows';

describe('marker label rows', () => {
  it('keeps labels apart on one row, and steps a label down only where it would overlap', () => {
    expect(
      labelRows([
        { left: 0, right: 50 },
        { left: 100, right: 150 },
      ]),
    ).toEqual([0, 0]);
    // "Validation loss spike at epoch 31" and "Loss spike at epoch 39": close lines, long labels.
    expect(
      labelRows([
        { left: 10, right: 60 },
        { left: 200, right: 400 },
        { left: 260, right: 380 },
        { left: 300, right: 350 },
      ]),
    ).toEqual([0, 0, 1, 2]);
    // A later label fits back on the first row when it is clear of the ones there.
    expect(
      labelRows([
        { left: 0, right: 100 },
        { left: 50, right: 120 },
        { left: 130, right: 200 },
      ]),
    ).toEqual([0, 1, 0]);
  });
});
