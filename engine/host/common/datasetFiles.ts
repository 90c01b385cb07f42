// Reads a dataset folder (engine/core/data/dataset.ts) from disk into training memory, standardized.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, type DatasetManifest } from '../../core/data/dataset';
import { checkTargetNormalization, standardizeTargets } from '../../core/data/targetNormalization';
import { CodedError } from '../../core/errors/coded';
import { standardize, type TrainingData } from '../../core/train/data';
import { RUN_FAILURE_PREFIX, type RunFailureCode } from '../../core/train/runFailure';

/** What can be wrong with a dataset's files (each a run failure's code: a run that reads them fails with it). */
export type DatasetFileProblem = Extract<RunFailureCode, `dataset-${string}`>;

/**
 * A dataset's files that do not hold what its manifest says, naming the file and the numbers; its table code is the
 * run failure's ('failure-dataset-file-size'), so the studio and the command line word it in either language.
 */
export class DatasetFileError extends CodedError<DatasetFileProblem, Record<string, string | number>> {
  override get tableCode(): string {
    return `${RUN_FAILURE_PREFIX}${this.code}`;
  }
}

/** Bytes per read call (a read of more than 2 GB at once fails). */
const READ_CHUNK = 1 << 30;

function readTyped<T extends Float32Array | Int32Array>(
  path: string,
  Kind: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  expected: number,
): T {
  if (!existsSync(path))
    throw new DatasetFileError('dataset-missing-file', { file: path }, `${path} is missing from the dataset`);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytesExpected = expected * Kind.BYTES_PER_ELEMENT;
    if (size !== bytesExpected) {
      throw new DatasetFileError(
        'dataset-file-size',
        { file: path, bytes: size, expected: bytesExpected },
        `${path} holds ${size} bytes, the manifest implies ${bytesExpected}`,
      );
    }
    // Read straight into a fresh, aligned buffer: readFileSync and a copy would hold the file twice (60,000 28x28
    // images: 188 MB more at the peak) and copy it once more before training can start.
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    for (let at = 0; at < size;) {
      const read = readSync(fd, bytes, at, Math.min(size - at, READ_CHUNK), at);
      if (read === 0) {
        throw new DatasetFileError(
          'dataset-file-cut',
          { file: path, read: at, bytes: size },
          `${path} ended after ${at} of its ${size} bytes while being read`,
        );
      }
      at += read;
    }
    return new Kind(buffer);
  } finally {
    closeSync(fd);
  }
}

export function readManifest(dir: string): DatasetManifest {
  const path = join(dir, DATASET_FILES.manifest);
  if (!existsSync(path)) {
    throw new DatasetFileError(
      'dataset-no-manifest',
      { folder: dir, manifest: DATASET_FILES.manifest },
      `${dir} is not a dataset folder: ${DATASET_FILES.manifest} is missing`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as DatasetManifest;
}

export function loadTrainingData(dir: string): { manifest: DatasetManifest; data: TrainingData } {
  const manifest = readManifest(dir);
  const featureSize = manifest.featureShape.reduce((a, b) => a * b, 1);
  const features = readTyped(join(dir, DATASET_FILES.features), Float32Array, manifest.count * featureSize);
  if (manifest.normalization) standardize(features, manifest.featureShape, manifest.normalization);
  const classification = manifest.task === 'classification';
  const targetSize = classification ? 1 : (manifest.targetNames?.length ?? 1);
  const labels = classification ? readTyped(join(dir, DATASET_FILES.labels), Int32Array, manifest.count) : null;
  const numClasses = classification ? (manifest.classNames?.length ?? 0) : 0;
  if (labels) {
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        const file = join(dir, DATASET_FILES.labels);
        throw new DatasetFileError(
          'dataset-bad-label',
          { file, row: i, label: labels[i], last: numClasses - 1 },
          `${file}: row ${i} has class ${labels[i]}, outside 0..${numClasses - 1}`,
        );
      }
    }
  }
  const split = (name: 'train' | 'validation' | 'test') => {
    const file = join(dir, DATASET_FILES.split[name]);
    const indices = readTyped(file, Int32Array, manifest.split.counts[name]);
    for (const i of indices)
      if (i < 0 || i >= manifest.count)
        throw new DatasetFileError(
          'dataset-bad-split-row',
          { file, row: i, count: manifest.count },
          `${DATASET_FILES.split[name]} names row ${i}, the dataset has ${manifest.count}`,
        );
    return indices;
  };
  const targets = classification
    ? null
    : readTyped(join(dir, DATASET_FILES.targets), Float32Array, manifest.count * targetSize);
  const targetNormalization = targets ? (manifest.targetNormalization ?? null) : null;
  if (targets && targetNormalization) {
    try {
      checkTargetNormalization(targetNormalization, targetSize);
    } catch (error) {
      throw new Error(`${join(dir, DATASET_FILES.manifest)}: ${(error as Error).message}`, { cause: error });
    }
    standardizeTargets(targets, targetNormalization);
  }
  return {
    manifest,
    data: {
      task: manifest.task,
      features,
      featureShape: manifest.featureShape,
      featureSize,
      labels,
      targets,
      targetNormalization,
      targetSize,
      numClasses,
      classNames: manifest.classNames ?? [],
      split: { train: split('train'), validation: split('validation'), test: split('test') },
      normalization: manifest.normalization,
    },
  };
}
