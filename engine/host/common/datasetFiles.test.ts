// Reading a dataset folder into training memory: the values as written, standardized, in buffers of their own, and
// a clear error for a file whose size does not match the manifest.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../core/data/dataset';
import { spirals } from '../../core/data/samples';
import { standardize } from '../../core/train/data';
import { DatasetFileError, loadTrainingData, readManifest } from './datasetFiles';
import { writeGeneratedDataset } from './writeDataset';

const home = mkdtempSync(join(tmpdir(), 'netwright-dataset-files-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('loadTrainingData', () => {
  it('reads the features standardized and the labels and split as written, each in an aligned buffer of its own', () => {
    const generated = spirals({ perClass: 40 });
    const dir = writeGeneratedDataset(generated, join(home, 'spirals'));
    const { manifest, data } = loadTrainingData(dir);
    const expected = generated.features.slice();
    standardize(expected, manifest.featureShape, manifest.normalization!);
    expect(data.features).toEqual(expected);
    expect(data.labels).toEqual(generated.labels);
    const written = readFileSync(join(dir, DATASET_FILES.split.train));
    expect(data.split.train).toEqual(new Int32Array(written.buffer, written.byteOffset, written.byteLength / 4));
    for (const view of [data.features, data.labels!, data.split.train, data.split.validation]) {
      expect(view.byteOffset).toBe(0);
      expect(view.buffer.byteLength).toBe(view.byteLength);
    }
  });

  it('names the file and both sizes when a file is shorter than the manifest says', () => {
    const dir = writeGeneratedDataset(spirals({ perClass: 10 }), join(home, 'short'));
    const features = join(dir, DATASET_FILES.features);
    const size = readFileSync(features).byteLength;
    truncateSync(features, size - 4);
    expect(() => loadTrainingData(dir)).toThrow(`${features} holds ${size - 4} bytes, the manifest implies ${size}`);
  });

  it('refuses labels that name a class the manifest does not have', () => {
    const dir = writeGeneratedDataset(spirals({ perClass: 10 }), join(home, 'labels'));
    const labels = join(dir, DATASET_FILES.labels);
    const written = readFileSync(labels);
    const values = new Int32Array(written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength));
    values[3] = 99;
    writeFileSync(labels, new Uint8Array(values.buffer));
    expect(() => loadTrainingData(dir)).toThrow(`${labels}: row 3 has class 99, outside 0..2`);
  });

  /** What `read` throws. */
  const thrown = (read: () => unknown): DatasetFileError => {
    try {
      read();
    } catch (error) {
      return error as DatasetFileError;
    }
    throw new Error('nothing was thrown');
  };

  it('throws each problem as a run failure code with the file and the numbers, for either language to word', () => {
    const dir = writeGeneratedDataset(spirals({ perClass: 10 }), join(home, 'coded'));
    const features = join(dir, DATASET_FILES.features);
    const size = readFileSync(features).byteLength;
    truncateSync(features, size - 8);
    const cut = thrown(() => loadTrainingData(dir));
    expect(cut).toBeInstanceOf(DatasetFileError);
    expect(cut.tableCode).toBe('failure-dataset-file-size');
    expect(cut.params).toEqual({ file: features, bytes: size - 8, expected: size });

    const split = join(dir, DATASET_FILES.split.validation);
    unlinkSync(split);
    writeFileSync(features, new Uint8Array(size));
    expect(thrown(() => loadTrainingData(dir))).toMatchObject({
      tableCode: 'failure-dataset-missing-file',
      params: { file: split },
    });

    const empty = join(home, 'not-a-dataset');
    mkdirSync(empty);
    expect(thrown(() => readManifest(empty))).toMatchObject({
      tableCode: 'failure-dataset-no-manifest',
      params: { folder: empty, manifest: 'dataset.json' },
    });
  });

  it('refuses a split that names a row past the end', () => {
    const dir = writeGeneratedDataset(spirals({ perClass: 10 }), join(home, 'split'));
    const test = join(dir, DATASET_FILES.split.test);
    const written = readFileSync(test);
    const rows = new Int32Array(written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength));
    rows[0] = 30;
    writeFileSync(test, new Uint8Array(rows.buffer));
    expect(thrown(() => loadTrainingData(dir))).toMatchObject({
      tableCode: 'failure-dataset-bad-split-row',
      params: { file: test, row: 30, count: 30 },
    });
  });
});
