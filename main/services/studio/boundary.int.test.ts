// The decision boundary through the studio's services with the real engine process: while spirals train, each
// request is answered by the live model (its grid's classes agree with `predict` on a checkpoint of the same
// weights); a finished run answers from its checkpoint; a dataset without a 2-D input plane is refused by name.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../engine/core/train/config';
import type { StudioEvent } from '../../api/types';
import { gridInputs } from '../../api/boundaryGrid';
import { testConfig, testStudio } from './testStudio';

const { studio, events } = testStudio('boundary');
/** Long enough that the run is still training when the test pauses it. */
const config = (overrides: Partial<TrainConfig> = {}) => testConfig({ epochs: 20_000, ...overrides });

/** Resolves with the first event (already seen or to come) that matches. */
function event(match: (e: StudioEvent) => boolean): Promise<StudioEvent> {
  return new Promise((resolve) => {
    const seen = events.find(match);
    if (seen) {
      resolve(seen);
      return;
    }
    const off = studio.onEvent((e) => {
      if (match(e)) {
        off();
        resolve(e);
      }
    });
  });
}

const argmax = (values: number[], at: number, k: number) => {
  let best = 0;
  for (let c = 1; c < k; c++) if (values[at + c] > values[at + best]) best = c;
  return best;
};

describe('the decision boundary', () => {
  it("is the live model's while spirals train, and agrees with predict on the same weights", async () => {
    const dataset = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', dataset.id);
    const run = await studio.startRun({ spec, config: config(), datasetId: dataset.id });
    const mine = (e: StudioEvent) => 'runId' in e && e.runId === run.id;

    await event((e) => mine(e) && e.type === 'run-epoch' && e.record.epoch >= 2);
    const first = await studio.boundary(run.id, 32);
    expect(first.source).toBe('live');
    expect(first.kind).toBe('classes');
    expect(first.values).toHaveLength(32 * 32 * 3);
    expect(first.points.length).toBeGreaterThan(100);
    expect(new Set(first.points.map((p) => p.split))).toEqual(new Set(['train', 'validation']));
    // Every point lies inside the plane the grid spans.
    for (const p of first.points) {
      expect(p.x).toBeGreaterThan(first.x[0]);
      expect(p.x).toBeLessThan(first.x[1]);
      expect(p.y).toBeGreaterThan(first.y![0]);
      expect(p.y).toBeLessThan(first.y![1]);
    }
    const later = await studio.boundary(run.id, 32);
    expect(later.step!).toBeGreaterThan(first.step!); // answered between steps, so the model moved on

    // Paused, the live model stands still: a manual checkpoint saved now holds the weights the probe sees.
    await studio.pauseRun(run.id);
    await event((e) => mine(e) && e.type === 'run-status' && e.status === 'paused');
    const live = await studio.boundary(run.id, 32);
    expect(live.source).toBe('live');
    await studio.saveCheckpoint(run.id);
    const saved = await event((e) => mine(e) && e.type === 'run-checkpoint' && e.checkpoint.kind === 'manual');
    const checkpoint = (saved as Extract<StudioEvent, { type: 'run-checkpoint' }>).checkpoint;

    const count = 32 * 32;
    const engine = await studio.supervisor.ensureEngine();
    const prediction = await engine.request({
      type: 'predict',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      inputs: gridInputs(live.x, live.y, 32),
      count,
    });
    const classes = prediction.classes!;
    let agree = 0;
    for (let i = 0; i < count; i++) if (argmax(live.values, i * 3, 3) === classes[i]) agree++;
    expect(agree).toBe(count);
    // More than one class is predicted somewhere: the map is a boundary, not a flat colour.
    expect(new Set(classes).size).toBeGreaterThan(1);

    await studio.stopRun(run.id);
    await studio.supervisor.whenIdle();
    const after = await studio.boundary(run.id, 32);
    expect(after.source).toBe('checkpoint');
    expect(after.step).toBeNull();
    // The run's best checkpoint, said so under the map (its epoch is that of the lowest validation loss so far).
    expect(after.best).toBe(true);
    expect(first.best).toBe(false);
  });

  it('is a fitted curve for one-feature regression, and refused for data without a 2-D plane', async () => {
    const curve = await studio.useSample('noisy-curve');
    const spec = await studio.templateSpec('mlp', curve.id);
    const run = await studio.startRun({ spec, config: config({ loss: 'mse', epochs: 3 }), datasetId: curve.id });
    await studio.supervisor.whenIdle();
    const fitted = await studio.boundary(run.id);
    expect(fitted.kind).toBe('curve');
    expect(fitted.values).toHaveLength(64);
    expect(fitted.y).toBeNull();
    expect(fitted.values.every(Number.isFinite)).toBe(true);
    await expect(studio.boundary(run.id, 4)).rejects.toThrow(/resolution must be a whole number from 8 to 128, got 4/);

    const shapes = await studio.useSample('shapes');
    const lenet = await studio.templateSpec('lenet', shapes.id);
    const images = await studio.startRun({ spec: lenet, config: config({ epochs: 1 }), datasetId: shapes.id });
    await studio.supervisor.whenIdle();
    await expect(studio.boundary(images.id)).rejects.toThrow(/dataset 'shapes' has features \[1, 16, 16\]/);
  });
});
