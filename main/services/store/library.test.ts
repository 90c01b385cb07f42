// Graph versions, datasets and run files (checkpoints, exports) in the store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_VERSION, type DatasetManifest } from '../../../engine/core/data/dataset';
import { mlp } from '../../../engine/core/spec/templates';
import { registerDataset, type Store } from './index';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig, type TestClock } from './testFixtures';

let temp: ReturnType<typeof tempDir>;
let clock: TestClock;
let store: Store;
let projectId: string;

beforeEach(() => {
  temp = tempDir('library');
  clock = testClock();
  store = openTestStore(temp.dir, clock);
  projectId = store.projects.createProject({ name: 'Digits', description: 'MNIST-like' }).id;
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('graphs', () => {
  it('numbers saved versions 1, 2, 3 and lists them newest first without their specs', () => {
    const graph = store.graphs.createGraph({ projectId, name: 'classifier' });
    expect(store.graphs.latestGraphVersion(graph.id)).toBeNull();
    const v1 = store.graphs.saveGraphVersion(graph.id, mlp(4, 3, [8]));
    clock.advance(10);
    store.graphs.saveGraphVersion(graph.id, mlp(4, 3, [16]), 'wider');
    clock.advance(10);
    const v3 = store.graphs.saveGraphVersion(graph.id, mlp(4, 3, [16, 16]));
    expect(store.graphs.listGraphVersions(graph.id).map((v) => [v.version, v.note])).toEqual([
      [3, ''],
      [2, 'wider'],
      [1, ''],
    ]);
    expect('spec' in store.graphs.listGraphVersions(graph.id)[0]).toBe(false);
    expect(store.graphs.getGraphVersion(v1.id).spec).toEqual(mlp(4, 3, [8]));
    expect(store.graphs.latestGraphVersion(graph.id)?.id).toBe(v3.id);
    expect(store.graphs.getGraph(graph.id).updatedAt).toBe(v3.createdAt);
  });

  it("keeps a run's graph snapshot when its graph is deleted", () => {
    const graph = store.graphs.createGraph({ projectId, name: 'g' });
    const version = store.graphs.saveGraphVersion(graph.id, tinySpec);
    const run = store.runs.createRun({
      projectId,
      graph: version.spec,
      graphVersionId: version.id,
      trainConfig: trainConfig(),
    });
    store.graphs.deleteGraph(graph.id);
    expect(store.runs.getRun(run.id)).toMatchObject({ graphVersionId: null, graph: tinySpec });
  });
});

describe('datasets', () => {
  it('registers an imported dataset under its manifest id, name, kind and source', () => {
    const manifest: DatasetManifest = {
      version: DATASET_VERSION,
      id: 'ds-123',
      name: 'iris',
      source: { kind: 'csv', path: '/home/me/iris.csv', sha256: 'ab'.repeat(32) },
      count: 150,
      featureShape: [4],
      featureNames: ['a', 'b', 'c', 'd'],
      task: 'classification',
      classNames: ['x', 'y', 'z'],
      normalization: { axis: 'feature', mean: [0, 0, 0, 0], std: [1, 1, 1, 1] },
      split: {
        seed: 3,
        train: 0.7,
        validation: 0.15,
        test: 0.15,
        stratified: true,
        counts: { train: 105, validation: 23, test: 22 },
      },
    };
    const record = registerDataset(store, manifest, '/data/ds-123');
    expect(record).toMatchObject({
      id: 'ds-123',
      name: 'iris',
      kind: 'csv',
      folder: '/data/ds-123',
      sourcePath: '/home/me/iris.csv',
      sourceSha256: 'ab'.repeat(32),
    });
    expect(store.datasets.getDataset('ds-123').manifest).toEqual(manifest);
    expect(() => registerDataset(store, manifest, '/data/again')).toThrow('already registered');
    expect(store.datasets.listDatasets().map((d) => d.id)).toEqual(['ds-123']);
  });
});

describe('checkpoints and exports', () => {
  it('updates a rewritten checkpoint file in place and finds the latest one, of any kind or one kind', () => {
    const run = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig() });
    store.checkpoints.addCheckpoint({ runId: run.id, epoch: 1, kind: 'last', path: '/ck/last.safetensors' });
    clock.advance(1);
    store.checkpoints.addCheckpoint({
      runId: run.id,
      epoch: 1,
      kind: 'best',
      path: '/ck/best.safetensors',
      metrics: { val_loss: 0.5 },
    });
    clock.advance(1);
    store.checkpoints.addCheckpoint({ runId: run.id, epoch: 2, kind: 'last', path: '/ck/last.safetensors' });
    expect(store.checkpoints.listCheckpoints(run.id).map((c) => [c.kind, c.epoch])).toEqual([
      ['last', 2],
      ['best', 1],
    ]);
    expect(store.checkpoints.latestCheckpoint(run.id)).toMatchObject({ kind: 'last', epoch: 2 });
    expect(store.checkpoints.latestCheckpoint(run.id, 'best')).toMatchObject({ epoch: 1, metrics: { val_loss: 0.5 } });
    expect(store.checkpoints.latestCheckpoint(run.id, 'manual')).toBeNull();
    expect(() => store.checkpoints.addCheckpoint({ runId: 'x', epoch: 1, kind: 'last', path: '/p' })).toThrow(
      'run "x" does not exist',
    );
  });

  it('lists exports newest first', () => {
    const run = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig() });
    store.exports.addExport({ runId: run.id, format: 'onnx', path: '/out/model.onnx' });
    clock.advance(5);
    store.exports.addExport({ runId: run.id, format: 'pytorch', path: '/out/train.py' });
    expect(store.exports.listExports(run.id).map((e) => e.format)).toEqual(['pytorch', 'onnx']);
  });
});
