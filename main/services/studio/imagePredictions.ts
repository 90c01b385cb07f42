// A run's predictions for images the user brings (one file or a folder, see predictionImages.ts): each image's
// predicted class and the probability of every class, and the accuracy on the images whose sub-folder names their
// class, next to the run's own test accuracy. Shared by StudioApi.predictImages and `netwright predict`.
import { randomUUID } from 'node:crypto';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import type { EngineClient } from '../../../engine/host/parent/client';
import type { ImagePredictionReport } from '../../api/types';
import { readPredictionImages } from '../datasets/images/predictionImages';
import type { CheckpointRecord, RunSummary } from '../store/types';
import { imageDataUrl } from './datasetRows';
import { probabilities } from './insight';

/** Images per engine request: bounded messages however many images the folder holds. */
const IMAGES_PER_REQUEST = 512;

export async function predictImages(
  engine: EngineClient,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  manifest: DatasetManifest,
  path: string,
  options: { thumbnails?: boolean } = {},
): Promise<ImagePredictionReport> {
  if (manifest.task !== 'classification')
    throw new Error(`run '${run.name}' predicts numbers, not classes: image predictions need a classification run`);
  const read = await readPredictionImages(path, manifest);
  const size = manifest.featureShape.reduce((a, b) => a * b, 1);
  const classNames = manifest.classNames ?? [];
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
        ...(options.thumbnails
          ? { image: await imageDataUrl(inputs.subarray(k * size, (k + 1) * size), manifest.featureShape) }
          : {}),
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
