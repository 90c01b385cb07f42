// Streaming metrics: buffered, written in one transaction at least every second, on demand and on close.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricsWriter, toEpochRecord, type MetricsRepository, type Store } from './index';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig } from './testFixtures';

let temp: ReturnType<typeof tempDir>;
let store: Store;
let runId: string;
let reader: Database.Database;

beforeEach(() => {
  vi.useFakeTimers();
  temp = tempDir('writer');
  store = openTestStore(temp.dir, testClock());
  const projectId = store.projects.createProject({ name: 'p' }).id;
  runId = store.runs.createRun({ projectId, graph: tinySpec, trainConfig: trainConfig() }).id;
  // A second connection sees only committed rows: what would survive a crash of the writing process.
  reader = new Database(join(temp.dir, 'studio.db'), { readonly: true });
});
afterEach(() => {
  reader.close();
  store.close();
  temp.remove();
  vi.useRealTimers();
});

const committedSteps = () => reader.prepare('SELECT COUNT(*) FROM step_metrics').pluck().get();
const committedEpochs = () => reader.prepare('SELECT COUNT(*) FROM epoch_metrics').pluck().get();
const step = (n: number, loss = 1 / n) => ({ step: n, epoch: 1, loss, lr: 0.01, samplesPerSecond: 5000 });

describe('MetricsWriter', () => {
  it('holds metrics until the interval, then commits them all in one transaction', () => {
    const batches: number[] = [];
    const writeBatch = store.metrics.writeBatch;
    const spied: MetricsRepository = {
      ...store.metrics,
      writeBatch: (e, s) => {
        batches.push(e.length + s.length);
        return writeBatch(e, s);
      },
    };
    const writer = new MetricsWriter(spied, { flushIntervalMs: 1000 });
    for (let n = 1; n <= 250; n++) writer.step(runId, step(n));
    writer.epoch(runId, {
      epoch: 1,
      trainLoss: 0.5,
      trainAccuracy: 0.8,
      valLoss: 0.6,
      valAccuracy: 0.75,
      lr: 0.01,
      metrics: {},
    });
    vi.advanceTimersByTime(999);
    expect(committedSteps()).toBe(0);
    expect(writer.pending).toBe(251);
    vi.advanceTimersByTime(1);
    expect(committedSteps()).toBe(250);
    expect(committedEpochs()).toBe(1);
    expect(batches).toEqual([251]);
    vi.advanceTimersByTime(5000); // nothing new: no empty transactions
    expect(batches).toEqual([251]);
    writer.close();
  });

  it('flushes what is left on close and refuses metrics afterwards', () => {
    const writer = store.createMetricsWriter();
    writer.step(runId, step(1));
    writer.step(runId, step(2));
    writer.close();
    expect(committedSteps()).toBe(2);
    expect(() => writer.step(runId, step(3))).toThrow('MetricsWriter is closed');
  });

  it('is flushed by closing the store', () => {
    const writer = store.createMetricsWriter();
    writer.epoch(runId, {
      epoch: 1,
      trainLoss: 0.5,
      trainAccuracy: null,
      valLoss: null,
      valAccuracy: null,
      lr: 0.01,
      metrics: {},
    });
    store.close();
    expect(committedEpochs()).toBe(1);
    store = openTestStore(temp.dir, testClock());
  });

  it('flushes early when the buffer is full', () => {
    const writer = store.createMetricsWriter({ maxBuffered: 100 });
    for (let n = 1; n <= 150; n++) writer.step(runId, step(n));
    expect(committedSteps()).toBe(100);
    expect(writer.pending).toBe(50);
    writer.close();
  });

  it('keeps rows after a failed write and saves them on the next flush', () => {
    const errors: string[] = [];
    let fail = true;
    const flaky: MetricsRepository = {
      ...store.metrics,
      writeBatch: (e, s) => {
        if (fail) throw new Error('disk full');
        return store.metrics.writeBatch(e, s);
      },
    };
    const writer = new MetricsWriter(flaky, { onError: (e) => errors.push(e.message) });
    writer.step(runId, step(1));
    vi.advanceTimersByTime(1000);
    expect(errors).toEqual(['disk full']);
    expect(writer.pending).toBe(1);
    fail = false;
    vi.advanceTimersByTime(1000);
    expect(committedSteps()).toBe(1);
    writer.close();
  });

  it('skips rows of a run deleted while they waited', () => {
    const writer = store.createMetricsWriter();
    writer.step(runId, step(1));
    store.runs.deleteRun(runId);
    expect(writer.flush()).toBe(0);
    writer.close();
  });
});

describe('metrics', () => {
  it("reads epochs back with the engine's extra metrics, and NaN losses as null", () => {
    store.metrics.recordEpoch(
      runId,
      toEpochRecord({
        epoch: 1,
        trainLoss: 0.9,
        trainAccuracy: 0.6,
        lr: 0.01,
        penalty: 0,
        gradNorms: { fc1: 0.3 },
        weightNorms: { fc1: 2 },
        seconds: 1.5,
        samplesPerSecond: 800,
        validation: {
          loss: 1.0,
          accuracy: 0.55,
          perClassAccuracy: [0.5, 0.6],
          confusion: [
            [1, 1],
            [0, 2],
          ],
          count: 4,
        },
      }),
    );
    store.metrics.recordSteps(runId, [step(1, Number.NaN), step(2, 0.4)]);
    const [epoch] = store.metrics.listEpochs(runId);
    expect(epoch).toMatchObject({
      epoch: 1,
      trainLoss: 0.9,
      trainAccuracy: 0.6,
      valLoss: 1.0,
      valAccuracy: 0.55,
      lr: 0.01,
    });
    expect(epoch.metrics).toMatchObject({
      gradNorms: { fc1: 0.3 },
      validation: {
        confusion: [
          [1, 1],
          [0, 2],
        ],
      },
    });
    expect(store.metrics.listSteps(runId).map((s) => s.loss)).toEqual([null, 0.4]);
  });

  it('thins long step series to at most maxPoints and forgets epochs after a resume point', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => ({ ...step(i + 1), epoch: Math.floor(i / 100) + 1 }));
    store.metrics.recordSteps(runId, steps);
    const thinned = store.metrics.listSteps(runId, { maxPoints: 64 });
    expect(thinned.length).toBeLessThanOrEqual(64);
    expect(thinned.length).toBeGreaterThan(32);
    expect(thinned[0].step).toBe(1);
    expect(store.metrics.listSteps(runId, { afterStep: 995 }).map((s) => s.step)).toEqual([996, 997, 998, 999, 1000]);
    for (let e = 1; e <= 10; e++)
      store.metrics.recordEpoch(runId, {
        epoch: e,
        trainLoss: 1,
        trainAccuracy: null,
        valLoss: null,
        valAccuracy: null,
        lr: 0.1,
        metrics: {},
      });
    store.metrics.truncateAfterEpoch(runId, 4);
    expect(store.metrics.listEpochs(runId).map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(store.metrics.listSteps(runId).length).toBe(400);
  });
});
