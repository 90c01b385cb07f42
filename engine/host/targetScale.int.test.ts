// The engine in its own process on a regression label it learns standardized (house prices): its checkpoints carry
// the targets' statistics, and predictions from them, evaluations and epoch metrics are in the label's units.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../core/io/checkpoint';
import { config, mlp } from '../test/models';
import { PRICE_MEAN, PRICE_SPREAD, writePricesDataset } from '../test/prices';
import { EngineClient } from './parent/client';
import type { FromEngine } from './protocol';

const home = mkdtempSync(join(tmpdir(), 'netwright-target-scale-'));
const engines: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.shutdown()));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('engine process, standardized regression targets', () => {
  it('predicts prices from a checkpoint that carries the statistics', async () => {
    const datasetDir = writePricesDataset(join(home, 'prices'), true);
    const client = new EngineClient({ threads: 2 });
    engines.push(client);
    await client.ready;
    const epochs: FromEngine[] = [];
    client.onMessage((m) => {
      if (m.type === 'epoch' && m.runId === 'p') epochs.push(m);
    });
    client.send({
      type: 'start',
      runId: 'p',
      spec: mlp(1, [32, 32], 1),
      config: config({ epochs: 40, batchSize: 16, loss: 'mse', optimizer: { type: 'adam', lr: 0.01 } }),
      datasetDir,
      files: { dir: join(home, 'runs', 'p') },
    });
    const done = await client.waitFor(
      (m): m is Extract<FromEngine, { type: 'finished' }> => m.type === 'finished' && m.runId === 'p',
    );
    expect(done.outcome.status).toBe('completed');
    const last = epochs.at(-1);
    if (last?.type !== 'epoch') throw new Error('no epoch reported');
    const validation = last.metrics.validation!;
    expect(validation.mae!).toBeGreaterThan(100); // prices
    expect(validation.loss).toBeLessThan(1); // standardized
    expect(validation.baselineLoss!).toBeGreaterThan(validation.loss);

    const checkpoint = join(home, 'runs', 'p', 'last.safetensors');
    expect(decodeCheckpoint(readFileSync(checkpoint)).info.targetNormalization).toEqual({
      mean: [PRICE_MEAN],
      std: [PRICE_SPREAD],
    });
    // sin(3x) at x = -0.5, 0 and 0.5 (the curve the prices follow): -0.997, 0, 0.997, as prices.
    const prediction = await client.request({
      type: 'predict',
      requestId: 'q',
      checkpoint,
      inputs: Float32Array.from([-0.5, 0, 0.5]),
      count: 3,
    });
    const expected = [-0.5, 0, 0.5].map((x) => Math.sin(3 * x) * PRICE_SPREAD + PRICE_MEAN);
    prediction.outputs.forEach((y, i) => expect(Math.abs(y - expected[i])).toBeLessThan(0.25 * PRICE_SPREAD));
    expect(prediction.classes).toBeUndefined();

    const evaluation = await client.request({
      type: 'evaluate',
      requestId: 'e',
      checkpoint,
      datasetDir,
      split: 'test',
    });
    expect(evaluation.metrics.mae!).toBeGreaterThan(100);
    expect(evaluation.metrics.loss).toBeLessThan(1);
  });
});
