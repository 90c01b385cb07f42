// Checkpoints carry the whole training state, and loading refuses weights that do not fit the graph.
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { config, mlp } from '../../test/models';
import { prepareGenerated } from '../data/prepare';
import { spirals } from '../data/samples';
import { Trainer } from '../train/trainer';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';

const kernels = loadKernels();

describe('checkpoints', () => {
  const { manifest, data } = prepareGenerated(spirals({ perClass: 40 }));
  const spec = mlp(2, [8], 3);
  const cfg = config({ epochs: 2, optimizer: { type: 'adam', lr: 0.01 }, earlyStopping: { metric: 'val_loss', patience: 5, restoreBest: true } });

  it('round-trips weights, optimizer state, RNG, schedule, history, spec, config and normalization', async () => {
    const trainer = new Trainer(spec, cfg, data, kernels);
    await trainer.run();
    const snapshot = trainer.snapshot();
    const bytes = encodeCheckpoint(snapshot, { spec, config: cfg, normalization: manifest.normalization, kind: 'last' });
    const { snapshot: back, info } = decodeCheckpoint(bytes, 'last.safetensors');
    expect(info).toEqual({ spec, config: cfg, normalization: manifest.normalization, kind: 'last' });
    expect(back.epoch).toBe(2);
    expect(back.steps).toBe(snapshot.steps);
    expect(back.shuffleRng).toEqual(snapshot.shuffleRng);
    expect(back.schedule).toEqual(snapshot.schedule);
    expect(back.earlyStopping).toEqual(snapshot.earlyStopping);
    expect(back.history).toEqual(JSON.parse(JSON.stringify(snapshot.history)));
    for (const [name, t] of snapshot.tensors) expect([...back.tensors.get(name)!.value]).toEqual([...t.value]);
    for (const [name, v] of Object.entries(snapshot.optimizer)) expect([...back.optimizer[name]]).toEqual([...v]);
    expect(back.best?.epoch).toBe(snapshot.best?.epoch);
  });

  it('refuses weights from another graph, naming the tensor that differs', async () => {
    const trainer = new Trainer(spec, cfg, data, kernels);
    const bytes = encodeCheckpoint(trainer.snapshot(), { spec, config: cfg, normalization: null, kind: 'manual' });
    const wider = new Trainer(mlp(2, [16], 3), cfg, data, kernels);
    expect(() => wider.restore(decodeCheckpoint(bytes).snapshot)).toThrow("tensor 'fc1.weight' has shape [8, 2], the model needs [16, 2]");
  });

  it('refuses a file that is not a Netwright checkpoint', () => {
    expect(() => decodeCheckpoint(new Uint8Array(16), 'x.safetensors')).toThrow(/x.safetensors/);
  });
});
