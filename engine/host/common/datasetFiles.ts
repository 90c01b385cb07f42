// Reads a dataset folder (engine/core/data/dataset.ts) from disk into training memory, standardized.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, type DatasetManifest } from '../../core/data/dataset';
import { standardize, type TrainingData } from '../../core/train/data';

/** Bytes per read call (a read of more than 2 GB at once fails). */
const READ_CHUNK = 1 << 30;

function readTyped<T extends Float32Array | Int32Array>(
  path: string,
  Kind: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  expected: number,
): T {
  if (!existsSync(path)) throw new Error(`${path} is missing from the dataset`);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size !== expected * Kind.BYTES_PER_ELEMENT) {
      throw new Error(`${path} holds ${size} bytes, the manifest implies ${expected * Kind.BYTES_PER_ELEMENT}`);
    }
    // Read straight into a fresh, aligned buffer: readFileSync and a copy would hold the file twice (60,000 28x28
    // images: 188 MB more at the peak) and copy it once more before training can start.
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    for (let at = 0; at < size;) {
      const read = readSync(fd, bytes, at, Math.min(size - at, READ_CHUNK), at);
      if (read === 0) throw new Error(`${path} ended after ${at} of its ${size} bytes while being read`);
      at += read;
    }
    return new Kind(buffer);
  } finally {
    closeSync(fd);
  }
}

export function readManifest(dir: string): DatasetManifest {
  const path = join(dir, DATASET_FILES.manifest);
  if (!existsSync(path)) throw new Error(`${dir} is not a dataset folder: ${DATASET_FILES.manifest} is missing`);
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
      if (labels[i] < 0 || labels[i] >= numClasses)
        throw new Error(
          `${join(dir, DATASET_FILES.labels)}: row ${i} has class ${labels[i]}, outside 0..${numClasses - 1}`,
        );
    }
  }
  const split = (name: 'train' | 'validation' | 'test') => {
    const indices = readTyped(join(dir, DATASET_FILES.split[name]), Int32Array, manifest.split.counts[name]);
    for (const i of indices)
      if (i < 0 || i >= manifest.count)
        throw new Error(`${DATASET_FILES.split[name]} names row ${i}, the dataset has ${manifest.count}`);
    return indices;
  };
  return {
    manifest,
    data: {
      task: manifest.task,
      features,
      featureShape: manifest.featureShape,
      featureSize,
      labels,
      targets: classification
        ? null
        : readTyped(join(dir, DATASET_FILES.targets), Float32Array, manifest.count * targetSize),
      targetSize,
      numClasses,
      classNames: manifest.classNames ?? [],
      split: { train: split('train'), validation: split('validation'), test: split('test') },
      normalization: manifest.normalization,
    },
  };
}
