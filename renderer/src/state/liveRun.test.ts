import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../main/api/types';
import type { ModelSpec, RunSummary } from '../../../main/api/types';
import { applyLiveEvent, copyLive, liveFromStart, MAX_LIVE_STEPS, paceOf, showsAtOnce, type LiveRun } from './liveRun';

const record = (epoch: number): EpochRecord => ({
  epoch,
  trainLoss: 1 / epoch,
  trainAccuracy: null,
  valLoss: null,
  valAccuracy: null,
  lr: 0.01,
  metrics: {},
});

function live(): LiveRun {
  return {
    runId: 'r',
    name: 'run',
    datasetId: 'd',
    spec: null,
    status: 'running',
    error: null,
    failure: null,
    epochsPlanned: 10,
    epochs: [],
    steps: [],
    progress: null,
    changes: [],
  };
}

describe('the live run', () => {
  it('appends epochs in order, and a resumed run replaces the epochs after its checkpoint', () => {
    const run = live();
    for (const epoch of [1, 2, 3, 4])
      applyLiveEvent(run, { type: 'run-epoch', runId: 'r', record: record(epoch), epochs: 10 });
    applyLiveEvent(run, { type: 'run-epoch', runId: 'r', record: record(3), epochs: 12 }); // resumed from epoch 2
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(run.epochsPlanned).toBe(12);
  });

  it('keeps step losses, thinning the curve to half once it is long, and skips losses that are not numbers', () => {
    const run = live();
    const step = (n: number, loss: number) =>
      applyLiveEvent(
        run,
        { type: 'run-progress', runId: 'r', epoch: 1, batch: 1, batches: 1, step: n, loss, samplesPerSecond: 100 },
        1000,
      );
    for (let n = 1; n <= MAX_LIVE_STEPS; n++) step(n, 1 / n);
    step(MAX_LIVE_STEPS + 1, NaN);
    expect(run.steps).toHaveLength(MAX_LIVE_STEPS);
    step(MAX_LIVE_STEPS + 2, 0.5);
    expect(run.steps).toHaveLength(MAX_LIVE_STEPS / 2 + 1);
    expect(run.steps.at(-1)).toEqual({ step: MAX_LIVE_STEPS + 2, loss: 0.5 });
    expect(run.progress).toMatchObject({ epoch: 1, samplesPerSecond: 100, startedAt: 1000 });
  });

  it('changes a copy, never the run components are drawing', () => {
    const shown = live();
    shown.epochs.push(record(1));
    const next = copyLive(shown);
    applyLiveEvent(next, { type: 'run-epoch', runId: 'r', record: record(2), epochs: 10 });
    applyLiveEvent(next, { type: 'run-status', runId: 'r', status: 'stopped' });
    expect(shown.epochs).toHaveLength(1);
    expect(shown.status).toBe('running');
    expect(next.epochs).toHaveLength(2);
    expect(next.status).toBe('stopped');
  });

  it("keeps a failed status's reason, code and English, and forgets it when the run goes on", () => {
    const run = live();
    const failure = { code: 'failure-engine-killed', params: { signal: 'SIGKILL' } };
    applyLiveEvent(run, { type: 'run-status', runId: 'r', status: 'failed', error: 'killed', failure });
    expect(run).toMatchObject({ status: 'failed', error: 'killed', failure });
    applyLiveEvent(run, { type: 'run-status', runId: 'r', status: 'running' });
    expect(run).toMatchObject({ status: 'running', error: null, failure: null });
  });

  it('shows changes of state at once and batches the stream of epochs and steps', () => {
    expect(showsAtOnce({ type: 'run-status', runId: 'r', status: 'stopped' })).toBe(true);
    expect(showsAtOnce({ type: 'run-epoch', runId: 'r', record: record(1), epochs: 1 })).toBe(false);
    expect(
      showsAtOnce({
        type: 'run-progress',
        runId: 'r',
        epoch: 1,
        batch: 1,
        batches: 1,
        step: 1,
        loss: 1,
        samplesPerSecond: 1,
      }),
    ).toBe(false);
  });

  it('keeps the epochs of a run that arrived before its start was answered, and no other run’s', () => {
    const started = {
      id: 'new',
      name: 'fast',
      datasetId: 'spirals',
      status: 'running',
      trainConfig: { epochs: 20 },
    } as unknown as RunSummary;
    const spec = { nodes: [], edges: [] } as unknown as ModelSpec;
    const run = liveFromStart(started, spec, [
      { type: 'run-epoch', runId: 'new', record: record(1), epochs: 20 },
      { type: 'run-epoch', runId: 'other', record: record(7), epochs: 9 },
      { type: 'run-epoch', runId: 'new', record: record(2), epochs: 20 },
    ]);
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.epochsPlanned).toBe(20);
    expect(run.datasetId).toBe('spirals');
    expect(run.spec).toBe(spec);
    expect(liveFromStart(started, spec, []).epochs).toEqual([]);
  });

  it('keeps the wall-clock pace of the epochs, forgets it over a pause, and starts it again on a resume', () => {
    const run = live();
    const epochAt = (epoch: number, at: number) =>
      applyLiveEvent(run, { type: 'run-epoch', runId: 'r', record: record(epoch), epochs: 100 }, at);
    epochAt(1, 0);
    expect(paceOf(run)).toBeNull(); // one mark is no pace
    for (let e = 2; e <= 40; e++) epochAt(e, (e - 1) * 100); // an epoch every 100 ms
    expect(paceOf(run)).toBeCloseTo(0.1, 6);
    expect(run.paces!.length).toBeLessThanOrEqual(40);
    applyLiveEvent(run, { type: 'run-status', runId: 'r', status: 'paused' }, 4000);
    expect(paceOf(run)).toBeNull();
    epochAt(41, 60_000);
    epochAt(42, 60_200);
    epochAt(43, 60_800);
    expect(paceOf(run)).toBeCloseTo(0.4, 6); // 800 ms for 2 epochs, the pause's minute left out
    epochAt(30, 61_000); // continued from a checkpoint of epoch 29
    expect(paceOf(run)).toBeNull();
  });
});
