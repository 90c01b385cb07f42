// Groups of runs through the studio, with real engine processes: a repeat with seeds trains its runs one after
// another, a parallel sweep divides the cores between its engines, a refused sweep stores nothing, cancelling stops
// the queue, and a group left by a closed studio is taken over by the next one and finished.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../api/types';
import type { EngineSupervisor } from '../engine/supervisor';
import { openStore } from '../store';
import { Studio } from './studio';
import { testConfig as config } from './testStudio';

const home = mkdtempSync(join(tmpdir(), 'netwright-groups-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function open(): { studio: Studio; events: StudioEvent[]; lanes: EngineSupervisor[] } {
  // 'web' takes over groups whose process has gone, as the desktop and web studio do.
  const studio = new Studio({ home, mode: 'web', cores: 4 });
  const events: StudioEvent[] = [];
  const lanes: EngineSupervisor[] = [];
  studio.onEvent((event) => events.push(event));
  studio.groupRunner.onLane((lane) => lanes.push(lane));
  return { studio, events, lanes };
}

async function spiralsRequest(studio: Studio) {
  const dataset = await studio.useSample('spirals');
  const spec = await studio.templateSpec('mlp', dataset.id);
  return { spec, datasetId: dataset.id };
}

describe('groups of runs', () => {
  it('repeat the settings with seeds, one run after another, and show each run’s curves', async () => {
    const { studio, events } = open();
    try {
      const base = await spiralsRequest(studio);
      const { group } = await studio.createGroup({
        ...base,
        config: config({ epochs: 3 }),
        plan: { kind: 'seeds', seeds: 2 },
      });
      expect(group.status).toBe('running');
      await studio.groupRunner.whenDone(group.id);
      const detail = await studio.getGroup(group.id);
      expect(detail.group.status).toBe('completed');
      expect(detail.counts).toEqual({ completed: 2 });
      expect(detail.runs.map((r) => r.seed)).toEqual([7, 8]);
      expect(detail.curves.map((c) => c.valLoss.length)).toEqual([3, 3]);
      expect(detail.curves[0].valMetric.every((v) => typeof v === 'number')).toBe(true);
      // One after another: the second run started after the first had finished.
      expect(detail.runs[1].startedAt!).toBeGreaterThanOrEqual(detail.runs[0].endedAt!);
      expect(events.filter((e) => e.type === 'group-status').map((e) => e.type === 'group-status' && e.status)).toEqual(
        ['running', 'completed'],
      );
      expect(events.some((e) => e.type === 'run-epoch' && e.runId === detail.runs[1].id)).toBe(true);
    } finally {
      await studio.close();
    }
  });

  it('train K runs at once with the cores divided between their engines', async () => {
    const { studio, lanes } = open();
    try {
      const base = await spiralsRequest(studio);
      const { group } = await studio.createGroup({
        ...base,
        config: config({ epochs: 2 }),
        plan: { kind: 'grid', axes: [{ setting: { kind: 'lr' }, values: [0.03, 0.003] }], seeds: 1 },
        parallel: 2,
      });
      await studio.groupRunner.whenDone(group.id);
      expect(lanes).toHaveLength(2);
      // 4 cores (the studio's option) shared by 2 runs.
      expect(lanes.map((l) => l.engineKernels?.threads)).toEqual([2, 2]);
      const detail = await studio.getGroup(group.id);
      expect(detail.runs.map((r) => [r.status, r.trainConfig.optimizer.lr, r.group?.assignment])).toEqual([
        ['completed', 0.03, { lr: 0.03 }],
        ['completed', 0.003, { lr: 0.003 }],
      ]);
    } finally {
      await studio.close();
    }
  });

  it('refuse a sweep with a value that cannot train, naming the setting, and store nothing', async () => {
    const { studio } = open();
    try {
      const base = await spiralsRequest(studio);
      const before = (await studio.listGroups()).length;
      const runsBefore = (await studio.listRuns()).length;
      await expect(
        studio.createGroup({
          ...base,
          config: config({ epochs: 2 }),
          plan: { kind: 'grid', axes: [{ setting: { kind: 'batchSize' }, values: [32, 0] }], seeds: 2 },
        }),
      ).rejects.toMatchObject({ code: 'sweep-config', params: { setting: 'batch', value: '0' } });
      expect(await studio.listGroups()).toHaveLength(before);
      expect(await studio.listRuns()).toHaveLength(runsBefore);
    } finally {
      await studio.close();
    }
  });

  it('cancel: the running run stops and the queued ones never start', async () => {
    const { studio, events } = open();
    try {
      const base = await spiralsRequest(studio);
      const { group } = await studio.createGroup({
        ...base,
        config: config({ epochs: 200 }),
        plan: { kind: 'seeds', seeds: 3 },
      });
      const [first] = (await studio.getGroup(group.id)).runs;
      // Cancel once the first run has trained an epoch (an event, not a timer).
      await new Promise<void>((resolve) => {
        const off = studio.onEvent((e) => {
          if (e.type === 'run-epoch' && e.runId === first.id) {
            off();
            resolve();
          }
        });
      });
      await studio.cancelGroup(group.id);
      const detail = await studio.getGroup(group.id);
      expect(detail.group.status).toBe('cancelled');
      expect(detail.runs.map((r) => r.status)).toEqual(['stopped', 'stopped', 'stopped']);
      expect(detail.runs.slice(1).every((r) => r.startedAt === null)).toBe(true);
      expect(events.some((e) => e.type === 'group-status' && e.status === 'cancelled')).toBe(true);
    } finally {
      await studio.close();
    }
  });

  it('left by a closing studio, a group is taken over by the next one and finished', async () => {
    let { studio } = open();
    const base = await spiralsRequest(studio);
    const { group } = await studio.createGroup({
      ...base,
      config: config({ epochs: 40 }),
      plan: { kind: 'seeds', seeds: 2 },
    });
    const [first] = (await studio.getGroup(group.id)).runs;
    await new Promise<void>((resolve) => {
      const off = studio.onEvent((e) => {
        if (e.type === 'run-epoch' && e.runId === first.id) {
          off();
          resolve();
        }
      });
    });
    await studio.close();
    const left = openStore(join(home, 'studio.sqlite'), { recoverInterruptedRuns: false });
    expect(
      left.runs.listRuns({ groupId: group.id, sortBy: 'groupPosition', order: 'asc' }).map((r) => r.status),
    ).toEqual(['stopped', 'queued']);
    left.close();
    ({ studio } = open());
    try {
      expect(studio.groupRunner.isRunning(group.id)).toBe(true);
      await studio.groupRunner.whenDone(group.id);
      const detail = await studio.getGroup(group.id);
      expect(detail.group.status).toBe('completed');
      expect(detail.runs.map((r) => r.status)).toEqual(['completed', 'completed']);
      // The cut-off run went on from its checkpoint: one epoch record per epoch, no gaps or repeats.
      expect((await studio.getRun(first.id)).epochs.map((e) => e.epoch)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
    } finally {
      await studio.close();
    }
  });
});
