// Same seed, spec, data and settings give bit-identical weights and metrics, with 1 or 2 threads; and a run
// restored from a snapshot continues exactly like one that never stopped.
import { afterAll, describe, expect, it } from 'vitest';
import { prepareGenerated } from '../core/data/prepare';
import { shapes, spirals } from '../core/data/samples';
import type { ModelSpec } from '../core/spec/types';
import type { TrainConfig } from '../core/train/config';
import type { TrainingData } from '../core/train/data';
import { Trainer, type TrainerSnapshot } from '../core/train/trainer';
import { loadKernels } from '../native';
import { config, mlp, smallCnn } from './models';

const kernels = loadKernels();
const defaultThreads = kernels.threads();
afterAll(() => kernels.setThreads(defaultThreads));

async function train(spec: ModelSpec, cfg: TrainConfig, data: TrainingData, threads: number) {
  kernels.setThreads(threads);
  const trainer = new Trainer(spec, cfg, data, kernels);
  await trainer.run();
  return {
    weights: new Uint8Array(trainer.session.model.paramArena.slice().buffer),
    history: JSON.stringify(trainer.history.map(({ seconds, samplesPerSecond, ...rest }) => rest)),
  };
}

describe('determinism', () => {
  const cnnData = prepareGenerated(shapes({ size: 12, perClass: 40 })).data;
  const cnnConfig = config({
    epochs: 2,
    batchSize: 16,
    optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 },
    clipping: { maxNorm: 5 },
    l2: 1e-4,
  });
  const mlpData = prepareGenerated(spirals({ perClass: 60 })).data;
  const mlpConfig = config({
    epochs: 3,
    batchSize: 10,
    optimizer: { type: 'adamw', lr: 0.01, weightDecay: 0.01 },
    l1: 1e-4,
  });

  it('the same CNN run twice gives identical bytes', async () => {
    const a = await train(smallCnn(1, 12, 4), cnnConfig, cnnData, 2);
    const b = await train(smallCnn(1, 12, 4), cnnConfig, cnnData, 2);
    expect(Buffer.compare(a.weights, b.weights)).toBe(0);
    expect(a.history).toBe(b.history);
  });

  it('a CNN run gives identical bytes with 1 and 2 threads', async () => {
    const one = await train(smallCnn(1, 12, 4), cnnConfig, cnnData, 1);
    const two = await train(smallCnn(1, 12, 4), cnnConfig, cnnData, 2);
    expect(Buffer.compare(one.weights, two.weights)).toBe(0);
    expect(one.history).toBe(two.history);
  });

  it('an MLP run gives identical bytes with 1 and 2 threads', async () => {
    const one = await train(mlp(2, [96, 64], 3), mlpConfig, mlpData, 1);
    const two = await train(mlp(2, [96, 64], 3), mlpConfig, mlpData, 2);
    expect(Buffer.compare(one.weights, two.weights)).toBe(0);
    expect(one.history).toBe(two.history);
  });

  it('a different seed gives different weights', async () => {
    const a = await train(mlp(2, [16], 3), mlpConfig, mlpData, 2);
    const b = await train(mlp(2, [16], 3), { ...mlpConfig, seed: mlpConfig.seed + 1 }, mlpData, 2);
    expect(Buffer.compare(a.weights, b.weights)).not.toBe(0);
  });

  it('a restored snapshot continues exactly like an uninterrupted run', async () => {
    const spec = smallCnn(1, 12, 4);
    const cfg = { ...cnnConfig, epochs: 4, schedule: { type: 'step' as const, stepSize: 1, gamma: 0.7 } };
    const straight = new Trainer(spec, cfg, cnnData, kernels);
    await straight.run();

    // Snapshot at the end of epoch 2 (as the engine's checkpoints are taken), then stop partway into epoch 3.
    const first = new Trainer(spec, cfg, cnnData, kernels);
    let saved: TrainerSnapshot | null = null;
    let batchesAfter = 0;
    await first.run({
      onEpoch: (m, t) => {
        if (m.epoch === 2) saved = t.snapshot();
      },
      onBatch: () => {
        if (saved) batchesAfter++;
      },
      checkpoint: async () => (saved && batchesAfter > 0 ? 'stop' : 'continue'),
    });
    expect(saved).not.toBeNull();
    const resumed = new Trainer(spec, cfg, cnnData, kernels);
    resumed.restore(saved!);
    await resumed.run();
    expect(
      Buffer.compare(
        new Uint8Array(resumed.session.model.paramArena.buffer),
        new Uint8Array(straight.session.model.paramArena.buffer),
      ),
    ).toBe(0);
    const strip = (t: Trainer) => JSON.stringify(t.history.map(({ seconds, samplesPerSecond, ...rest }) => rest));
    expect(strip(resumed)).toBe(strip(straight));
  });

  describe('with image augmentation', () => {
    const augmentation = {
      horizontalFlip: 0.5,
      verticalFlip: 0.2,
      cropPadding: 2,
      rotationDegrees: 10,
      brightness: 0.2,
      contrast: 0.2,
      cutoutSize: 3,
      cutoutCount: 1,
    };
    const augmented = { ...cnnConfig, augmentation };

    it('gives identical bytes with 1 and 2 threads, and differs from a run without it', async () => {
      const one = await train(smallCnn(1, 12, 4), augmented, cnnData, 1);
      const two = await train(smallCnn(1, 12, 4), augmented, cnnData, 2);
      expect(Buffer.compare(one.weights, two.weights)).toBe(0);
      expect(one.history).toBe(two.history);
      const plain = await train(smallCnn(1, 12, 4), cnnConfig, cnnData, 2);
      expect(Buffer.compare(one.weights, plain.weights)).not.toBe(0);
    });

    it('a restored snapshot continues exactly like an uninterrupted run', async () => {
      const spec = smallCnn(1, 12, 4);
      const cfg = { ...augmented, epochs: 3 };
      const straight = new Trainer(spec, cfg, cnnData, kernels);
      await straight.run();
      const first = new Trainer(spec, cfg, cnnData, kernels);
      let saved: TrainerSnapshot | null = null;
      await first.run({
        onEpoch: (m, t) => {
          if (m.epoch === 1) saved = t.snapshot();
        },
        checkpoint: async () => (saved ? 'stop' : 'continue'),
      });
      const resumed = new Trainer(spec, cfg, cnnData, kernels);
      resumed.restore(saved!);
      await resumed.run();
      expect(
        Buffer.compare(
          new Uint8Array(resumed.session.model.paramArena.buffer),
          new Uint8Array(straight.session.model.paramArena.buffer),
        ),
      ).toBe(0);
    });

    it('evaluates the validation split unaugmented', async () => {
      const trainer = new Trainer(smallCnn(1, 12, 4), { ...augmented, epochs: 1 }, cnnData, kernels);
      const before = trainer.evaluate(cnnData.split.validation);
      const plain = new Trainer(smallCnn(1, 12, 4), { ...cnnConfig, epochs: 1 }, cnnData, kernels);
      expect(JSON.stringify(before)).toBe(JSON.stringify(plain.evaluate(cnnData.split.validation)));
    });

    it('refuses a table with augmentation on', () => {
      expect(() => new Trainer(mlp(2, [8], 3), { ...mlpConfig, augmentation }, mlpData, kernels)).toThrow(
        /augmentation-needs-images.*\[2\]/,
      );
    });
  });
});
