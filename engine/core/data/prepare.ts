// Turns a generated dataset into training memory and a manifest: a seeded (stratified) split and
// standardization statistics from the training rows. Used by tests, benchmarks and the sample datasets.
import { splitIndices } from '../train/split';
import type { TrainingData } from '../train/data';
import { standardize } from '../train/data';
import { DATASET_VERSION, type DatasetManifest } from './dataset';
import { computeNormalization } from './normalization';
import type { GeneratedDataset } from './samples';

export interface PrepareOptions {
  split?: { train: number; validation: number; test: number };
  seed?: number;
  standardize?: boolean;
}

export function prepareGenerated(
  dataset: GeneratedDataset,
  options: PrepareOptions = {},
): { manifest: DatasetManifest; data: TrainingData } {
  const fractions = options.split ?? { train: 0.7, validation: 0.15, test: 0.15 };
  const seed = options.seed ?? 42;
  const featureSize = dataset.featureShape.reduce((a, b) => a * b, 1);
  const count = dataset.features.length / featureSize;
  const classification = dataset.task === 'classification';
  const split = splitIndices(count, fractions, seed, classification ? dataset.labels : undefined);
  const axis = dataset.featureShape.length === 3 ? 'channel' : 'feature';
  const normalization =
    options.standardize === false
      ? null
      : computeNormalization(dataset.features, dataset.featureShape, split.train, axis);
  const features = dataset.features.slice();
  if (normalization) standardize(features, dataset.featureShape, normalization);
  const manifest: DatasetManifest = {
    version: DATASET_VERSION,
    id: dataset.name,
    name: dataset.name,
    source: { kind: 'generated', path: `sample:${dataset.name}` },
    count,
    featureShape: dataset.featureShape,
    featureNames: dataset.featureNames,
    task: dataset.task,
    classNames: dataset.classNames,
    targetNames: dataset.targetNames,
    normalization,
    split: {
      seed,
      ...fractions,
      stratified: classification,
      counts: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    },
  };
  return {
    manifest,
    data: {
      task: dataset.task,
      features,
      featureShape: dataset.featureShape,
      featureSize,
      labels: dataset.labels ?? null,
      targets: dataset.targets ?? null,
      targetSize: classification ? 1 : (dataset.targetNames?.length ?? 1),
      numClasses: dataset.classNames?.length ?? 0,
      classNames: dataset.classNames ?? [],
      split,
      normalization,
    },
  };
}
