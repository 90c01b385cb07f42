// Each lesson's real runs, trained through the Studio services with the lesson's fixed seeds, and the lesson's
// claim checked in numbers: a lesson whose runs stop showing its point fails here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerGradientNorms, nearZeroShare } from '../../../engine/core/lessons/insight';
import { diagnoseRecordedRun } from '../../../engine/core/train/diagnosisHistory';
import { LESSON_SCHEDULES, lessonPlan, type LessonId } from '../../../engine/core/lessons/plans';
import { plannedCurve } from '../../../engine/core/schedule';
import { runLesson } from '../../../engine/core/lessons/runLesson';
import { Studio } from '../studio/studio';

const home = mkdtempSync(join(tmpdir(), 'netwright-lessons-'));
const studio = new Studio({ home, mode: 'cli', engine: { threads: 2 } });
const stopped = new Set<string>();
studio.onEvent((event) => {
  if (event.type === 'run-finished' && event.run.status === 'stopped') stopped.add(event.runId);
});
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
  it('dropout: without dropout the network memorizes 20 points and its validation loss climbs; with dropout it stays lower', async () => {
    const runs = await trained('dropout');
    const plain = (await studio.getRun(runs.plain)).epochs;
    const dropout = (await studio.getRun(runs.dropout)).epochs;
    const valLoss = (epochs: typeof plain) => epochs.map((e) => e.valLoss!);
    const dataset = (await studio.getRun(runs.plain)).dataset!;
    expect(dataset.manifest.split.counts).toEqual({ train: 20, validation: 200, test: 200 });
    const best = Math.min(...valLoss(plain));
    expect(plain.at(-1)!.trainLoss!).toBeLessThan(best / 2); // it fits its own points far better than new ones
    expect(valLoss(plain).at(-1)!).toBeGreaterThan(1.5 * best);
    expect(valLoss(plain).at(-1)!).toBeGreaterThan(valLoss(dropout).at(-1)!);
    // What the chart shows, not one lucky epoch: over the last 100 epochs the run without dropout sits well above
    // its best and above the run with dropout on average.
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const plainTail = mean(valLoss(plain).slice(-100));
    expect(plainTail).toBeGreaterThan(1.5 * best);
    expect(plainTail).toBeGreaterThan(1.2 * mean(valLoss(dropout).slice(-100)));
    // The fitted curves are drawn by the last epoch's weights; scores elsewhere default to the best epoch's, and
    // each report says which it used.
    const lastWeights = await studio.predictions(runs.plain, 'validation', 0, 'last');
    expect(lastWeights).toMatchObject({ weights: 'last', epoch: plain.length });
    expect(lastWeights.metrics.loss).toBeCloseTo(valLoss(plain).at(-1)!, 4);
    const bestWeights = await studio.predictions(runs.plain, 'validation', 0);
    expect(bestWeights.weights).toBe('best');
    expect(bestWeights.metrics.loss).toBeCloseTo(valLoss(plain)[bestWeights.epoch - 1], 4);
    // The Train view's diagnosis of the same curves says what the lesson says: overfitting after the best epoch the
    // claim names, for the run without dropout only (the blow-up of its first epochs notwithstanding).
    const verdicts = async (runId: string) => {
      const detail = await studio.getRun(runId);
      return diagnoseRecordedRun({ epochs: detail.epochs, config: detail.run.trainConfig, spec: detail.run.graph });
    };
    const plainVerdicts = await verdicts(runs.plain);
    const overfit = plainVerdicts.find((v) => v.code === 'overfitting');
    expect(overfit?.params.bestEpoch).toBe(bestWeights.epoch);
    expect(overfit?.params.training).toBe('fell');
    // Nor is the run with dropout called unstable: its training loss swings through dropout's random masks (one
    // full-batch step an epoch), while its validation loss holds.
    const dropoutCodes = (await verdicts(runs.dropout)).map((v) => v.code);
    expect(dropoutCodes).not.toContain('overfitting');
    expect(dropoutCodes).not.toContain('training-unstable');
  });

  it('underfitting: without a hidden layer the spirals are not fitted, the curves sit together and the diagnosis says underfitting; capacity fixes it', async () => {
    const runs = await trained('underfitting');
    const run = async (key: string) => {
      const detail = await studio.getRun(runs[key]);
      const verdicts = diagnoseRecordedRun({
        epochs: detail.epochs,
        config: detail.run.trainConfig,
        spec: detail.run.graph,
        numClasses: detail.dataset!.manifest.classNames!.length,
      });
      return { last: detail.epochs.at(-1)!, codes: verdicts.map((v) => v.code), verdicts };
    };
    const linear = await run('linear');
    const small = await run('hidden-8');
    const wide = await run('hidden-64x2');
    // The lesson's claim names the underfitting verdict's epoch: the view words it only when the diagnosis says so.
    expect(linear.codes[0]).toBe('underfitting');
    expect(linear.last.trainAccuracy!).toBeLessThan(0.7);
    expect(linear.last.trainLoss!).toBeGreaterThan(0.5 * Math.log(3));
    // No gap: validation within a fifth of training, unlike an overfitting run.
    expect(Math.abs(linear.last.valLoss! - linear.last.trainLoss!)).toBeLessThan(0.2 * linear.last.trainLoss!);
    for (const fitted of [small, wide]) {
      expect(fitted.codes).not.toContain('underfitting');
      expect(fitted.codes).not.toContain('learning-slowly');
      expect(fitted.last.trainAccuracy!).toBeGreaterThan(0.9);
      expect(fitted.last.trainLoss!).toBeLessThan(linear.last.trainLoss! / 3);
    }
    expect(wide.last.trainAccuracy!).toBeGreaterThanOrEqual(small.last.trainAccuracy!);
  });

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
    const losses = Object.fromEntries(
      await Promise.all(Object.entries(runs).map(async ([k, id]) => [k, await last(id)] as const)),
    );
    for (const better of ['momentum', 'nesterov', 'adam']) expect(losses[better]).toBeLessThan(losses.sgd);
  });

  it("vanishing gradients: the first layer of a deep sigmoid network gets a gradient orders of magnitude below ReLU's", async () => {
    const runs = await trained('vanishing-gradients');
    // as the chart shows them: first epoch, layers fc1 … fc7 from the input
    const norms = async (runId: string) =>
      layerGradientNorms((await studio.getRun(runId)).epochs[0].metrics.gradNorms as Record<string, number>).map(
        (p) => p.y,
      );
    const sigmoid = await norms(runs.sigmoid);
    const relu = await norms(runs.relu);
    expect(sigmoid).toHaveLength(7);
    expect(sigmoid[0]).toBeLessThan(relu[0] / 100);
    // and with sigmoid it shrinks at every layer on the way back to the input
    for (let i = 1; i < sigmoid.length; i++) expect(sigmoid[i - 1]).toBeLessThan(sigmoid[i]);
    // With ReLU it keeps its size from fc7 back to fc2 (the lesson: "within a few tens of percent of one another");
    // fc1, whose inputs are a point's two coordinates rather than 32 activations, is a few times smaller, not orders.
    const hidden = relu.slice(1);
    expect(Math.max(...hidden) / Math.min(...hidden)).toBeLessThan(1.5);
    expect(relu[0]).toBeLessThan(relu[1]);
    expect(relu[0]).toBeGreaterThan(relu[1] / 10);
  });

  it("schedules: each run's learning rate per epoch is the planned curve; plateau lowers it only when validation stalls", async () => {
    const runs = await trained('schedules');
    for (const { key, schedule } of LESSON_SCHEDULES) {
      const detail = await studio.getRun(runs[key]);
      const actual = detail.epochs.map((e) => e.lr!);
      const planned = plannedCurve(schedule, 0.1, 30);
      if (planned.exact) {
        expect(actual, key).toHaveLength(30);
        actual.forEach((lr, i) => expect(lr, `${key} epoch ${i + 1}`).toBeCloseTo(planned.lrs[i], 7));
      } else {
        // the preview is the fastest possible decay; the real run lowers the rate, but never faster than that
        expect(Math.min(...actual)).toBeLessThan(0.1);
        actual.forEach((lr, i) => expect(lr).toBeGreaterThanOrEqual(planned.lrs[i] * (1 - 1e-6)));
      }
    }
  });

  it('early stopping: the run trained to the end overfits; early stopping ends it patience epochs after its best and restores that epoch', async () => {
    const runs = await trained('early-stopping');
    const full = await studio.getRun(runs['to-the-end']);
    const stopped = await studio.getRun(runs['early-stopping']);
    const valLoss = (d: typeof full) => d.epochs.map((e) => e.valLoss!);
    const best = Math.min(...valLoss(full));
    const { epochs } = lessonPlan('early-stopping').runs[0].config;
    expect(full.epochs).toHaveLength(epochs);
    expect(valLoss(full).at(-1)!).toBeGreaterThan(1.5 * best);
    const bestEpoch = stopped.run.bestEpoch!;
    expect(stopped.epochs.length).toBe(bestEpoch + 30);
    expect(stopped.epochs.length).toBeLessThan(epochs);
    // the restored weights are the best epoch's: their validation loss is that epoch's, not the last one's
    const restored = await studio.predictions(runs['early-stopping'], 'validation', 0);
    expect(restored.metrics.loss).toBeCloseTo(stopped.epochs[bestEpoch - 1].valLoss!, 5);
  });

  it('batch norm: the CNN with batch norm learns faster than the same CNN without', async () => {
    const runs = await trained('batch-norm');
    const plain = (await studio.getRun(runs.plain)).epochs;
    const normalized = (await studio.getRun(runs['batch-norm'])).epochs;
    normalized.forEach((e, i) => expect(e.trainLoss!, `epoch ${i + 1}`).toBeLessThan(plain[i].trainLoss!));
    expect(normalized.at(-1)!.trainLoss!).toBeLessThan(0.8 * plain.at(-1)!.trainLoss!);
  });

  it('checkpoints: a run stopped after epoch 6 and continued has the same curve as the run trained straight through', async () => {
    const runs = await trained('checkpoints');
    const straight = (await studio.getRun(runs.straight)).epochs;
    const resumed = await studio.getRun(runs.resumed);
    expect(stopped.has(runs.resumed)).toBe(true);
    expect(resumed.run.status).toBe('completed');
    expect(resumed.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    resumed.epochs.forEach((e, i) => {
      expect(e.trainLoss, `epoch ${i + 1}`).toBeCloseTo(straight[i].trainLoss!, 6);
      expect(e.valLoss, `epoch ${i + 1}`).toBeCloseTo(straight[i].valLoss!, 6);
    });
  });
});
