// The studio's augmentation preview: a few training images of an image dataset changed by the engine's own
// augmentation code (engine/core/train/augment.ts) with the draws a run of that seed makes in its first epochs.
import type { DatasetRecord } from '../store/types';
import { augmentImage, drawAugmentation } from '../../../engine/core/train/augment';
import type { AugmentationConfig } from '../../../engine/core/train/config';
import { checkTrainConfig } from '../../../engine/core/train/configCheck';
import type { AugmentPreview } from '../../api/types';
import { featureSize, imageDataUrl, readFeatures, readTruth, splitIndices } from './datasetRows';
import { ServiceError } from '../serviceError';

export const MAX_PREVIEW_SAMPLES = 12;
export const MAX_PREVIEW_EPOCHS = 8;

export async function augmentPreview(
  dataset: DatasetRecord,
  augmentation: AugmentationConfig,
  seed: number,
  samples = 4,
  epochs = 4,
): Promise<AugmentPreview> {
  const { manifest, folder } = dataset;
  const shape = manifest.featureShape;
  if (shape.length !== 3)
    throw new ServiceError('preview-not-images', { dataset: dataset.name, shape: shape.join(' x ') });
  if (!(samples >= 1 && samples <= MAX_PREVIEW_SAMPLES) || !(epochs >= 1 && epochs <= MAX_PREVIEW_EPOCHS))
    throw new ServiceError('preview-size', { samples: MAX_PREVIEW_SAMPLES, epochs: MAX_PREVIEW_EPOCHS });
  // The same ranges a run is held to: the preview never shows what training would refuse.
  const problem = checkTrainConfig({ ...placeholderConfig, seed, augmentation })[0];
  if (problem)
    throw new ServiceError('preview-setting', {
      setting: problem.setting,
      value: String(JSON.stringify((problem as { value?: unknown }).value)),
    });
  const train = splitIndices(folder, 'train');
  const count = Math.min(samples, train.length);
  // Evenly spaced through the training split, so several classes show.
  const rows = Array.from({ length: count }, (_, i) => train[Math.floor((i * train.length) / count)]);
  const raw = readFeatures(folder, manifest, rows);
  const truth = readTruth(folder, manifest, rows);
  const size = featureSize(manifest);
  const augmented = new Float32Array(size);
  const result: AugmentPreview = { shape: [...shape], samples: [] };
  for (let i = 0; i < count; i++) {
    const image = raw.subarray(i * size, (i + 1) * size);
    const shown: string[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      // On raw values (no standardization to undo) this is the transform training applies to the standardized row.
      const draw = drawAugmentation(augmentation, seed, epoch, rows[i], shape[1], shape[2]);
      augmentImage(image, augmented, shape, draw, augmentation.cutoutSize ?? 0, null);
      shown.push(await imageDataUrl(augmented, shape));
    }
    const label =
      manifest.task === 'classification' ? (manifest.classNames?.[truth[i]] ?? String(truth[i])) : String(truth[i]);
    result.samples.push({ row: rows[i], label, original: await imageDataUrl(image, shape), epochs: shown });
  }
  return result;
}

/** Everything but the augmentation and seed is irrelevant to the check; these values always pass. */
const placeholderConfig = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'sgd', lr: 0.1 },
  schedule: { type: 'constant' },
  epochs: 1,
  batchSize: 1,
  split: { train: 1, validation: 0, test: 0 },
} as const;
