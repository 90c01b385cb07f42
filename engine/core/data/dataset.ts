// The on-disk dataset the importers write and the engine reads directly (no copies through IPC).
//
// A dataset is a folder holding:
//   dataset.json     the DatasetManifest below
//   features.f32     float32 little-endian, count x prod(featureShape), row-major, raw (not standardized)
//   labels.i32       int32 class indices in [0, classNames.length)     (task 'classification')
//   targets.f32      float32 count x targetNames.length                  (task 'regression')
//   split-train.i32, split-validation.i32, split-test.i32   int32 row indices of each split

export const DATASET_VERSION = 1;

export type Task = 'classification' | 'regression';

/** One mean and one (population, training split) standard deviation per regression target; a std of 0 counts as 1. */
export interface TargetNormalization {
  mean: number[];
  std: number[];
}

export interface DatasetManifest {
  version: number;
  id: string;
  name: string;
  source: { kind: 'csv' | 'images' | 'generated'; path: string; sha256?: string };
  /** Images: how each image was brought to featureShape's size (absent in older datasets: 'fill'). */
  images?: { fit: 'fill' | 'cover' | 'contain' };
  /** Tables: how the source file reads (for exported scripts that read it again). */
  table?: { labelColumn: string; delimiter: string; hasHeader: boolean };
  count: number;
  /** [features] for tables, [channels, height, width] for images. */
  featureShape: number[];
  /** One name per feature column after encoding (one-hot columns named `column=value`); images: omitted. */
  featureNames?: string[];
  task: Task;
  classNames?: string[];
  targetNames?: string[];
  /**
   * Standardization (z-score) computed on the training split only. axis 'feature': one mean/std per feature
   * (one-hot features get mean 0, std 1 so they pass unchanged); axis 'channel': one per image channel.
   */
  normalization: { axis: 'feature' | 'channel'; mean: number[]; std: number[] } | null;
  /**
   * Regression only: the targets standardized as the model learns them, (t - mean) / std per target with the
   * training split's mean and std (targets.f32 keeps the values the source holds). Set by the CSV import for a label
   * far from ±1 (house prices), where the usual initial weights and learning rates fail. Predictions, MAE, RMSE and
   * exports are in the label's units again; the loss is on the standardized targets. Absent or null: as they are.
   */
  targetNormalization?: TargetNormalization | null;
  /**
   * Fractions are those asked for, or with `column` or `folders` (a CSV column naming each row's split) the shares that column
   * gave; the seed then only orders training.
   */
  split: {
    seed: number;
    train: number;
    validation: number;
    test: number;
    stratified: boolean;
    counts: { train: number; validation: number; test: number };
    column?: string;
    /** Images imported from split folders (train/, validation/ or val/, test/): each part's folder name. */
    folders?: { train: string; validation?: string; test?: string };
  };
}

export const DATASET_FILES = {
  manifest: 'dataset.json',
  features: 'features.f32',
  labels: 'labels.i32',
  targets: 'targets.f32',
  split: { train: 'split-train.i32', validation: 'split-validation.i32', test: 'split-test.i32' },
} as const;
