// Run groups in the store: created with their runs queued in order, their queue kept across a crash of the owner,
// taken over by one process only, and listed with their runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDataset, type Store } from './index';
import { openTestStore, tempDir, testClock, tinySpec, trainConfig, type TestClock } from './testFixtures';
import type { DatasetManifest } from '../../../engine/core/data/dataset';

let temp: ReturnType<typeof tempDir>;
let clock: TestClock;
let store: Store;
let projectId: string;
let datasetId: string;

const manifest = {
  format: 1,
  id: 'ds-1',
  name: 'blobs',
  task: 'classification',
  inputShape: [4],
  count: 10,
  classNames: ['a', 'b', 'c'],
  split: { seed: 3, train: 0.7, validation: 0.15, test: 0.15 },
  source: { kind: 'generated', path: '/data/blobs.csv' },
} as unknown as DatasetManifest;

beforeEach(() => {
  temp = tempDir('groups');
  clock = testClock();
  store = openTestStore(temp.dir, clock);
  projectId = store.projects.createProject({ name: 'Iris' }).id;
  datasetId = registerDataset(store, manifest, '/data/blobs').id;
});
afterEach(() => {
  store.close();
  temp.remove();
});

function newGroup(owner = 'me:1') {
  const runs = [0.1, 0.01].flatMap((lr, combination) =>
    [7, 8].map((seed) => ({
      name: `lr ${lr} seed ${seed}`,
      graph: tinySpec,
      trainConfig: { ...trainConfig(seed), optimizer: { type: 'adam' as const, lr } },
      combination,
      assignment: { lr },
    })),
  );
  return store.groups.createGroup({
    projectId,
    name: 'lr sweep',
    graph: tinySpec,
    trainConfig: trainConfig(),
    datasetId,
    plan: { kind: 'grid', axes: [{ setting: { kind: 'lr' }, values: [0.1, 0.01] }], seeds: 2 },
    parallel: 1,
    runs,
    owner,
  });
}

describe('run groups', () => {
  it('are created with their runs queued in order, each knowing its combination and settings', () => {
    const group = newGroup();
    expect(group).toMatchObject({ name: 'lr sweep', kind: 'grid', status: 'queued', parallel: 1, datasetId });
    const runs = store.runs.listRuns({ groupId: group.id, sortBy: 'groupPosition', order: 'asc' });
    expect(runs.map((r) => [r.name, r.status, r.seed, r.group?.combination, r.group?.assignment])).toEqual([
      ['lr 0.1 seed 7', 'queued', 7, 0, { lr: 0.1 }],
      ['lr 0.1 seed 8', 'queued', 8, 0, { lr: 0.1 }],
      ['lr 0.01 seed 7', 'queued', 7, 1, { lr: 0.01 }],
      ['lr 0.01 seed 8', 'queued', 8, 1, { lr: 0.01 }],
    ]);
    expect(store.groups.listGroups().map((g) => g.id)).toEqual([group.id]);
  });

  it('keep their queued runs queued when the owner dies, and are taken over by one process only', () => {
    const group = newGroup('dead:1');
    const [first] = store.runs.listRuns({ groupId: group.id, sortBy: 'groupPosition', order: 'asc' });
    store.runs.claimRun(first.id, 'dead:1');
    store.runs.updateRunStatus(first.id, 'running');
    store.close();

    const alive = (owner: string) => owner !== 'dead:1';
    store = openTestStore(temp.dir, clock, { ownerAlive: alive });
    const statuses = store.runs
      .listRuns({ groupId: group.id, sortBy: 'groupPosition', order: 'asc' })
      .map((r) => r.status);
    expect(statuses).toEqual(['interrupted', 'queued', 'queued', 'queued']);
    expect(store.groups.orphanedGroups(alive).map((g) => g.id)).toEqual([group.id]);
    expect(store.groups.claimGroup(group.id, 'first:1', alive)).toBe(true);
    expect(store.groups.claimGroup(group.id, 'second:1', alive)).toBe(false);
    expect(store.groups.orphanedGroups(alive)).toEqual([]);
  });

  it('record their end when completed or cancelled', () => {
    const group = newGroup();
    clock.advance(5000);
    expect(store.groups.setGroupStatus(group.id, 'cancelled')).toMatchObject({
      status: 'cancelled',
      endedAt: clock.now(),
    });
  });

  it('refuse an empty queue or a parallel count below one', () => {
    const base = {
      projectId,
      name: 'x',
      graph: tinySpec,
      trainConfig: trainConfig(),
      datasetId,
      plan: { kind: 'seeds' as const, seeds: 1 },
      owner: 'me:1',
    };
    expect(() => store.groups.createGroup({ ...base, parallel: 1, runs: [] })).toThrow(/at least one run/);
    expect(() =>
      store.groups.createGroup({
        ...base,
        parallel: 0,
        runs: [{ name: 'a', graph: tinySpec, trainConfig: trainConfig(), combination: 0, assignment: {} }],
      }),
    ).toThrow(/1 or more runs at once/);
    expect(store.groups.listGroups()).toEqual([]);
  });
});
