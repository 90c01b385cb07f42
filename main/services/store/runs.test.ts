// Runs in the store: creation, status history and running time, recovery after a crash, listing, tags,
// and deletion cascading through metrics and checkpoints (which proves foreign keys are on).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentOwner, ownerAlive, type Store } from './index';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig, type TestClock } from './testFixtures';

let temp: ReturnType<typeof tempDir>;
let clock: TestClock;
let store: Store;
let projectId: string;

beforeEach(() => {
  temp = tempDir('runs');
  clock = testClock();
  store = openTestStore(temp.dir, clock);
  projectId = store.projects.createProject({ name: 'Iris' }).id;
});
afterEach(() => {
  store.close();
  temp.remove();
});

function newRun(name?: string, tags: string[] = []) {
  clock.advance(1000);
  return store.runs.createRun({ projectId, name, graph: tinySpec, trainConfig: trainConfig(), tags });
}

describe('creating runs', () => {
  it('starts queued with a snapshot of the graph and config, a default name and seeds from the config', () => {
    const run = newRun();
    expect(run).toMatchObject({
      status: 'queued',
      name: 'Run 1',
      seed: 7,
      splitSeed: 7,
      durationMs: 0,
      startedAt: null,
      tags: [],
    });
    expect(run.graph).toEqual(tinySpec);
    expect(run.trainConfig.optimizer).toEqual({ type: 'adam', lr: 0.001 });
    expect(newRun().name).toBe('Run 2');
  });

  it("takes the split seed from the dataset's manifest", () => {
    const manifest = {
      version: 1,
      id: 'd1',
      name: 'iris',
      source: { kind: 'csv', path: '/x.csv' },
      count: 10,
      featureShape: [4],
      task: 'classification',
      normalization: null,
      split: {
        seed: 99,
        train: 0.8,
        validation: 0.1,
        test: 0.1,
        stratified: true,
        counts: { train: 8, validation: 1, test: 1 },
      },
    } as const;
    const dataset = store.datasets.createDataset({
      name: 'iris',
      kind: 'csv',
      folder: '/d1',
      manifest: structuredClone(manifest) as never,
      sourcePath: '/x.csv',
    });
    const run = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig(), datasetId: dataset.id });
    expect(run.splitSeed).toBe(99);
    expect(run.seed).toBe(7);
  });

  it('records trained runs as kind trained, and an imported run as completed at once with no epochs', () => {
    expect(newRun('trained').kind).toBe('trained');
    clock.advance(500);
    const imported = store.runs.createImportedRun({
      projectId,
      name: 'from onnx',
      graph: tinySpec,
      trainConfig: trainConfig(),
    });
    expect(imported).toMatchObject({
      kind: 'imported',
      status: 'completed',
      datasetId: null,
      startedAt: clock.now(),
      endedAt: clock.now(),
      durationMs: 0,
      bestEpoch: null,
    });
    expect(store.runs.listRuns({ projectId }).map((r) => [r.name, r.kind])).toEqual([
      ['from onnx', 'imported'],
      ['trained', 'trained'],
    ]);
  });

  it('names the missing project, dataset or graph version', () => {
    const base = { graph: tinySpec, trainConfig: trainConfig() };
    expect(() => store.runs.createRun({ ...base, projectId: 'gone' })).toThrow('project "gone" does not exist');
    expect(() => store.runs.createRun({ ...base, projectId, datasetId: 'nope' })).toThrow(
      'dataset "nope" does not exist',
    );
    expect(() => store.runs.createRun({ ...base, projectId, graphVersionId: 42 })).toThrow(
      'graph version 42 does not exist',
    );
  });
});

describe('run status', () => {
  it('counts running time across a pause and records start, end and error', () => {
    const run = newRun();
    clock.advance(5000);
    expect(store.runs.updateRunStatus(run.id, 'running').startedAt).toBe(clock.now());
    const started = clock.now();
    clock.advance(10_000);
    expect(store.runs.getRun(run.id).durationMs).toBe(10_000); // live while running
    store.runs.updateRunStatus(run.id, 'paused');
    clock.advance(60_000); // paused time does not count
    store.runs.updateRunStatus(run.id, 'running');
    clock.advance(2_000);
    const failed = store.runs.updateRunStatus(run.id, 'failed', { error: 'the engine process exited (code 134)' });
    expect(failed).toMatchObject({
      status: 'failed',
      durationMs: 12_000,
      startedAt: started,
      endedAt: clock.now(),
      error: 'the engine process exited (code 134)',
    });
    // A failed run may be retried; the error clears and the end time with it.
    const retried = store.runs.updateRunStatus(run.id, 'running');
    expect(retried).toMatchObject({ status: 'running', error: null, endedAt: null, startedAt: started });
  });

  it("keeps why a run failed as a code with values, its English from the code's sentence by default", () => {
    const run = newRun();
    store.runs.updateRunStatus(run.id, 'running');
    const failure = { code: 'failure-engine-crashed', params: { exitCode: 134 } };
    expect(store.runs.updateRunStatus(run.id, 'failed', { failure })).toMatchObject({
      failure,
      error: 'the engine process crashed (exit code 134)',
    });
    expect(store.runs.listRuns({}).find((r) => r.id === run.id)?.failure).toEqual(failure);
    store.runs.updateRunStatus(run.id, 'running');
    // Without a reason, the run says it was given none; a coded error of another table keeps its own English.
    expect(store.runs.updateRunStatus(run.id, 'failed')).toMatchObject({
      failure: { code: 'failure-no-reason', params: {} },
      error: 'the run failed (no reason was given)',
    });
    store.runs.updateRunStatus(run.id, 'running');
    const refused = { code: 'service-run-no-dataset', params: { run: 'Run 1' } };
    expect(
      store.runs.updateRunStatus(run.id, 'failed', { failure: refused, error: "run 'Run 1' has no dataset recorded" }),
    ).toMatchObject({ failure: refused, error: "run 'Run 1' has no dataset recorded" });
    expect(store.runs.updateRunStatus(run.id, 'running')).toMatchObject({ failure: null, error: null });
  });

  it('refuses impossible moves and treats the same status again as no change', () => {
    const run = newRun();
    expect(() => store.runs.updateRunStatus(run.id, 'paused')).toThrow(
      `run 'Run 1' is queued and cannot become paused`,
    );
    store.runs.updateRunStatus(run.id, 'running');
    store.runs.updateRunStatus(run.id, 'completed');
    expect(store.runs.updateRunStatus(run.id, 'completed').status).toBe('completed');
    expect(() => store.runs.updateRunStatus(run.id, 'running')).toThrow('is completed and cannot become running');
  });

  it('stores best and final metrics and leaves out fields unchanged', () => {
    const run = newRun();
    store.runs.setRunResults(run.id, { bestMetrics: { val_accuracy: 0.9 }, bestEpoch: 3 });
    const after = store.runs.setRunResults(run.id, { finalMetrics: { val_accuracy: 0.88, test_accuracy: 0.87 } });
    expect(after).toMatchObject({
      bestMetrics: { val_accuracy: 0.9 },
      bestEpoch: 3,
      finalMetrics: { val_accuracy: 0.88, test_accuracy: 0.87 },
    });
  });
});

describe('recovering after a crash', () => {
  it('turns queued, running and paused runs into resumable interrupted runs on open, and leaves the ended ones', () => {
    const running = newRun('running');
    const paused = newRun('paused');
    const queued = newRun('queued');
    const done = newRun('done');
    for (const r of [running, paused, done]) store.runs.updateRunStatus(r.id, 'running');
    store.runs.updateRunStatus(paused.id, 'paused');
    store.runs.updateRunStatus(done.id, 'completed');
    clock.advance(3000);
    store.metrics.recordEpoch(running.id, {
      epoch: 1,
      trainLoss: 1,
      trainAccuracy: null,
      valLoss: null,
      valAccuracy: null,
      lr: 0.1,
      metrics: {},
    });
    const lastEpochAt = clock.now();
    clock.advance(3_600_000); // the app stays dead for an hour
    store.close();

    store = openTestStore(temp.dir, clock);
    expect(new Set(store.recoveredRunIds)).toEqual(new Set([running.id, paused.id, queued.id]));
    const recovered = store.runs.getRun(running.id);
    expect(recovered).toMatchObject({ status: 'interrupted', endedAt: lastEpochAt });
    expect(recovered.durationMs).toBe(3000); // up to its last recorded epoch, not the hour it was dead
    expect(recovered.error).toMatch(/closed while this run was running/);
    expect(recovered.failure).toEqual({ code: 'failure-interrupted-running', params: {} });
    expect(store.runs.getRun(paused.id)).toMatchObject({
      status: 'interrupted',
      failure: { code: 'failure-interrupted-paused' },
    });
    expect(store.runs.getRun(queued.id).status).toBe('interrupted'); // its engine never started: not queued forever
    expect(store.runs.getRun(done.id).status).toBe('completed');
    expect(store.runs.updateRunStatus(running.id, 'running').status).toBe('running'); // resumable
    expect(store.runs.recoverInterruptedRuns(() => false)).toEqual([running.id]);
  });

  it('leaves runs whose owner process is alive, and recovers those whose owner is gone', () => {
    const mine = store.runs.createRun({
      projectId,
      graph: tinySpec,
      trainConfig: trainConfig(),
      owner: currentOwner(),
    });
    // A process id no system hands out, and this process's id with another start time (a reused id).
    const gone = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig(), owner: '4194305:1' });
    const reused = store.runs.createRun({
      projectId,
      graph: tinySpec,
      trainConfig: trainConfig(),
      owner: `${process.pid}:1`,
    });
    for (const r of [mine, gone, reused]) store.runs.updateRunStatus(r.id, 'running');
    store.close();

    store = openTestStore(temp.dir, clock);
    expect(new Set(store.recoveredRunIds)).toEqual(new Set([gone.id, reused.id]));
    expect(store.runs.getRun(mine.id).status).toBe('running');
    expect(ownerAlive(currentOwner())).toBe(true);
  });
});

describe('listing runs', () => {
  function seedRuns() {
    const a = newRun('baseline', ['mlp']);
    const b = newRun('wide mlp', ['mlp', 'wide']);
    const c = newRun('Dropout 50%', ['dropout']);
    store.runs.updateRunStatus(a.id, 'running');
    store.runs.updateRunStatus(a.id, 'completed');
    store.runs.updateRunStatus(b.id, 'running');
    store.runs.setRunResults(a.id, { bestMetrics: { val_accuracy: 0.91 } });
    store.runs.setRunResults(c.id, { bestMetrics: { val_accuracy: 0.95 } });
    return { a, b, c };
  }
  const names = (runs: Array<{ name: string }>) => runs.map((r) => r.name);

  it('lists newest first by default without the graph snapshot', () => {
    seedRuns();
    const runs = store.runs.listRuns({ projectId });
    expect(names(runs)).toEqual(['Dropout 50%', 'wide mlp', 'baseline']);
    expect('graph' in runs[0]).toBe(false);
  });

  it('filters by status, tag and name', () => {
    seedRuns();
    expect(names(store.runs.listRuns({ status: 'running' }))).toEqual(['wide mlp']);
    expect(names(store.runs.listRuns({ status: ['completed', 'queued'] }))).toEqual(['Dropout 50%', 'baseline']);
    expect(names(store.runs.listRuns({ tag: 'mlp' }))).toEqual(['wide mlp', 'baseline']);
    expect(names(store.runs.listRuns({ nameContains: 'MLP' }))).toEqual(['wide mlp']);
    expect(names(store.runs.listRuns({ nameContains: '50%' }))).toEqual(['Dropout 50%']);
    expect(names(store.runs.listRuns({ nameContains: '%' }))).toEqual(['Dropout 50%']); // % is literal, not a wildcard
    expect(store.runs.listRuns({ projectId: 'other' })).toEqual([]);
  });

  it('sorts by name, by a best metric (missing values last) and pages', () => {
    seedRuns();
    expect(names(store.runs.listRuns({ sortBy: 'name', order: 'asc' }))).toEqual([
      'baseline',
      'Dropout 50%',
      'wide mlp',
    ]);
    expect(names(store.runs.listRuns({ sortBy: { metric: 'val_accuracy' } }))).toEqual([
      'Dropout 50%',
      'baseline',
      'wide mlp',
    ]);
    expect(names(store.runs.listRuns({ sortBy: { metric: 'val_accuracy' }, order: 'asc' }))).toEqual([
      'baseline',
      'Dropout 50%',
      'wide mlp',
    ]);
    expect(names(store.runs.listRuns({ sortBy: 'createdAt', order: 'asc', limit: 2, offset: 1 }))).toEqual([
      'wide mlp',
      'Dropout 50%',
    ]);
    expect(() => store.runs.listRuns({ sortBy: 'colour' as never })).toThrow('cannot sort by "colour"');
  });

  it('renames, tags (trimmed, unique, sorted) and annotates runs, and counts tags', () => {
    const { a } = seedRuns();
    store.runs.renameRun(a.id, '  baseline v2 ');
    store.runs.setRunTags(a.id, [' keep ', 'mlp', 'keep', '']);
    store.runs.setRunNotes(a.id, 'lr too high after epoch 20');
    expect(store.runs.getRun(a.id)).toMatchObject({
      name: 'baseline v2',
      tags: ['keep', 'mlp'],
      notes: 'lr too high after epoch 20',
    });
    expect(store.runs.listTags(projectId)).toEqual([
      { tag: 'dropout', runs: 1 },
      { tag: 'keep', runs: 1 },
      { tag: 'mlp', runs: 2 },
      { tag: 'wide', runs: 1 },
    ]);
    expect(() => store.runs.renameRun(a.id, '  ')).toThrow('a run name must not be empty');
  });
});

describe('deleting', () => {
  it('deletes a run with its metrics, checkpoints, exports and tags, returning the checkpoint files', () => {
    const run = newRun('doomed', ['x']);
    const keep = newRun('kept');
    store.metrics.recordEpoch(run.id, {
      epoch: 1,
      trainLoss: 1,
      trainAccuracy: 0.5,
      valLoss: 1.1,
      valAccuracy: 0.4,
      lr: 0.1,
      metrics: {},
    });
    store.metrics.recordSteps(run.id, [{ step: 1, epoch: 1, loss: 1.2, lr: 0.1, samplesPerSecond: 1000 }]);
    store.metrics.recordSteps(keep.id, [{ step: 1, epoch: 1, loss: 0.7, lr: 0.1, samplesPerSecond: 900 }]);
    store.checkpoints.addCheckpoint({ runId: run.id, epoch: 1, kind: 'last', path: '/ck/doomed/last.safetensors' });
    store.checkpoints.addCheckpoint({ runId: run.id, epoch: 1, kind: 'best', path: '/ck/doomed/best.safetensors' });
    store.exports.addExport({ runId: run.id, format: 'onnx', path: '/home/me/model.onnx' });

    expect(store.runs.deleteRun(run.id)).toEqual({
      checkpointPaths: ['/ck/doomed/last.safetensors', '/ck/doomed/best.safetensors'],
    });
    store.close();
    // Count what is left with a plain connection: the cascades are the database's own (foreign keys on).
    const db = new Database(join(temp.dir, 'studio.db'), { readonly: true });
    for (const table of ['epoch_metrics', 'checkpoints', 'exports', 'run_tags']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT COUNT(*) FROM step_metrics').pluck().get()).toBe(1);
    db.close();
    store = openTestStore(temp.dir, clock);
  });

  it('deletes a project with its graphs and runs, returning all their checkpoint files', () => {
    const run = newRun();
    const graph = store.graphs.createGraph({ projectId, name: 'main' });
    store.graphs.saveGraphVersion(graph.id, tinySpec);
    store.checkpoints.addCheckpoint({ runId: run.id, epoch: 2, kind: 'last', path: '/ck/last.safetensors' });
    expect(store.projects.deleteProject(projectId)).toEqual({ checkpointPaths: ['/ck/last.safetensors'] });
    expect(() => store.runs.getRun(run.id)).toThrow('does not exist');
    expect(store.graphs.listGraphs(projectId)).toEqual([]);
    expect(store.checkpoints.listCheckpoints(run.id)).toEqual([]);
  });

  it('refuses to delete a dataset that runs use, and deletes it once they are gone', () => {
    const manifest = {
      version: 1,
      id: 'd',
      name: 'iris',
      source: { kind: 'csv', path: '/iris.csv' },
      count: 1,
      featureShape: [4],
      task: 'regression',
      normalization: null,
      split: {
        seed: 1,
        train: 1,
        validation: 0,
        test: 0,
        stratified: false,
        counts: { train: 1, validation: 0, test: 0 },
      },
    } as const;
    const dataset = store.datasets.createDataset({
      name: 'iris',
      kind: 'csv',
      folder: '/data/d',
      manifest: structuredClone(manifest) as never,
      sourcePath: '/iris.csv',
    });
    const run = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig(), datasetId: dataset.id });
    expect(() => store.datasets.deleteDataset(dataset.id)).toThrow(
      "dataset 'iris' is used by 1 run; delete those runs first",
    );
    store.runs.deleteRun(run.id);
    expect(store.datasets.deleteDataset(dataset.id)).toEqual({ folder: '/data/d' });
  });
});
