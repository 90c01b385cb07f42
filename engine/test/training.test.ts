// The engine learns: an MLP separates three interleaved spirals, a CNN tells shapes apart, an MLP fits a
// noisy curve; and a run that diverges stops with advice instead of NaN weights.
import { describe, expect, it } from 'vitest';
import { prepareGenerated } from '../core/data/prepare';
import { noisyCurve, shapes, spirals } from '../core/data/samples';
import { Trainer, type BatchProgress } from '../core/train/trainer';
import { loadKernels } from '../native';
import { config, mlp, smallCnn } from './models';

const kernels = loadKernels();

describe('training reaches high accuracy', () => {
  it('an MLP separates three interleaved spirals', async () => {
    const { data } = prepareGenerated(spirals({ perClass: 200 }));
    const trainer = new Trainer(
      mlp(2, [64, 64], 3),
      config({ epochs: 60, batchSize: 32, optimizer: { type: 'adam', lr: 0.01 } }),
      data,
      kernels,
    );
    const outcome = await trainer.run();
    expect(outcome.status).toBe('completed');
    const last = trainer.history.at(-1)!;
    expect(last.validation!.accuracy).toBeGreaterThan(0.95);
    if (outcome.status === 'completed') expect(outcome.test!.accuracy).toBeGreaterThan(0.93);
    expect(last.trainLoss).toBeLessThan(trainer.history[0].trainLoss / 4);
  });

  it('a small CNN with batch norm tells four shapes apart', async () => {
    const { data } = prepareGenerated(shapes({ size: 16, perClass: 120 }));
    const trainer = new Trainer(
      smallCnn(1, 16, 4),
      config({ epochs: 8, batchSize: 32, optimizer: { type: 'adam', lr: 0.005 } }),
      data,
      kernels,
    );
    await trainer.run();
    expect(trainer.history.at(-1)!.validation!.accuracy).toBeGreaterThan(0.9);
  });

  it('an MLP fits a noisy sine curve (regression: MAE and R²)', async () => {
    const { data } = prepareGenerated(noisyCurve({ count: 400, noise: 0.1 }));
    const trainer = new Trainer(
      mlp(1, [64, 64], 1),
      config({ loss: 'mse', epochs: 80, batchSize: 32, optimizer: { type: 'adam', lr: 0.01 } }),
      data,
      kernels,
    );
    await trainer.run();
    const validation = trainer.history.at(-1)!.validation!;
    expect(validation.r2).toBeGreaterThan(0.9);
    expect(validation.mae).toBeLessThan(0.15);
  });

  it('binary cross-entropy trains a single-logit classifier', async () => {
    const { data } = prepareGenerated(spirals({ classes: 2, perClass: 200, noise: 0.1 }));
    const trainer = new Trainer(mlp(2, [32, 32], 1), config({ loss: 'bce_with_logits', epochs: 60 }), data, kernels);
    await trainer.run();
    expect(trainer.history.at(-1)!.validation!.accuracy).toBeGreaterThan(0.9);
  });
});

describe('a run that diverges', () => {
  it('stops at the first non-finite loss, blaming the learning rate too high for SGD', async () => {
    const { data } = prepareGenerated(noisyCurve({ count: 200 }));
    const trainer = new Trainer(
      mlp(1, [64, 64], 1),
      config({ loss: 'mse', epochs: 30, optimizer: { type: 'sgd', lr: 50, momentum: 0.9 } }),
      data,
      kernels,
    );
    const reported: BatchProgress[] = [];
    const outcome = await trainer.run({ onBatch: (progress) => reported.push(progress) });
    expect(outcome.status).toBe('diverged');
    if (outcome.status === 'diverged') {
      // Every step of the epoch it broke in before the broken one is reported, however fast: the climb is drawn.
      const steps = reported.filter((p) => p.epoch === outcome.at.epoch).map((p) => p.batch);
      expect(steps).toEqual(Array.from({ length: outcome.at.step - 1 }, (_, i) => i + 1));
      expect(reported.every((p) => Number.isFinite(p.loss))).toBe(true);
      expect(outcome.failure.code).toMatch(/^failure-diverged-(rate|gradients-rate)$/);
      expect(outcome.failure.params).toMatchObject({ learningRate: 50, optimizer: 'sgd', usualRate: 0.5 });
    }
    expect(trainer.epoch).toBeLessThan(30);
    expect(trainer.history.every((h) => Number.isFinite(h.trainLoss))).toBe(true);
  });
});

describe('training settings take effect', () => {
  it('L1 drives many weights to (near) zero where no penalty does not', async () => {
    const { data } = prepareGenerated(spirals({ perClass: 100 }));
    const smallWeights = async (l1: number) => {
      const trainer = new Trainer(
        mlp(2, [64], 3),
        config({ epochs: 30, l1, optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 } }),
        data,
        kernels,
      );
      await trainer.run();
      const w = trainer.session.model.params.find((p) => p.name === 'fc1.weight')!.value;
      return w.filter((v) => Math.abs(v) < 1e-2).length / w.length;
    };
    expect(await smallWeights(1e-2)).toBeGreaterThan((await smallWeights(0)) + 0.3);
  });

  it('early stopping ends the run and restores the best weights', async () => {
    const { data } = prepareGenerated(noisyCurve({ count: 60, noise: 0.4 }));
    const trainer = new Trainer(
      mlp(1, [200, 200], 1),
      config({
        loss: 'mse',
        epochs: 400,
        batchSize: 60,
        optimizer: { type: 'adam', lr: 0.01 },
        earlyStopping: { metric: 'val_loss', patience: 10, restoreBest: true },
      }),
      data,
      kernels,
    );
    const outcome = await trainer.run();
    expect(outcome.status).toBe('early-stopped');
    expect(trainer.epoch).toBeLessThan(400);
    const best = Math.min(...trainer.history.map((h) => h.validation!.loss));
    expect(trainer.evaluate(data.split.validation).loss).toBeCloseTo(best, 5);
  });

  it("the schedule sets each epoch's learning rate", async () => {
    const { data } = prepareGenerated(spirals({ perClass: 50 }));
    const trainer = new Trainer(
      mlp(2, [16], 3),
      config({ epochs: 6, schedule: { type: 'step', stepSize: 2, gamma: 0.5 } }),
      data,
      kernels,
    );
    await trainer.run();
    expect(trainer.history.map((h) => h.lr)).toEqual([0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025]);
  });
});
