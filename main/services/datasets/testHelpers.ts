// Test helpers for the importers: CSV files in a temp folder, and a dataset folder read back raw.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DATASET_FILES, type DatasetManifest } from '../../../engine/core/data/dataset';

export interface TempFolder {
  dir: string;
  datasetsDir: string;
  /** Writes a file into the temp folder and returns its path. */
  file(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), 'netwright-csv-'));
  return {
    dir,
    datasetsDir: join(dir, 'datasets'),
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The error `pending` ends in, checked to be a `Kind` (a test of a refusal fails if it succeeds instead). */
export function refusedWith<E extends Error>(
  pending: Promise<unknown>,
  Kind: { prototype: E; readonly name: string },
): Promise<E> {
  return pending.then(
    () => expect.fail(`expected a ${Kind.name}`),
    (error: unknown) => {
      expect(error).toBeInstanceOf(Kind);
      return error as E;
    },
  );
}

function typed(path: string, Kind: typeof Int32Array | typeof Float32Array): Int32Array | Float32Array {
  return new Kind(new Uint8Array(readFileSync(path)).buffer);
}

export interface DatasetOnDisk {
  manifest: DatasetManifest;
  /** Raw (unstandardized) rows. */
  rows: number[][];
  labels: number[] | null;
  targets: number[] | null;
  split: { train: number[]; validation: number[]; test: number[] };
}

export function readDataset(folder: string): DatasetOnDisk {
  const manifest = JSON.parse(readFileSync(join(folder, DATASET_FILES.manifest), 'utf8')) as DatasetManifest;
  const width = manifest.featureShape[0];
  const flat = typed(join(folder, DATASET_FILES.features), Float32Array) as Float32Array;
  expect(flat.length).toBe(manifest.count * width);
  const rows = Array.from({ length: manifest.count }, (_, r) => Array.from(flat.subarray(r * width, (r + 1) * width)));
  const read = (name: string, Kind: typeof Int32Array | typeof Float32Array) => {
    try {
      return Array.from(typed(join(folder, name), Kind));
    } catch {
      return null;
    }
  };
  const split = (part: 'train' | 'validation' | 'test') => read(DATASET_FILES.split[part], Int32Array) ?? [];
  return {
    manifest,
    rows,
    labels: read(DATASET_FILES.labels, Int32Array),
    targets: read(DATASET_FILES.targets, Float32Array),
    split: { train: split('train'), validation: split('validation'), test: split('test') },
  };
}

/** What is in the datasets folder (nothing after a failed import). */
export function datasetFolders(datasetsDir: string): string[] {
  try {
    return readdirSync(datasetsDir);
  } catch {
    return [];
  }
}
