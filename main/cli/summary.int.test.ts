// The end-of-training summary when the engine dies once the run is recorded as completed: the best checkpoint is
// evaluated by a fresh engine and the summary is whole (the command then exits 0), instead of failing the command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { config, mlp } from '../../engine/test/models';
import { Studio } from '../services/studio/studio';
import { runReport } from './summary';

const home = mkdtempSync(join(tmpdir(), 'netwright-summary-'));
const studio = new Studio({ home, mode: 'cli', engine: { threads: 1 } });
afterAll(async () => {
  await studio.close();
  rmSync(home, { recursive: true, force: true });
});

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
});
