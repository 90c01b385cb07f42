// The split file shipped with a PyTorch export: the dataset's own train/validation/test row lists (the rows every
// run on it trained, validated and tested on) and a check over its labels or targets in row order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES } from '../../../engine/core/data/dataset';
import { exportSplitFile } from '../../../engine/core/export';
import type { DatasetRecord } from '../store/types';
import { ServiceError } from '../serviceError';

/** An int32 or float32 little-endian file as numbers, refused when its size is not `count` values. */
function readValues(path: string, kind: 'i32' | 'f32', count: number): Int32Array | Float32Array {
  const bytes = readFileSync(path);
  if (bytes.byteLength !== count * 4)
    throw new ServiceError('dataset-file-size', { file: path, bytes: bytes.byteLength, expected: count * 4 });
  const copy = new Uint8Array(bytes).buffer; // aligned, independent of Node's pooled buffers
  return kind === 'i32' ? new Int32Array(copy) : new Float32Array(copy);
}

export function datasetSplitFile(dataset: DatasetRecord): string {
  const { folder, manifest } = dataset;
  const part = (name: 'train' | 'validation' | 'test') =>
    readValues(join(folder, DATASET_FILES.split[name]), 'i32', manifest.split.counts[name]);
  const truth =
    manifest.task === 'classification'
      ? { kind: 'labels' as const, labels: readValues(join(folder, DATASET_FILES.labels), 'i32', manifest.count) }
      : {
          kind: 'targets' as const,
          targets: readValues(
            join(folder, DATASET_FILES.targets),
            'f32',
            manifest.count * (manifest.targetNames?.length ?? 1),
          ),
        };
  return exportSplitFile({
    rows: manifest.count,
    train: part('train'),
    validation: part('validation'),
    test: part('test'),
    truth,
    seed: manifest.split.seed,
  });
}
