// Engine supervision with the real store and engine process: a run's status, metrics and checkpoints land in
// SQLite; kill -9 of the engine mid-run leaves a failed run with its reason, metrics and last checkpoint; the
// next run gets a fresh engine; and the failed run resumes to completion.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spirals } from '../../../engine/core/data/samples';
import { readManifest } from '../../../engine/host/common/datasetFiles';
import { writeGeneratedDataset } from '../../../engine/host/common/writeDataset';
import { config, mlp } from '../../../engine/test/models';
import { openStore, registerDataset } from '../store';
import { EngineSupervisor } from './supervisor';

const home = mkdtempSync(join(tmpdir(), 'netwright-supervisor-'));
const store = openStore(join(home, 'studio.db'));
// Every checkpoint written at once (interval 0): the kill tests stop the engine a few epochs into a run.
const supervisor = new EngineSupervisor(store, {
  runsDir: join(home, 'runs'),
  engine: { threads: 2 },
  checkpointIntervalMs: 0,
});
afterAll(async () => {
  await supervisor.close();
  store.close();
  rmSync(home, { recursive: true, force: true });
});

const folder = writeGeneratedDataset(spirals({ perClass: 150 }), join(home, 'datasets', 'spirals'));
const dataset = registerDataset(store, readManifest(folder), folder);
const project = store.projects.createProject({ name: 'Spirals' });
const spec = mlp(2, [64, 64], 3);

describe('engine supervisor', () => {
  it("pairs an early-stopped run's final metrics with the weights it ends with: the restored best epoch's", async () => {
    // Epoch 1 sets the best; no later epoch beats it by 100, so training stops after epoch 2 and restores epoch 1.
    const runId = await supervisor.startRun({
      projectId: project.id,
      spec,
      config: config({
        epochs: 10,
        batchSize: 16,
        earlyStopping: { metric: 'val_loss', patience: 1, minDelta: 100, restoreBest: true },
      }),
      datasetId: dataset.id,
    });
    await supervisor.whenIdle();
    const run = store.runs.getRun(runId);
    const epochs = store.metrics.listEpochs(runId);
    expect(run.status).toBe('completed');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.bestEpoch).toBe(1);
    expect(run.finalMetrics).toMatchObject({ epoch: 1, val_loss: epochs[0].valLoss, train_loss: epochs[0].trainLoss });
    expect(run.finalMetrics!.val_loss).not.toBe(epochs[1].valLoss);
    expect(run.finalMetrics!.test_accuracy).toBeTypeOf('number');
  });

  it('records a run: status, every epoch, best and last checkpoints, best and final metrics', async () => {
    const runId = await supervisor.startRun({
      projectId: project.id,
      spec,
      config: config({ epochs: 12, batchSize: 16 }),
      datasetId: dataset.id,
    });
    await supervisor.whenIdle();
    const run = store.runs.getRun(runId);
    expect(run.status).toBe('completed');
    expect(store.metrics.listEpochs(runId)).toHaveLength(12);
    expect(store.metrics.listSteps(runId).length).toBeGreaterThan(0);
    const last = store.checkpoints.latestCheckpoint(runId, 'last')!;
    expect(last.epoch).toBe(12);
    expect(existsSync(last.path)).toBe(true);
    expect(store.checkpoints.latestCheckpoint(runId, 'best')).toBeTruthy();
    expect(run.finalMetrics!.val_accuracy).toBeGreaterThan(0.9);
    expect(run.finalMetrics!.test_accuracy).toBeGreaterThan(0.85);
    expect(run.bestMetrics!.val_loss).toBeLessThanOrEqual(run.finalMetrics!.val_loss);
  });

  it('marks a run failed with the reason when the engine is killed, keeps its metrics and checkpoint, and resumes it', async () => {
    const epochs = 300;
    const runId = await supervisor.startRun({
      projectId: project.id,
      spec,
      config: config({ epochs, batchSize: 16 }),
      datasetId: dataset.id,
    });
    await new Promise<void>((resolve) => {
      const off = supervisor.onEvent(({ message }) => {
        if (message.type === 'checkpoint' && message.kind === 'last' && message.epoch >= 3) {
          off();
          resolve();
        }
      });
    });
    process.kill((await (await supervisor.ensureEngine()).ready).pid, 'SIGKILL');
    await supervisor.whenIdle();

    const failed = store.runs.getRun(runId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('SIGKILL');
    expect(failed.failure).toEqual({ code: 'failure-engine-killed', params: { signal: 'SIGKILL' } });
    const checkpoint = store.checkpoints.latestCheckpoint(runId, 'last')!;
    expect(checkpoint.epoch).toBeGreaterThanOrEqual(3);
    expect(checkpoint.epoch).toBeLessThan(epochs);
    expect(existsSync(checkpoint.path)).toBe(true);
    expect(store.metrics.listEpochs(runId).length).toBeGreaterThanOrEqual(checkpoint.epoch);

    // The next run gets a fresh engine and works.
    const next = await supervisor.startRun({
      projectId: project.id,
      spec,
      config: config({ epochs: 2 }),
      datasetId: dataset.id,
    });
    await supervisor.whenIdle();
    expect(store.runs.getRun(next).status).toBe('completed');

    await supervisor.continueRun(runId);
    await supervisor.whenIdle();
    const resumed = store.runs.getRun(runId);
    expect(resumed.status).toBe('completed');
    expect(store.metrics.listEpochs(runId).map((e) => e.epoch)).toEqual(
      Array.from({ length: epochs }, (_, i) => i + 1),
    );
  });

  it('continues a run that never wrote a checkpoint from the start', async () => {
    const run = store.runs.createRun({
      projectId: project.id,
      graph: spec,
      trainConfig: config({ epochs: 3 }),
      datasetId: dataset.id,
    });
    store.runs.updateRunStatus(run.id, 'stopped');
    await supervisor.continueRun(run.id);
    await supervisor.whenIdle();
    expect(store.runs.getRun(run.id).status).toBe('completed');
    expect(store.metrics.listEpochs(run.id).map((e) => e.epoch)).toEqual([1, 2, 3]);
  });
});
