// Settings changed at a pause through the studio, as the renderer and the command line ask: refused with a code
// while running or out of range, recorded in the store with the step and in the checkpoint, and when continuing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import type { StudioEvent } from '../../api/types';
import { testConfig as config, testStudio } from './testStudio';

const { studio } = testStudio('changes');

function next(match: (e: StudioEvent) => boolean): Promise<StudioEvent> {
  return new Promise((resolve) => {
    const off = studio.onEvent((e) => {
      if (match(e)) {
        off();
        resolve(e);
      }
    });
  });
}

describe('changing settings at a pause', () => {
  it('is refused while running, checked by code, recorded in the store and checkpoint, and when continuing', async () => {
    const dataset = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', dataset.id);
    const epoch3 = next((e) => e.type === 'run-epoch' && e.record.epoch === 3);
    const run = await studio.startRun({ spec, config: config({ epochs: 5000 }), datasetId: dataset.id });
    await epoch3;
    await expect(studio.changeSettings(run.id, { learningRate: 0.001 })).rejects.toMatchObject({ code: 'not-paused' });

    const paused = next((e) => e.type === 'run-status' && e.runId === run.id && e.status === 'paused');
    await studio.pauseRun(run.id);
    await paused;
    await expect(studio.changeSettings(run.id, { learningRate: 20 })).rejects.toMatchObject({
      code: 'setting-out-of-range',
      params: { setting: 'optimizer.lr', min: 0, max: 10 },
    });
    await expect(studio.changeSettings(run.id, { patience: 3 })).rejects.toMatchObject({
      code: 'change-no-early-stopping',
    });
    const made = await studio.changeSettings(run.id, { learningRate: 0.002, l2: 0.001 });
    expect(made.map((c) => [c.setting, c.from, c.to])).toEqual([
      ['learningRate', 0.01, 0.002],
      ['l2', 0, 0.001],
    ]);
    const detail = await studio.getRun(run.id);
    expect(detail.run.settingChanges).toEqual(made);
    expect(made[0].step).toBeGreaterThan(0);
    const last = detail.checkpoints.filter((c) => c.kind === 'last').at(-1)!;
    expect(decodeCheckpoint(readFileSync(last.path)).snapshot.changes).toEqual(made);

    await studio.stopRun(run.id);
    await studio.supervisor.whenIdle();
    await studio.continueRun(run.id, { learningRate: 0.0005 });
    const again = next((e) => e.type === 'run-status' && e.runId === run.id && e.status === 'paused');
    await studio.pauseRun(run.id);
    await again;
    const changes = (await studio.getRun(run.id)).run.settingChanges;
    expect(changes.map((c) => [c.setting, c.to])).toEqual([
      ['learningRate', 0.002],
      ['l2', 0.001],
      ['learningRate', 0.0005],
    ]);
    await studio.stopRun(run.id);
    await studio.supervisor.whenIdle();
  });
});
