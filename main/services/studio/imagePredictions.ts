// A run's predictions for images the user brings (one file or a folder, see predictionImages.ts): each image's
// predicted class and the probability of every class, and the accuracy on the images whose sub-folder names their
// class, next to the run's own test accuracy. A trained run's images are prepared as its dataset's were, an
// imported model's for its input shape (imageModel.ts). Shared by StudioApi.predictImages and `netwright predict`.
import { randomUUID } from 'node:crypto';
import type { EngineClient } from '../../../engine/host/parent/client';
import type { ImagePredictionReport } from '../../api/types';
import { ImagePredictionError } from '../datasets/images/predictionError';
import { readPredictionImages } from '../datasets/images/predictionImages';
import type { CheckpointRecord, RunSummary } from '../store/types';
import { imageDataUrl } from './datasetRows';
import type { ImageModel } from './imageModel';
import { probabilities } from './insight';

/** Images per engine request: bounded messages however many images the folder holds. */
const IMAGES_PER_REQUEST = 512;

/** Files that hold a table, refused by name rather than as an unreadable image. */
const TABLE_FILE = /\.(csv|tsv|txt)$/i;

export async function predictImages(
  engine: EngineClient,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  model: ImageModel,
  path: string,
  options: { thumbnails?: boolean } = {},
): Promise<ImagePredictionReport> {
  const { target, classNames } = model;
  const shape = [target.channels, target.height, target.width];
  if (TABLE_FILE.test(path))
    throw new ImagePredictionError('table-file', { path, run: run.name, shape: shape.join('×') });
  const read = await readPredictionImages(path, target, classNames);
  const size = target.channels * target.height * target.width;
  const predictions: ImagePredictionReport['predictions'] = [];
  let correct = 0;
  let labelled = 0;
  for (let start = 0; start < read.images.length; start += IMAGES_PER_REQUEST) {
    const count = Math.min(IMAGES_PER_REQUEST, read.images.length - start);
    const inputs = read.inputs.slice(start * size, (start + count) * size);
    const reply = await engine.request({
      type: 'predict',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      inputs,
      count,
    });
    for (let k = 0; k < count; k++) {
      const image = read.images[start + k];
      const predicted = reply.classes![k];
      const logits = reply.outputs.subarray(k * reply.outputSize, (k + 1) * reply.outputSize);
      if (image.label !== null) {
        labelled++;
        if (image.label === predicted) correct++;
      }
      predictions.push({
        name: image.name,
        predicted: classNames[predicted] ?? String(predicted),
        probabilities: probabilities(logits),
        ...(image.label !== null ? { label: classNames[image.label] } : {}),
        ...(options.thumbnails ? { image: await imageDataUrl(inputs.subarray(k * size, (k + 1) * size), shape) } : {}),
      });
    }
  }
  return {
    runId: run.id,
    weights: checkpoint.kind === 'best' ? 'best' : 'last',
    epoch: checkpoint.epoch,
    classNames,
    predictions,
    skipped: read.skipped,
    accuracy: labelled ? { correct, labelled, value: correct / labelled } : null,
    runTestAccuracy: run.finalMetrics?.test_accuracy ?? null,
  };
}
