// Each lesson's real runs, trained through the Studio services with the lesson's fixed seeds, and the lesson's
// claim checked in numbers: a lesson whose runs stop showing its point fails here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerGradientNorms, nearZeroShare } from '../../../engine/core/lessons/insight';
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
    const share = async (runId: string) => nearZeroShare(await studio.layerWeights(runId)).share;
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
    // as the chart shows them: first epoch, layers fc1 … fc7 from the input
    const norms = async (runId: string) => layerGradientNorms((await studio.getRun(runId)).epochs[0].metrics.gradNorms as Record<string, number>).map((p) => p.y);
    const sigmoid = await norms(runs.sigmoid);
    const relu = await norms(runs.relu);
    expect(sigmoid).toHaveLength(7);
    expect(sigmoid[0]).toBeLessThan(relu[0] / 100);
    // and with sigmoid it shrinks at every layer on the way back to the input
    for (let i = 1; i < sigmoid.length; i++) expect(sigmoid[i - 1]).toBeLessThan(sigmoid[i]);
  });
});
