// What predicting on images needs of a run: how each image is brought to the model's input (size, channels, fit)
// and the class each output stands for. From the image dataset a run was trained on, or, for a run imported from a
// model file, from its graph's [C, H, W] input (resized to exactly H × W, as nothing records another fit).
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import type { ImageTarget } from '../datasets/images/decode';
import { ImagePredictionError } from '../datasets/images/predictionError';
import type { Store } from '../store';
import type { Run } from '../store/types';
import { importedGraph } from './importedGraph';
import { ServiceError } from '../serviceError';

export interface ImageModel {
  target: ImageTarget;
  /** By output index; also the sub-folder names that label an image. */
  classNames: string[];
}

/** How the run's image dataset brought each image to its size, and its classes. */
export function datasetImageModel(run: Pick<Run, 'name'>, manifest: DatasetManifest): ImageModel {
  if (manifest.source.kind !== 'images' || manifest.featureShape.length !== 3)
    throw new ImagePredictionError('table-dataset', { run: run.name, dataset: manifest.name });
  if (manifest.task !== 'classification') throw new ImagePredictionError('predicts-numbers', { run: run.name });
  const [channels, height, width] = manifest.featureShape;
  return {
    target: { channels: channels === 1 ? 1 : 3, height, width, fit: manifest.images?.fit ?? 'fill' },
    classNames: manifest.classNames ?? [],
  };
}

/** An imported run's image input [C, H, W] (C = 1: grayscale, 3: RGB) and its classes by output index. */
export function importedImageModel(run: Pick<Run, 'name' | 'graph' | 'trainConfig'>): ImageModel {
  const { input, task, outputNames } = importedGraph(run);
  if (input.length !== 3) throw new ImagePredictionError('vector-input', { run: run.name, width: input.join('×') });
  const [channels, height, width] = input;
  if (channels !== 1 && channels !== 3)
    throw new ImagePredictionError('input-channels', { run: run.name, shape: `[${input.join(', ')}]`, channels });
  if (task !== 'classification') throw new ImagePredictionError('predicts-numbers', { run: run.name });
  return { target: { channels, height, width, fit: 'fill' }, classNames: outputNames };
}

/** Whether an imported run's graph takes images (so a file given to predict is read as images, not CSV rows). */
export function takesImages(run: Pick<Run, 'name' | 'graph' | 'trainConfig'>): boolean {
  return importedGraph(run).input.length === 3;
}

/** A trained run's dataset, or an imported run's graph when it has none. */
export function runImageModel(store: Store, run: Run): ImageModel {
  if (run.datasetId) return datasetImageModel(run, store.datasets.getDataset(run.datasetId).manifest);
  if (run.kind === 'imported') return importedImageModel(run);
  throw new ServiceError('run-no-dataset', { run: run.name });
}
