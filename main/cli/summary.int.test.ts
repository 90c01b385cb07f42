// The end-of-training summary when the engine dies once the run is recorded as completed: the best checkpoint is
// evaluated by a fresh engine and the summary is whole (the command then exits 0), instead of failing the command;
// and an early-stopped run's 'final' scores are all the restored best epoch's, as the test score is; and a run whose
// best checkpoint holds the weights it ended with is summarized from the scores the engine already computed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { config, mlp } from '../../engine/test/models';
import type { Store } from '../services/store';
import { Studio } from '../services/studio/studio';
import type { FollowedRun } from './follow';
import { evaluateSplit } from './checkpoints';
import { splitScore } from './format';
import { reportText, runReport } from './summary';

const home = mkdtempSync(join(tmpdir(), 'netwright-summary-'));
const studio = new Studio({ home, mode: 'cli', engine: { threads: 1 } });
afterAll(async () => {
  await studio.close();
  rmSync(home, { recursive: true, force: true });
});

/**
 * Starts a run and waits for its end: the run once it has ended, and the outcome its engine reported. The listener is
 * in place before the run starts: a one-epoch run on a busy machine can end before startRun's caller resumes, and a
 * listener added after that waited for ever (a CI run timed out here).
 */
async function trainToEnd(
  request: Parameters<Studio['startRun']>[0],
): Promise<{ run: ReturnType<Store['runs']['getRun']>; outcome: FollowedRun['outcome'] }> {
  const outcomes = new Map<string, FollowedRun['outcome']>();
  let waiting: { runId: string; resolve: (outcome: FollowedRun['outcome']) => void } | null = null;
  const off = studio.supervisor.onEvent(({ runId, message }) => {
    if (message.type !== 'finished') return;
    outcomes.set(runId, message.outcome);
    if (waiting?.runId === runId) waiting.resolve(message.outcome);
  });
  try {
    const { id } = await studio.startRun(request);
    const outcome = outcomes.has(id)
      ? outcomes.get(id)!
      : await new Promise<FollowedRun['outcome']>((resolve) => (waiting = { runId: id, resolve }));
    await studio.supervisor.whenIdle();
    return { run: studio.store.runs.getRun(id), outcome };
  } finally {
    off();
  }
}

describe('runReport', () => {
  it('reports a completed run whole although the engine it was trained by is killed before the summary', async () => {
    const dataset = await studio.useSample('spirals');
    const started = await studio.startRun({
      spec: mlp(2, [16], 3),
      config: config({ epochs: 3 }),
      datasetId: dataset.id,
    });
    await studio.supervisor.whenIdle();
    const run = studio.store.runs.getRun(started.id);
    expect(run.status).toBe('completed');

    const engine = await studio.supervisor.ensureEngine();
    engine.process.kill(); // SIGKILL; its exit is not seen yet when the summary asks it to evaluate
    const report = await runReport(studio.store, () => studio.supervisor.ensureEngine(), dataset, {
      run,
      outcome: null,
      interrupted: false,
    });
    expect(report.status).toBe('completed');
    expect(report.best?.validation?.loss).toBeGreaterThan(0);
    expect(report.best?.test?.loss).toBeGreaterThan(0);
  });

  it("reports an early-stopped run's final validation and test scores from the same, restored, weights", async () => {
    const dataset = await studio.useSample('spirals');
    const { run, outcome } = await trainToEnd({
      spec: mlp(2, [16], 3),
      // Epoch 1 sets the best; none beats it by 100, so training stops after epoch 2 and restores epoch 1.
      config: config({
        epochs: 10,
        earlyStopping: { metric: 'val_loss', patience: 1, minDelta: 100, restoreBest: true },
      }),
      datasetId: dataset.id,
    });
    const epochs = studio.store.metrics.listEpochs(run.id);
    const report = await runReport(studio.store, () => studio.supervisor.ensureEngine(), dataset, {
      run,
      outcome,
      interrupted: false,
    });
    expect(report.outcome).toBe('early-stopped');
    expect(report.epochs).toBe(2);
    expect(report.final?.epoch).toBe(1);
    expect(report.final?.validation?.loss).toBe((epochs[0].metrics.validation as { loss: number }).loss);
    expect(report.final?.test?.loss).toBe(outcome && outcome.status !== 'diverged' ? outcome.test?.loss : NaN);
    // In words, 'final' is said to be the restored weights (of epoch 1), not the last epoch trained (2).
    expect(reportText(report, dataset.manifest.split, 'en')).toContain('final, the restored weights (epoch 1):');
    expect(reportText(report, dataset.manifest.split, 'zh')).toContain('最终，即恢复的权重（第 1 轮）：');
  });

  it('takes the best scores from the run itself when the best checkpoint holds the final weights (no evaluation)', async () => {
    const dataset = await studio.useSample('spirals');
    // One epoch: the best checkpoint is that epoch's, the weights the run ends with.
    const { run, outcome } = await trainToEnd({
      spec: mlp(2, [16], 3),
      config: config({ epochs: 1 }),
      datasetId: dataset.id,
    });
    const notAsked = () => Promise.reject(new Error('the summary asked the engine to evaluate the best checkpoint'));
    const report = await runReport(studio.store, notAsked, dataset, { run, outcome, interrupted: false });
    expect(report.best).toEqual(report.final);
    expect(report.best?.epoch).toBe(1);
    // The same numbers, to the bit, as evaluating the checkpoint file (what the summary did before).
    const engine = await studio.supervisor.ensureEngine();
    const checkpoint = studio.store.checkpoints.latestCheckpoint(run.id, 'best')!;
    for (const split of ['validation', 'test'] as const) {
      const evaluated = await evaluateSplit(engine, checkpoint.path, dataset, split);
      expect(report.best?.[split]).toEqual(splitScore(evaluated!));
    }
  });
});
