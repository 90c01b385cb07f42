// A regression dataset folder on a label far from ±1: noisyCurve's targets as prices (y * PRICE_SPREAD + PRICE_MEAN),
// its manifest standardizing them (targetNormalization) or not, as the CSV import does for such a label.
import { readFileSync, writeFileSync } from 'node:fs';
import { DATASET_FILES, type DatasetManifest } from '../core/data/dataset';
import { noisyCurve } from '../core/data/samples';
import { writeGeneratedDataset } from '../host/common/writeDataset';
import { join } from 'node:path';

export const PRICE_MEAN = 130_000;
export const PRICE_SPREAD = 60_000;

/** Writes the dataset folder at `dir` (200 rows, one feature x in [-1, 1]) and returns it. */
export function writePricesDataset(dir: string, standardized: boolean): string {
  writeGeneratedDataset(noisyCurve({ count: 200, seed: 3 }), dir);
  const path = join(dir, DATASET_FILES.targets);
  const bytes = readFileSync(path);
  const targets = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  for (let i = 0; i < targets.length; i++) targets[i] = targets[i] * PRICE_SPREAD + PRICE_MEAN;
  writeFileSync(path, new Uint8Array(targets.buffer));
  if (standardized) {
    const manifestPath = join(dir, DATASET_FILES.manifest);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DatasetManifest;
    manifest.targetNormalization = { mean: [PRICE_MEAN], std: [PRICE_SPREAD] };
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }
  return dir;
}
