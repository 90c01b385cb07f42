// The training configuration the panel edits, with defaults that train the samples well in seconds.
import type { DatasetRecord, TrainConfig } from '../../../main/api/types';
import { TRAIN_CONFIG_VERSION } from '../../../engine/core/train/config';

export function defaultTrainConfig(dataset: DatasetRecord | null): TrainConfig {
  const regression = dataset?.manifest.task === 'regression';
  const split = dataset?.manifest.split ?? { train: 0.7, validation: 0.15, test: 0.15 };
  return {
    version: TRAIN_CONFIG_VERSION,
    loss: regression ? 'mse' : 'cross_entropy',
    optimizer: { type: 'adam', lr: 0.01 },
    schedule: { type: 'constant' },
    epochs: 30,
    batchSize: 32,
    l1: 0,
    l2: 0,
    seed: 42,
    split: { train: split.train, validation: split.validation, test: split.test },
  };
}

/**
 * Keeps the user's choices but fixes what must follow the dataset (the loss for its task, the split; augmentation
 * only for images).
 */
export function configForDataset(config: TrainConfig, dataset: DatasetRecord | null): TrainConfig {
  if (!dataset) return config;
  const regression = dataset.manifest.task === 'regression';
  const loss = regression ? 'mse' : config.loss === 'mse' ? 'cross_entropy' : config.loss;
  const { train, validation, test } = dataset.manifest.split;
  const { augmentation, ...rest } = config;
  const images = dataset.manifest.featureShape.length === 3;
  return {
    ...rest,
    ...(images && augmentation ? { augmentation } : {}),
    loss,
    split: { ...config.split, train, validation, test },
  };
}
