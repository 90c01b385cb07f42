// Each lesson's real runs, trained through the Studio services with the lesson's fixed seeds, and the lesson's
// claim checked in numbers: a lesson whose runs stop showing its point fails here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonPlan, type LessonId } from '../../../engine/core/lessons/plans';
import { runLesson } from '../../../engine/core/lessons/runLesson';
import { Studio } from '../studio/studio';

const home = mkdtempSync(join(tmpdir(), 'netwright-lessons-'));
const studio = new Studio({ home, mode: 'cli', engine: { threads: 2 } });
afterAll(async () => {
  await studio.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs a lesson and returns its run ids by key, every run completed. */
async function trained(id: LessonId): Promise<Record<string, string>> {
  const results = await runLesson(studio, lessonPlan(id));
  for (const r of results) expect(r.status, `${id}: ${r.key}`).toBe('completed');
  return Object.fromEntries(results.map((r) => [r.key, r.runId]));
}

describe('lessons', () => {
  it('L1 vs L2: L1 leaves several times the share of near-zero weights that L2 does', async () => {
    const runs = await trained('l1-l2');
    const share = async (runId: string) => {
      const layers = await studio.layerWeights(runId);
      const total = layers.reduce((a, l) => a + l.counts.reduce((x, y) => x + y, 0), 0);
      return layers.reduce((a, l) => a + l.nearZero * l.counts.reduce((x, y) => x + y, 0), 0) / total;
    };
    const l1 = await share(runs.l1);
    const l2 = await share(runs.l2);
    expect(l1).toBeGreaterThan(0.3);
    expect(l1).toBeGreaterThan(5 * l2);
  });

  it('optimizers: on spirals momentum, Nesterov and Adam reach a lower training loss than plain SGD in the same epochs', async () => {
    const runs = await trained('optimizers');
    const last = async (runId: string) => (await studio.getRun(runId)).epochs.at(-1)!.trainLoss!;
    const losses = Object.fromEntries(await Promise.all(Object.entries(runs).map(async ([k, id]) => [k, await last(id)] as const)));
    for (const better of ['momentum', 'nesterov', 'adam']) expect(losses[better]).toBeLessThan(losses.sgd);
  });

  it('vanishing gradients: the first layer of a deep sigmoid network gets a gradient orders of magnitude below ReLU\'s', async () => {
    const runs = await trained('vanishing-gradients');
    const firstLayer = async (runId: string) => (await studio.getRun(runId)).epochs[0].metrics.gradNorms as Record<string, number>;
    const sigmoid = await firstLayer(runs.sigmoid);
    const relu = await firstLayer(runs.relu);
    expect(sigmoid.fc1).toBeLessThan(relu.fc1 / 100);
    // and it shrinks layer by layer towards the input
    expect(sigmoid.fc1).toBeLessThan(sigmoid.fc4);
    expect(sigmoid.fc4).toBeLessThan(sigmoid.fc7);
  });
});
