// Writes a generated dataset into a dataset folder (engine/core/data/dataset.ts) that the engine reads,
// atomically: a temporary folder renamed into place when complete.
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATASET_FILES } from '../../core/data/dataset';
import { prepareGenerated, type PrepareOptions } from '../../core/data/prepare';
import type { GeneratedDataset } from '../../core/data/samples';

function bytes(view: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function writeGeneratedDataset(dataset: GeneratedDataset, dir: string, options: PrepareOptions = {}): string {
  const { manifest, data } = prepareGenerated(dataset, options);
  const temp = `${dir}.partial-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    writeFileSync(join(temp, DATASET_FILES.features), bytes(dataset.features)); // raw; the engine standardizes
    if (dataset.labels) writeFileSync(join(temp, DATASET_FILES.labels), bytes(dataset.labels));
    if (dataset.targets) writeFileSync(join(temp, DATASET_FILES.targets), bytes(dataset.targets));
    for (const part of ['train', 'validation', 'test'] as const)
      writeFileSync(join(temp, DATASET_FILES.split[part]), bytes(data.split[part]));
    writeFileSync(join(temp, DATASET_FILES.manifest), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(dir), { recursive: true });
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
