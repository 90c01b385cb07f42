// Reads single rows of a dataset folder without loading it whole: raw features, labels or targets, split indices.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, type DatasetManifest } from '../../../engine/core/data/dataset';
import sharp from 'sharp';
import { ServiceError } from '../serviceError';

export function featureSize(manifest: DatasetManifest): number {
  return manifest.featureShape.reduce((a, b) => a * b, 1);
}

export function splitIndices(folder: string, split: 'train' | 'validation' | 'test'): Int32Array {
  const bytes = readFileSync(join(folder, DATASET_FILES.split[split]));
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Rows `indices` of a float32 file with `width` values per row, in that order. */
function readFloatRows(path: string, width: number, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * width);
  const bytes = new Uint8Array(out.buffer);
  const fd = openSync(path, 'r');
  try {
    for (let i = 0; i < indices.length; i++) {
      const length = width * 4;
      const read = readSync(fd, bytes, i * length, length, indices[i] * length);
      if (read !== length) throw new ServiceError('dataset-file-short', { file: path, row: indices[i] });
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

export function readFeatures(folder: string, manifest: DatasetManifest, indices: ArrayLike<number>): Float32Array {
  return readFloatRows(join(folder, DATASET_FILES.features), featureSize(manifest), indices);
}

/** Class indices (classification) or the first target (regression) of the rows. */
export function readTruth(folder: string, manifest: DatasetManifest, indices: ArrayLike<number>): number[] {
  if (manifest.task === 'classification') {
    const labels = readFileSync(join(folder, DATASET_FILES.labels));
    const view = new DataView(labels.buffer, labels.byteOffset, labels.byteLength);
    return Array.from(indices, (i) => view.getInt32(i * 4, true));
  }
  const width = manifest.targetNames?.length ?? 1;
  const values = readFloatRows(join(folder, DATASET_FILES.targets), width, indices);
  return Array.from(indices, (_, k) => values[k * width]);
}

/** A [C, H, W] image with values in [0, 1] (or any range, scaled to it when `stretch`) as a PNG data URL. */
export async function imageDataUrl(values: Float32Array, shape: readonly number[], stretch = false): Promise<string> {
  const [channels, height, width] = shape.length === 3 ? shape : [1, shape[0], shape[1]];
  const shown = channels === 3 ? 3 : 1;
  let low = 0;
  let high = 1;
  if (stretch) {
    low = Infinity;
    high = -Infinity;
    for (const v of values) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    if (!(high > low)) high = low + 1;
  }
  const pixels = Buffer.alloc(height * width * shown);
  for (let c = 0; c < shown; c++) {
    for (let p = 0; p < height * width; p++) {
      const v = (values[c * height * width + p] - low) / (high - low);
      pixels[p * shown + c] = Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels: shown } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
