// Editing augmentation: settings at 0 leave the config (so runs without augmentation record none), a cutout size
// brings one square, a table drops augmentation, and runs that differ in it differ in their settings diff.
import { describe, expect, it } from 'vitest';
import type { DatasetRecord, TrainConfig } from '../../../main/api/types';
import { checkTrainConfig } from '../../../engine/core/train/configCheck';
import { configForDataset } from '../state/config';
import { diffSettings } from '../experiments/settingsDiff';
import { AUGMENT_FIELDS, withAugmentation } from './augmentEdit';

const config: TrainConfig = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.003 },
  schedule: { type: 'constant' },
  epochs: 20,
  batchSize: 32,
  seed: 1,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
};

const dataset = (featureShape: number[]) =>
  ({
    id: 'd',
    name: 'd',
    manifest: { task: 'classification', featureShape, split: { train: 0.8, validation: 0.1, test: 0.1 } },
  }) as unknown as DatasetRecord;

describe('withAugmentation', () => {
  it('sets one setting and drops the entry when every setting is back at 0', () => {
    const flipped = withAugmentation(config, 'horizontalFlip', 0.5);
    expect(flipped.augmentation).toEqual({ horizontalFlip: 0.5 });
    const shifted = withAugmentation(flipped, 'cropPadding', 2);
    expect(shifted.augmentation).toEqual({ horizontalFlip: 0.5, cropPadding: 2 });
    expect(withAugmentation(withAugmentation(shifted, 'cropPadding', 0), 'horizontalFlip', 0)).toEqual(config);
  });

  it('gives a cutout size one square', () => {
    expect(withAugmentation(config, 'cutoutSize', 4).augmentation).toEqual({ cutoutSize: 4, cutoutCount: 1 });
  });

  it("offers each field's largest value within the engine's ranges", () => {
    for (const field of AUGMENT_FIELDS) {
      const augmented = withAugmentation(config, field.setting, field.max);
      expect(checkTrainConfig(augmented), field.setting).toEqual([]);
    }
  });
});

describe('augmentation and the dataset', () => {
  it('keeps augmentation for images and drops it for a table', () => {
    const augmented = withAugmentation(config, 'verticalFlip', 0.3);
    expect(configForDataset(augmented, dataset([1, 16, 16])).augmentation).toEqual({ verticalFlip: 0.3 });
    expect(configForDataset(augmented, dataset([2]))).not.toHaveProperty('augmentation');
  });

  it('shows in the settings diff of two runs', () => {
    const rows = diffSettings([config, withAugmentation(config, 'horizontalFlip', 0.5)]);
    expect(rows.find((r) => r.path === 'augmentation.horizontalFlip')).toEqual({
      path: 'augmentation.horizontalFlip',
      values: [null, 0.5],
      differs: true,
    });
  });
});
