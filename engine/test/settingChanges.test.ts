// Settings changed at a pause: a run paused, changed and resumed equals a run resumed from its checkpoint (the
// change replayed at the same step), bit for bit; and the change does change training.
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint } from '../core/io/checkpoint';
import { prepareGenerated } from '../core/data/prepare';
import { spirals } from '../core/data/samples';
import { Trainer, type TrainerSnapshot } from '../core/train/trainer';
import type { SettingsChangeRequest } from '../core/train/settingChanges';
import { loadKernels } from '../native';
import { config, mlp } from './models';

const kernels = loadKernels();
const data = prepareGenerated(spirals({ perClass: 60 })).data;
const spec = mlp(2, [24, 24], 3, (i) => [{ id: `drop${i + 1}`, op: 'dropout', params: { p: 0.2 } }]);
const cfg = config({
  epochs: 6,
  batchSize: 16,
  l2: 1e-4,
  schedule: { type: 'step', stepSize: 2, gamma: 0.5 },
  earlyStopping: { metric: 'val_loss', patience: 50 },
});
const change: SettingsChangeRequest = { learningRate: 0.003, l1: 1e-4, l2: 0, dropout: { drop2: 0.5 }, patience: 40 };

const weights = (t: Trainer) => Buffer.from(t.session.model.paramArena.slice().buffer);
const history = (t: Trainer) => JSON.stringify(t.history.map(({ seconds, samplesPerSecond, ...rest }) => rest));
/** Through the checkpoint file format, as the engine writes and reads it. */
const viaFile = (snapshot: TrainerSnapshot) =>
  decodeCheckpoint(encodeCheckpoint(snapshot, { spec, config: cfg, normalization: null, kind: 'last' })).snapshot;

/** Trains to the end, changing settings at the last batch of epoch `at`; returns the epoch-2 snapshot too. */
async function pausedAndChanged(at: number) {
  const trainer = new Trainer(spec, cfg, data, kernels);
  let saved: TrainerSnapshot | null = null;
  let batches = 0;
  await trainer.run({
    onEpoch: (m, t) => {
      if (m.epoch === 2) saved = t.snapshot();
    },
    onBatch: (p) => {
      batches = p.batch === p.batches && p.epoch === at ? -1 : batches;
    },
    checkpoint: async () => {
      if (batches === -1) {
        trainer.changeSettings(change);
        batches = 0;
      }
      return 'continue';
    },
  });
  // The engine rewrites the last checkpoint with the change list once a change is made.
  saved!.changes = [...trainer.settingChanges];
  return { trainer, saved: saved! };
}

describe('settings changed at a pause', () => {
  it('a run paused, changed and resumed equals one resumed from its checkpoint, bit for bit', async () => {
    const { trainer: live, saved } = await pausedAndChanged(3);
    expect(live.settingChanges.map((c) => [c.epoch, c.setting, c.nodeId, c.from, c.to])).toEqual([
      [3, 'learningRate', undefined, 0.005, 0.003],
      [3, 'l1', undefined, 0, 1e-4],
      [3, 'l2', undefined, 1e-4, 0],
      [3, 'dropout', 'drop2', 0.2, 0.5],
      [3, 'patience', undefined, 50, 40],
    ]);
    const resumed = new Trainer(spec, cfg, data, kernels);
    resumed.restore(viaFile(saved));
    await resumed.run();
    expect(weights(resumed).equals(weights(live))).toBe(true);
    expect(history(resumed)).toBe(history(live));
    // The schedule continued from the new rate: epoch 4 (index 3) keeps 0.003, epoch 5 crosses a step boundary and halves it.
    expect(live.history[3].lr).toBeCloseTo(0.003, 12);
    expect(live.history[4].lr).toBeCloseTo(0.0015, 12);
  });

  it('the change changes training (without it the weights differ)', async () => {
    const { trainer: live } = await pausedAndChanged(3);
    const plain = new Trainer(spec, cfg, data, kernels);
    await plain.run();
    expect(weights(plain).equals(weights(live))).toBe(false);
  });

  it('changes made when continuing from a checkpoint are replayed from it, before those still ahead', async () => {
    const { saved } = await pausedAndChanged(99);
    // A change made mid-epoch 3 before the run was stopped: still ahead of the checkpoint, replayed after the new ones.
    const ahead = { epoch: 3, step: saved.steps + 2, setting: 'l2' as const, from: 1e-4, to: 0.01 };
    const continued = new Trainer(spec, cfg, data, kernels);
    continued.restore(viaFile({ ...saved, changes: [ahead] }));
    const made = continued.changeSettings({ learningRate: 0.02, dropout: 0.1 });
    expect(made.map((c) => [c.epoch, c.step, c.setting])).toEqual([
      [3, saved.steps, 'learningRate'],
      [3, saved.steps, 'dropout'],
      [3, saved.steps, 'dropout'],
    ]);
    expect(continued.settingChanges.at(-1)).toEqual(ahead);
    await continued.run();
    const replayed = new Trainer(spec, cfg, data, kernels);
    replayed.restore(viaFile({ ...saved, changes: [...continued.settingChanges] }));
    await replayed.run();
    expect(weights(replayed).equals(weights(continued))).toBe(true);
    expect(history(replayed)).toBe(history(continued));
  });
});
