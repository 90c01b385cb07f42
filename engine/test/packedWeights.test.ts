// Eval-mode predictions read each dense layer's weight from a copy packed once per weights version: after every way
// the engine writes weights (optimizer steps, a training run with its validation passes, early stopping's restore of
// the best weights, a checkpoint restored, weights loaded for fine-tuning, settings changed at a pause, writes through
// the model's own views), the next prediction is bitwise that of a model built afresh with the same weights.
import { afterAll, describe, expect, it } from 'vitest';
import { prepareGenerated } from '../core/data/prepare';
import { spirals } from '../core/data/samples';
import { decodeCheckpoint, encodeCheckpoint } from '../core/io/checkpoint';
import { decodeSafetensors, encodeSafetensors } from '../core/io/safetensors';
import { applyWeights } from '../core/io/weightsMatch';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import type { ModelSpec } from '../core/spec/types';
import type { TrainConfig } from '../core/train/config';
import { createTrainingSession, type TrainingSession } from '../core/train/session';
import { Trainer } from '../core/train/trainer';
import { loadKernels } from '../native';
import { expectBitwise } from '../native/testing';
import { config as baseConfig, mlp } from './models';

const kernels = loadKernels();
const initialThreads = kernels.threads();
afterAll(() => kernels.setThreads(initialThreads));

// Hidden layers at least as wide as any ISA's register tile (32 columns) and batches over 4, so every dense layer but
// the classifier runs on its packed copy.
const spec: ModelSpec = mlp(2, [64, 48], 3);
const batch = 32;
const config = (overrides: Partial<TrainConfig> = {}) =>
  baseConfig({ batchSize: batch, epochs: 3, optimizer: { type: 'adam', lr: 0.05 }, ...overrides });
const { data } = prepareGenerated(spirals({ perClass: 60 }));
const x = (() => {
  const rng = new Rng(3);
  return new Float32Array(batch * 2).map(() => rng.normal());
})();

/**
 * The prediction of a model built now, which has packed nothing, holding `session`'s current tensors. Call it after
 * the prediction under test: taking the tensors counts as a change to `session`'s weights.
 */
function freshPrediction(session: TrainingSession, modelSpec = spec): Float32Array {
  const fresh = createTrainingSession(modelSpec, config({ seed: 99 }), kernels);
  const tensors = new Map(
    [...session.model.namedTensors()].map(([name, t]) => [name, { shape: t.shape, data: t.value.slice() }]),
  );
  fresh.model.loadTensors(tensors);
  return fresh.predict(x, batch).slice();
}

/** Predicts (packing every dense layer's weight), changes the weights by `write`, then checks the next prediction. */
function expectSeenAfter(session: TrainingSession, write: () => void, modelSpec = spec): void {
  const before = session.predict(x, batch).slice();
  write();
  const after = session.predict(x, batch).slice();
  expect(after).not.toEqual(before); // the write changed the weights, so a stale copy would show
  expectBitwise(after, freshPrediction(session, modelSpec));
}

function targets(rng: Rng): Int32Array {
  return Int32Array.from({ length: batch }, () => rng.int(3));
}

describe('packed dense weights follow every write', () => {
  it('predict on a new model gives the unpacked, unfused bits of a training-mode forward', () => {
    for (const threads of [1, 2, 3]) {
      kernels.setThreads(threads);
      const session = createTrainingSession(spec, config(), kernels);
      const predicted = session.predict(x, batch).slice();
      session.model.input.data.set(x);
      expectBitwise(predicted, session.model.forward(batch, true, 0).slice());
    }
  });

  for (const optimizer of [
    { type: 'sgd', lr: 0.1, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
    { type: 'adagrad', lr: 0.1 },
    { type: 'rmsprop', lr: 0.01 },
  ] as const) {
    it(`after a ${optimizer.type} step`, () => {
      const session = createTrainingSession(spec, config({ optimizer }), kernels);
      const rng = new Rng(11);
      expectSeenAfter(session, () => session.step(x, targets(rng), batch));
    });
  }

  it('after a training run whose validation passes predicted between its steps, on 1 to 3 threads', async () => {
    for (const threads of [1, 2, 3]) {
      kernels.setThreads(threads);
      const trainer = new Trainer(spec, config(), data, kernels);
      const session = trainer.session;
      await trainer.run();
      expect(trainer.history.length).toBe(3); // three epochs, each ending with a validation pass
      expectBitwise(session.predict(x, batch).slice(), freshPrediction(session));
    }
  });

  it("after early stopping puts the best epoch's weights back", async () => {
    const trainer = new Trainer(
      spec,
      config({
        epochs: 30,
        optimizer: { type: 'sgd', lr: 2 }, // unsteady, so a later epoch is worse than the best one
        earlyStopping: { metric: 'val_loss', patience: 1, restoreBest: true },
      }),
      data,
      kernels,
    );
    const outcome = await trainer.run();
    expect(outcome.status).toBe('early-stopped');
    if (outcome.status !== 'early-stopped') return;
    expect(outcome.weightsEpoch).toBeLessThan(trainer.epoch); // the weights were written back after the last pass
    expectBitwise(trainer.session.predict(x, batch).slice(), freshPrediction(trainer.session));
  });

  it('after a checkpoint is restored', async () => {
    const source = new Trainer(spec, config({ epochs: 1 }), data, kernels);
    await source.run();
    const file = encodeCheckpoint(source.snapshot(), {
      spec,
      config: config({ epochs: 1 }),
      normalization: null,
      kind: 'last',
    });
    const restored = new Trainer(spec, config({ seed: 5 }), data, kernels);
    expectSeenAfter(restored.session, () => restored.restore(decodeCheckpoint(file).snapshot));
    expectBitwise(restored.session.predict(x, batch).slice(), source.session.predict(x, batch).slice());
  });

  it('after weights are loaded from a file to fine-tune (frozen first layer)', () => {
    const frozen: ModelSpec = {
      ...spec,
      nodes: spec.nodes.map((n) => (n.id === 'fc1' ? { ...n, trainable: false } : n)),
    };
    const other = createTrainingSession(frozen, config({ seed: 12 }), kernels);
    const file = decodeSafetensors(
      encodeSafetensors(
        new Map(
          [...other.model.namedTensors()].map(([name, t]) => [name, { dtype: 'F32' as const, ...t, data: t.value }]),
        ),
      ),
    );
    const session = createTrainingSession(frozen, config(), kernels);
    const copies = [...file.tensors.keys()].map((name) => ({ from: name, to: name }));
    expectSeenAfter(session, () => applyWeights(session.model.namedTensors(), file.tensors, copies), frozen);
    const rng = new Rng(4);
    expectSeenAfter(session, () => session.step(x, targets(rng), batch), frozen); // the layers that still train
  });

  it('after settings are changed at a pause and the run goes on', async () => {
    const trainer = new Trainer(spec, config({ epochs: 3 }), data, kernels);
    let paused: Float32Array | null = null;
    await trainer.run({
      onEpoch: (metrics) => {
        if (metrics.epoch !== 1) return;
        trainer.changeSettings({ learningRate: 0.01, l2: 0.001 });
        paused = trainer.session.predict(x, batch).slice(); // a live view asks while paused
      },
    });
    expect(paused).not.toBeNull();
    const after = trainer.session.predict(x, batch).slice();
    expect(after).not.toEqual(paused);
    expectBitwise(after, freshPrediction(trainer.session));
  });

  it('packs once per validation pass, not per batch: the version stands while a pass predicts', async () => {
    const versions: number[] = [];
    const counting: Kernels = {
      ...kernels,
      denseReluForward: (...args: Parameters<Kernels['denseReluForward']>) => {
        if (args[7]) versions.push(args[8]!);
        kernels.denseReluForward(...args);
      },
    };
    const { data: larger } = prepareGenerated(spirals({ perClass: 200 })); // 90 validation rows: 3 batches a pass
    const trainer = new Trainer(spec, config({ epochs: 3 }), larger, counting);
    await trainer.run();
    const distinct = new Set(versions);
    expect(versions.length).toBeGreaterThanOrEqual(3 * 3 * 2); // 3 passes of 3 batches through 2 dense → ReLU layers
    expect(distinct.size).toBeLessThanOrEqual(3 + 1); // one version per epoch's pass, and the test split's at the end
  });

  it("after writes through the model's arena, its parameter tensors, or its named tensors", () => {
    const session = createTrainingSession(spec, config(), kernels);
    const { model } = session;
    expectSeenAfter(session, () => model.paramArena.fill(0.01));
    expectSeenAfter(session, () => model.params.find((p) => p.name === 'fc2.weight')!.value.fill(-0.02));
    expectSeenAfter(session, () => model.namedTensors().get('fc1.weight')!.value.fill(0.03));
    expectSeenAfter(session, () =>
      model.loadTensors(
        new Map([...model.namedTensors()].map(([name, t]) => [name, { shape: t.shape, data: t.value.map((v) => -v) }])),
      ),
    );
    const view = model.paramArena; // a view kept across predictions: its writer says so
    expectSeenAfter(session, () => {
      view.fill(0.05, 0, 64);
      model.weightsChanged();
    });
  });
});
