// A run's life around the edges, with the real store and engine: two starts at once (one run, one refusal), settings,
// models and graphs that do not fit the data refused before a run exists, a start that fails in the engine or an
// engine that never becomes ready (the start fails and no run is left behind), and closing while the engine does not
// answer (close still finishes, the run is failed, nothing hangs).
import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spirals } from '../../../engine/core/data/samples';
import { readManifest } from '../../../engine/host/common/datasetFiles';
import { writeGeneratedDataset } from '../../../engine/host/common/writeDataset';
import { config, mlp } from '../../../engine/test/models';
import { openStore, registerDataset } from '../store';
import { RunRefusedError } from './refusals';
import { EngineSupervisor, RunStartError } from './supervisor';

const home = mkdtempSync(join(tmpdir(), 'netwright-lifecycle-'));
const store = openStore(join(home, 'studio.db'));
afterAll(() => {
  store.close();
  rmSync(home, { recursive: true, force: true });
});

const folder = writeGeneratedDataset(spirals({ perClass: 60 }), join(home, 'datasets', 'spirals'));
const dataset = registerDataset(store, readManifest(folder), folder);
const project = store.projects.createProject({ name: 'Lifecycle' });
const spec = mlp(2, [16], 3);
const runCount = () => store.runs.listRuns({}).length;

function supervisor(options: Partial<ConstructorParameters<typeof EngineSupervisor>[1]> = {}): EngineSupervisor {
  return new EngineSupervisor(store, { runsDir: join(home, 'runs'), engine: { threads: 1 }, ...options });
}

describe('starting runs', () => {
  it('serializes two starts at once: one run trains to the end, the other is refused without a run', async () => {
    const s = supervisor();
    try {
      const before = runCount();
      const request = { projectId: project.id, spec, config: config({ epochs: 3 }), datasetId: dataset.id };
      const outcomes = await Promise.allSettled([s.startRun(request), s.startRun(request)]);
      const started = outcomes.filter((o): o is PromiseFulfilledResult<string> => o.status === 'fulfilled');
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(started).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toBeInstanceOf(RunRefusedError);
      expect(refused[0].reason.code).toBe('busy');
      expect(runCount()).toBe(before + 1);
      await s.whenIdle();
      expect(store.runs.getRun(started[0].value).status).toBe('completed');
      // The next start is not refused: nothing stayed 'running'.
      const next = await s.startRun(request);
      await s.whenIdle();
      expect(store.runs.getRun(next).status).toBe('completed');
    } finally {
      await s.close();
    }
  });

  it.each([
    ['batchSize', { batchSize: 0 }],
    ['batchSize', { batchSize: -5 }],
    ['optimizer.lr', { optimizer: { type: 'adam', lr: -1 } }],
    ['epochs', { epochs: 0 }],
    ['epochs', { epochs: 1e9 }],
    ['schedule.type', { schedule: { type: 'sawtooth' } }],
    ['split.train', { split: { train: 2, validation: 0, test: 0 } }],
    ['seed', { seed: -1 }],
  ] as const)('refuses %s out of range before creating a run', async (setting, overrides) => {
    const s = supervisor();
    const before = runCount();
    const refusal = await s
      .startRun({ projectId: project.id, spec, config: config(overrides as never), datasetId: dataset.id })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RunRefusedError);
    expect((refusal as RunRefusedError).params.setting).toBe(setting);
    expect((refusal as Error).message).toContain(`the setting ${setting}`);
    expect(runCount()).toBe(before);
    await s.close();
  });

  it('refuses a model larger than the memory it may use, naming its largest layer', async () => {
    const s = supervisor({ memoryBudget: () => 19 * 1024 ** 3 });
    const before = runCount();
    const refusal = (await s
      .startRun({ projectId: project.id, spec: mlp(2, [30000, 30000], 3), config: config(), datasetId: dataset.id })
      .catch((e: unknown) => e)) as RunRefusedError;
    expect(refusal).toBeInstanceOf(RunRefusedError);
    expect(refusal.code).toBe('model-too-large');
    expect(refusal.nodeId).toBe('fc2');
    expect(refusal.message).toMatch(/needs about [\d.]+ GB of memory, more than the 19\.0 GB/);
    expect(runCount()).toBe(before);
    await s.close();
  });

  it('refuses a model whose every layer with parameters is frozen, counting the layers', async () => {
    const s = supervisor();
    const before = runCount();
    const frozen = { ...spec, nodes: spec.nodes.map((n) => ({ ...n, trainable: false })) };
    const refusal = (await s
      .startRun({ projectId: project.id, spec: frozen, config: config(), datasetId: dataset.id })
      .catch((e: unknown) => e)) as RunRefusedError;
    expect(refusal).toBeInstanceOf(RunRefusedError);
    expect(refusal.code).toBe('all-frozen');
    expect(refusal.params).toEqual({ layers: spec.nodes.filter((n) => n.op === 'dense').length });
    expect(refusal.message).toMatch(/layers with parameters are frozen, so training would change nothing/);
    expect(runCount()).toBe(before);
    // One trainable layer is enough.
    const last = spec.nodes[spec.nodes.length - 1].id;
    const tuned = { ...frozen, nodes: frozen.nodes.map((n) => (n.id === last ? { ...n, trainable: true } : n)) };
    const runId = await s.startRun({
      projectId: project.id,
      spec: tuned,
      config: config({ epochs: 2 }),
      datasetId: dataset.id,
    });
    await s.whenIdle();
    expect(store.runs.getRun(runId).status).toBe('completed');
    await s.close();
  });

  it('fails the start of a run whose engine dies before it is ready, and leaves no run behind', async () => {
    const s = supervisor({ engine: { entry: join(home, 'no-such-engine.mjs') } });
    const before = runCount();
    const failure = await s
      .startRun({ projectId: project.id, spec, config: config(), datasetId: dataset.id })
      .catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/before it was ready/);
    // Coded as the engine's end (a crash: node could not load the entry), so it is worded in either language.
    expect(failure).toMatchObject({ code: 'failure-engine-crashed', params: { exitCode: 1 } });
    expect(runCount()).toBe(before);
    expect(s.activeRun).toBeNull();
    await s.close();
  });

  it("refuses a graph whose Input does not take the data's samples, naming the node and both shapes", async () => {
    const s = supervisor();
    const before = runCount();
    const refusal = (await s
      .startRun({ projectId: project.id, spec: mlp(5, [16], 3), config: config(), datasetId: dataset.id })
      .catch((e: unknown) => e)) as RunRefusedError;
    expect(refusal).toBeInstanceOf(RunRefusedError);
    expect(refusal.code).toBe('input-mismatch');
    expect(refusal.nodeId).toBe('input');
    expect(refusal.params).toMatchObject({ model: '5', data: '2' });
    expect(runCount()).toBe(before);
    await s.close();
  });

  it('refuses a loss or early stopping the dataset cannot take, before any run exists', async () => {
    const s = supervisor();
    const before = runCount();
    const refused = (overrides: Parameters<typeof config>[0]) =>
      s
        .startRun({ projectId: project.id, spec, config: config(overrides), datasetId: dataset.id })
        .catch((e: unknown) => e) as Promise<RunRefusedError>;
    expect(await refused({ loss: 'mse' })).toMatchObject({
      code: 'loss-needs-targets',
      params: { loss: 'mse', dataset: 'spirals' },
      message: "mean squared error is for numbers to predict, but 'spirals' has classes: use cross-entropy",
    });
    expect(await refused({ loss: 'bce_with_logits' })).toMatchObject({
      code: 'binary-needs-two-classes',
      params: { classes: 3 },
    });
    expect(runCount()).toBe(before);
    await s.close();
  });

  it('fails a start the engine cannot set up with its reason, leaves no run behind, and starts the next one', async () => {
    const s = supervisor();
    try {
      const before = runCount();
      // A dataset whose features file lost its end after it was registered: only the engine, reading it, finds out.
      const cut = writeGeneratedDataset({ ...spirals({ perClass: 20 }), name: 'cut' }, join(home, 'datasets', 'cut'));
      const cutDataset = registerDataset(store, readManifest(cut), cut);
      const features = join(cut, 'features.f32');
      truncateSync(features, statSync(features).size - 4);
      const failure = await s
        .startRun({ projectId: project.id, spec, config: config(), datasetId: cutDataset.id })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(RunStartError);
      expect((failure as Error).message).toMatch(/features\.f32 holds \d+ bytes, the manifest implies \d+/);
      // Coded as the run failure it is, naming the file and both sizes, so the studio and the CLI word it.
      const size = statSync(features).size;
      expect(failure).toMatchObject({
        code: 'failure-dataset-file-size',
        params: { file: features, bytes: size, expected: size + 4 },
      });
      expect(runCount()).toBe(before);
      expect(s.activeRun).toBeNull();
      const next = await s.startRun({
        projectId: project.id,
        spec,
        config: config({ epochs: 2 }),
        datasetId: dataset.id,
      });
      await s.whenIdle();
      expect(store.runs.getRun(next).status).toBe('completed');
    } finally {
      await s.close();
    }
  });
});

describe('continuing runs', () => {
  it('refuses to continue a run another live process is training', async () => {
    const s = supervisor();
    const run = store.runs.createRun({
      projectId: project.id,
      graph: spec,
      trainConfig: config(),
      datasetId: dataset.id,
      owner: `${process.ppid}:`,
    });
    store.runs.updateRunStatus(run.id, 'running');
    await expect(s.continueRun(run.id)).rejects.toThrow(
      /is running: only stopped, failed or interrupted runs continue/,
    );
    expect(s.activeRun).toBeNull();
    await s.close();
  });
});

describe('closing', () => {
  it('finishes even when the engine does not answer the stop, and records the run as failed', async () => {
    const s = supervisor({ stopGraceMs: 100 });
    const runId = await s.startRun({
      projectId: project.id,
      spec,
      config: config({ epochs: 100_000 }),
      datasetId: dataset.id,
    });
    await new Promise<void>((resolve) => {
      const off = s.onEvent(({ message }) => {
        if (message.type === 'epoch') {
          off();
          resolve();
        }
      });
    });
    const { pid } = await (await s.ensureEngine()).ready;
    process.kill(pid, 'SIGSTOP'); // frozen: it will never report 'stopped'
    await s.close();
    expect(store.runs.getRun(runId)).toMatchObject({
      status: 'failed',
      error: 'the studio closed before the run finished stopping',
      failure: { code: 'failure-studio-closed', params: {} },
    });
    expect(() => process.kill(pid, 0)).toThrow(); // the engine was ended, not left behind
  });
});
