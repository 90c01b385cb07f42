// An imported run's page takes images only when its graph classifies [1 or 3, H, W] inputs and it has no dataset.
import { describe, expect, it } from 'vitest';
import { chain } from '../../../engine/core/spec/testSpecs';
import type { Run } from '../../../main/api/types';
import { importedImageInput } from './importedImageInput';

function run(inputShape: number[], changes: Partial<Run> = {}) {
  return {
    kind: 'imported' as const,
    datasetId: null,
    graph: chain([
      ['in', 'input', { shape: inputShape }],
      ['flat', 'flatten'],
      ['fc', 'dense', { units: 3 }],
    ]),
    trainConfig: { loss: 'cross_entropy' } as Run['trainConfig'],
    ...changes,
  };
}

describe('importedImageInput', () => {
  it('reads a grayscale or RGB image input of an imported classifier', () => {
    expect(importedImageInput(run([1, 8, 6]))).toEqual({ channels: 1, height: 8, width: 6 });
    expect(importedImageInput(run([3, 4, 4]))).toEqual({ channels: 3, height: 4, width: 4 });
  });

  it('leaves out vector inputs, other channel counts, regression, trained runs and runs with a dataset', () => {
    expect(importedImageInput(run([4]))).toBeNull();
    expect(importedImageInput(run([2, 6, 6]))).toBeNull();
    expect(importedImageInput(run([1, 8, 8], { trainConfig: { loss: 'mse' } as Run['trainConfig'] }))).toBeNull();
    expect(importedImageInput(run([1, 8, 8], { kind: 'trained' }))).toBeNull();
    expect(importedImageInput(run([1, 8, 8], { datasetId: 'd1' }))).toBeNull();
  });
});
