// Regression through the command line: a CSV with a numeric target trains to MAE and R² in the summary, and a
// dataset folder written by the importer (not yet in the store) is registered by `train --data DIR`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../services/datasets';
import { jsonLines, netwright, regressionCsv } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-regression-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const csv = join(home, 'curve.csv');
beforeAll(() => regressionCsv(csv, { rows: 400, seed: 3 }));

describe('netwright train on a regression table', () => {
  it('reports MAE and R² on the validation and test splits', () => {
    const result = netwright(home, [
      'train',
      '--data',
      csv,
      '--label',
      'y',
      '--task',
      'regression',
      '--epochs',
      '60',
      '--lr',
      '0.01',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    const summary = lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', status: 'completed', task: 'regression', rows: 400, epochs: 60 });
    for (const stage of [summary.best, summary.final]) {
      for (const split of ['validation', 'test']) {
        expect(stage[split].r2, `${split} R²`).toBeGreaterThan(0.9);
        expect(stage[split].mae, `${split} MAE`).toBeGreaterThan(0);
        expect(stage[split].mae, `${split} MAE`).toBeLessThan(0.3);
        expect(stage[split].accuracy).toBeUndefined();
      }
    }
    expect(lines.find((l) => l.type === 'epoch')!.validation.r2).toEqual(expect.any(Number));

    const evaluation = jsonLines(netwright(home, ['evaluate', summary.runId, '--json']).stdout)[0];
    expect(evaluation.r2).toBe(summary.best.test.r2);
    expect(evaluation.mae).toBe(summary.best.test.mae);
  });

  it('registers a dataset folder the store does not know yet, once', async () => {
    const { manifest, folder } = await importCsv(csv, {
      labelColumn: 'y',
      task: 'regression',
      datasetsDir: join(home, 'folders'),
      name: 'curve-folder',
    });
    const first = netwright(home, ['train', '--data', folder, '--epochs', '2', '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(jsonLines(first.stdout).at(-1)!.dataset).toEqual({ id: manifest.id, name: 'curve-folder' });
    const second = netwright(home, ['train', '--data', folder, '--epochs', '1', '--json']);
    expect(second.status, second.stderr).toBe(0);
    expect(jsonLines(second.stdout).at(-1)!.dataset.id).toBe(manifest.id);
    const runs = jsonLines(netwright(home, ['runs', '--json']).stdout);
    expect(runs.filter((r) => r.dataset === 'curve-folder')).toHaveLength(2);
  });
});
