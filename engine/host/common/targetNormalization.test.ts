// A regression dataset whose manifest standardizes its targets (a label far from ±1, such as house prices): the
// engine trains on (y - mean) / std, reports MAE and RMSE in the label's units, and the diagnosis's baseline in the
// loss's units, so a model no better than the mean is not read as converged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { config, mlp } from '../../test/models';
import { regressionBaseline } from '../../core/train/diagnosisHistory';
import { Trainer } from '../../core/train/trainer';
import { loadTrainingData } from './datasetFiles';
import { PRICE_MEAN as MEAN, PRICE_SPREAD as SPREAD, writePricesDataset } from '../../test/prices';

const kernels = loadKernels();
const home = mkdtempSync(join(tmpdir(), 'netwright-target-normalization-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The prices dataset (engine/test/prices.ts) in a folder of its own. */
const prices = (name: string, standardized: boolean) => writePricesDataset(join(home, name), standardized);

describe('training on standardized regression targets', () => {
  it('loads the targets standardized, the file keeping the label’s values', () => {
    const { data } = loadTrainingData(prices('loaded', true));
    const raw = loadTrainingData(prices('raw', false)).data;
    expect(data.targetNormalization).toEqual({ mean: [MEAN], std: [SPREAD] });
    for (let i = 0; i < 5; i++) expect(data.targets![i]).toBeCloseTo((raw.targets![i] - MEAN) / SPREAD, 5);
  });

  it('learns where the raw label diverges, with MAE and RMSE in the label’s units', async () => {
    const cfg = config({ epochs: 30, batchSize: 16, loss: 'mse', optimizer: { type: 'sgd', lr: 0.05 } });
    const spec = mlp(1, [32, 32], 1);
    const { data } = loadTrainingData(prices('trained', true));
    const trainer = new Trainer(spec, cfg, data, kernels);
    expect((await trainer.run()).status).toBe('completed');
    const validation = trainer.evaluate(data.split.validation);
    // Predictions brought back to prices against the raw targets: the MAE the trainer reports.
    const raw = loadTrainingData(prices('trained-raw', false)).data;
    const rows = data.split.validation;
    const x = new Float32Array(rows.length);
    rows.forEach((r, i) => (x[i] = data.features[r]));
    let absolute = 0;
    for (let start = 0; start < rows.length; start += 16) {
      const batch = Math.min(16, rows.length - start);
      const predicted = trainer.session.predict(x.slice(start, start + batch), batch);
      for (let i = 0; i < batch; i++)
        absolute += Math.abs(predicted[i] * SPREAD + MEAN - raw.targets![rows[start + i]]);
    }
    expect(validation.mae).toBeCloseTo(absolute / rows.length, 0);
    expect(validation.mae!).toBeGreaterThan(100); // prices, not standardized units
    expect(validation.mae!).toBeLessThan(0.5 * SPREAD);
    expect(validation.r2!).toBeGreaterThan(0.5);
    // The loss is on the standardized scale: near RMSE² / SPREAD², and the baseline (predicting the mean) is too.
    expect(validation.loss).toBeCloseTo((validation.rmse! / SPREAD) ** 2, 4);
    expect(validation.baselineLoss!).toBeGreaterThan(0.2);
    expect(validation.baselineLoss!).toBeLessThan(5);
    const epoch = { epoch: 1, metrics: { train: { loss: validation.loss }, validation } };
    expect(regressionBaseline([epoch] as never)).toBe(validation.baselineLoss);

    // The same prices unstandardized: plain SGD at the same rate blows up.
    const rawTrainer = new Trainer(spec, cfg, raw, kernels);
    expect((await rawTrainer.run()).status).toBe('diverged');
  });
});
