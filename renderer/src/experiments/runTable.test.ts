import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../main/api/types';
import { filterRuns, durationWords, formatMetric, nextSort, parseTags, settingsSummary, sortRuns } from './runTable';

function run(name: string, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    id: name,
    projectId: 'p',
    graphVersionId: null,
    datasetId: 'd',
    name,
    trainConfig: {
      version: 1,
      loss: 'cross_entropy',
      optimizer: { type: 'adam', lr: 0.001 },
      schedule: { type: 'constant' },
      epochs: 10,
      batchSize: 32,
      seed: 1,
      split: { train: 0.7, validation: 0.15, test: 0.15 },
    },
    splitSeed: 42,
    seed: 1,
    status: 'completed',
    error: null,
    failure: null,
    createdAt: 0,
    startedAt: null,
    endedAt: null,
    durationMs: 0,
    bestMetrics: null,
    finalMetrics: null,
    bestEpoch: null,
    tags: [],
    notes: '',
    kind: 'trained',
    group: null,
    ...extra,
  };
}

const runs = [
  run('beta', { createdAt: 2, bestMetrics: { val_loss: 0.5, val_accuracy: 0.8 }, tags: ['wide'], durationMs: 5000 }),
  run('Alpha', {
    createdAt: 1,
    bestMetrics: { val_loss: 0.3, val_accuracy: 0.9 },
    status: 'stopped',
    durationMs: 9000,
  }),
  run('gamma', { createdAt: 3, status: 'failed', notes: 'diverged with lr 1', tags: ['wide', 'lr-sweep'] }),
];

describe('sorting runs', () => {
  it('sorts by name ignoring case, both ways', () => {
    expect(sortRuns(runs, { key: 'name', direction: 'asc' }).map((r) => r.name)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(sortRuns(runs, { key: 'name', direction: 'desc' }).map((r) => r.name)).toEqual(['gamma', 'beta', 'Alpha']);
  });

  it('puts runs without the metric last in either direction', () => {
    expect(sortRuns(runs, { key: 'bestAccuracy', direction: 'desc' }).map((r) => r.name)).toEqual([
      'Alpha',
      'beta',
      'gamma',
    ]);
    expect(sortRuns(runs, { key: 'bestAccuracy', direction: 'asc' }).map((r) => r.name)).toEqual([
      'beta',
      'Alpha',
      'gamma',
    ]);
    expect(sortRuns(runs, { key: 'bestLoss', direction: 'asc' }).map((r) => r.name)).toEqual([
      'Alpha',
      'beta',
      'gamma',
    ]);
  });

  it('flips the direction on the same header and starts losses ascending, accuracies descending', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'bestLoss')).toEqual({ key: 'bestLoss', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'bestAccuracy')).toEqual({
      key: 'bestAccuracy',
      direction: 'desc',
    });
  });
});

describe('filtering runs', () => {
  it('matches text in names, tags and notes', () => {
    expect(filterRuns(runs, { text: 'ALPHA', status: '', tag: '' }).map((r) => r.name)).toEqual(['Alpha']);
    expect(filterRuns(runs, { text: 'sweep', status: '', tag: '' }).map((r) => r.name)).toEqual(['gamma']);
    expect(filterRuns(runs, { text: 'diverged', status: '', tag: '' }).map((r) => r.name)).toEqual(['gamma']);
  });

  it('matches status and tag exactly, combined with the text', () => {
    expect(filterRuns(runs, { text: '', status: 'stopped', tag: '' }).map((r) => r.name)).toEqual(['Alpha']);
    expect(filterRuns(runs, { text: '', status: '', tag: 'wide' }).map((r) => r.name)).toEqual(['beta', 'gamma']);
    expect(filterRuns(runs, { text: 'beta', status: 'failed', tag: '' })).toEqual([]);
  });
});

describe('run cells', () => {
  it('summarizes the key settings, leaving out what is off', () => {
    expect(settingsSummary(runs[0])).toBe('adam · lr 0.001 · batch 32 · 10 ep');
    const tuned = run('t', {
      trainConfig: { ...runs[0].trainConfig, l2: 0.0001, schedule: { type: 'cosine', tMax: 10 } },
    });
    expect(settingsSummary(tuned)).toBe('adam · lr 0.001 · batch 32 · 10 ep · L2 0.0001 · cosine');
  });

  it('tells plain SGD, momentum and Nesterov apart', () => {
    const sgd = (optimizer: RunSummary['trainConfig']['optimizer']) =>
      settingsSummary(run('s', { trainConfig: { ...runs[0].trainConfig, optimizer } }));
    expect(sgd({ type: 'sgd', lr: 0.05 })).toBe('sgd · lr 0.05 · batch 32 · 10 ep');
    expect(sgd({ type: 'sgd', lr: 0.05, momentum: 0 })).toBe('sgd · lr 0.05 · batch 32 · 10 ep');
    expect(sgd({ type: 'sgd', lr: 0.05, momentum: 0.9 })).toBe('sgd · momentum 0.9 · lr 0.05 · batch 32 · 10 ep');
    expect(sgd({ type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true })).toBe(
      'sgd · momentum 0.9 · nesterov · lr 0.05 · batch 32 · 10 ep',
    );
    expect(sgd({ type: 'rmsprop', lr: 0.003, momentum: 0.5 })).toBe(
      'rmsprop · momentum 0.5 · lr 0.003 · batch 32 · 10 ep',
    );
  });

  it('parses comma-separated tags', () => {
    expect(parseTags(' a, b,, a ,c ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('formats durations and metrics', () => {
    expect(durationWords(420)).toEqual({ key: 'durationSeconds', params: { s: '0.4' } });
    expect(durationWords(9_940)).toEqual({ key: 'durationSeconds', params: { s: '9.9' } });
    expect(durationWords(9_960)).toEqual({ key: 'durationSeconds', params: { s: 10 } });
    expect(durationWords(42_000)).toEqual({ key: 'durationSeconds', params: { s: 42 } });
    expect(durationWords(125_000)).toEqual({ key: 'durationMinutes', params: { min: 2, s: 5 } });
    expect(durationWords(3_720_000)).toEqual({ key: 'durationHours', params: { h: 1, min: 2 } });
    expect(formatMetric(0.9234, 'accuracy')).toBe('92.3%');
    expect(formatMetric(-0.25, 'r2')).toBe('-0.250');
    expect(formatMetric(null, 'loss')).toBe('—');
  });
});
