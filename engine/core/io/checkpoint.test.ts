// Checkpoints carry the whole training state, and loading refuses weights that do not fit the graph.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { config, mlp } from '../../test/models';
import { prepareGenerated } from '../data/prepare';
import { spirals } from '../data/samples';
import { Trainer } from '../train/trainer';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { CheckpointError } from './checkpointProblems';
import { decodeSafetensors, encodeSafetensors, type NamedArray } from './safetensors';

const kernels = loadKernels();

describe('checkpoints', () => {
  const { manifest, data } = prepareGenerated(spirals({ perClass: 40 }));
  const spec = mlp(2, [8], 3);
  const cfg = config({
    epochs: 2,
    optimizer: { type: 'adam', lr: 0.01 },
    earlyStopping: { metric: 'val_loss', patience: 5, restoreBest: true },
  });

  it('round-trips weights, optimizer state, RNG, schedule, history, spec, config and normalization', async () => {
    const trainer = new Trainer(spec, cfg, data, kernels);
    await trainer.run();
    const snapshot = trainer.snapshot();
    const bytes = encodeCheckpoint(snapshot, {
      spec,
      config: cfg,
      normalization: manifest.normalization,
      kind: 'last',
    });
    const { snapshot: back, info } = decodeCheckpoint(bytes, 'last.safetensors');
    expect(info).toEqual({
      spec,
      config: cfg,
      normalization: manifest.normalization,
      targetNormalization: null,
      kind: 'last',
    });
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

  it('carries the targets’ standardization, and reads none from a checkpoint written before it', () => {
    const trainer = new Trainer(spec, cfg, data, kernels);
    const targetNormalization = { mean: [130_000], std: [22_360.5] };
    const info = { spec, config: cfg, normalization: null, targetNormalization, kind: 'manual' as const };
    expect(decodeCheckpoint(encodeCheckpoint(trainer.snapshot(), info)).info.targetNormalization).toEqual(
      targetNormalization,
    );
    // A checkpoint of an earlier version: no target_normalization field at all.
    const { tensors, metadata } = decodeSafetensors(encodeCheckpoint(trainer.snapshot(), info), 'x');
    delete metadata.target_normalization;
    const earlier = encodeSafetensors(tensors as Map<string, NamedArray>, metadata);
    expect(decodeCheckpoint(earlier).info.targetNormalization).toBeNull();
    metadata.target_normalization = JSON.stringify({ mean: [1], std: [-1] });
    expect(() => decodeCheckpoint(encodeSafetensors(tensors as Map<string, NamedArray>, metadata), 'c.st')).toThrow(
      /c\.st.*target_normalization/,
    );
  });

  it('refuses weights from another graph, naming the tensor that differs', async () => {
    const trainer = new Trainer(spec, cfg, data, kernels);
    const bytes = encodeCheckpoint(trainer.snapshot(), { spec, config: cfg, normalization: null, kind: 'manual' });
    const wider = new Trainer(mlp(2, [16], 3), cfg, data, kernels);
    expect(() => wider.restore(decodeCheckpoint(bytes).snapshot)).toThrow(
      "tensor 'fc1.weight' has shape [8, 2], the model needs [16, 2]",
    );
  });

  it('refuses a file that is not a Netwright checkpoint', () => {
    expect(() => decodeCheckpoint(new Uint8Array(16), 'x.safetensors')).toThrow(/x.safetensors/);
  });

  describe('every load checks the whole file, naming the file and the tensor or field', () => {
    let good: Uint8Array;
    beforeAll(async () => {
      const trainer = new Trainer(spec, cfg, data, kernels);
      await trainer.run(); // two epochs: the file holds best weights and optimizer state too
      good = encodeCheckpoint(trainer.snapshot(), {
        spec,
        config: cfg,
        normalization: manifest.normalization,
        kind: 'last',
      });
    });

    /** The good checkpoint with tensors and metadata changed as `edit` says. */
    function damaged(edit: (tensors: Map<string, NamedArray>, metadata: Record<string, string>) => void): Uint8Array {
      const { tensors, metadata } = decodeSafetensors(good);
      edit(tensors, metadata);
      return encodeSafetensors(tensors, metadata);
    }

    function problem(bytes: Uint8Array): CheckpointError {
      try {
        decodeCheckpoint(bytes, 'run/last.safetensors');
      } catch (error) {
        expect(error).toBeInstanceOf(CheckpointError);
        return error as CheckpointError;
      }
      throw new Error('the damaged checkpoint was accepted');
    }

    it('accepts the checkpoint as written', () => {
      expect(decodeCheckpoint(good, 'run/last.safetensors').snapshot.tensors.get('fc1.weight')!.shape).toEqual([8, 2]);
    });

    it('refuses a weight stored as int32 instead of loading its bits as floats', () => {
      const bytes = damaged((t) => {
        const w = t.get('fc1.weight')!;
        t.set('fc1.weight', {
          dtype: 'I32',
          shape: w.shape,
          data: Int32Array.from(w.data as Float32Array, (v) => Math.round(v * 1000)),
        });
      });
      const e = problem(bytes);
      expect(e.code).toBe('checkpoint-tensor-dtype');
      expect(e.params).toMatchObject({ file: 'run/last.safetensors', tensor: 'fc1.weight', dtype: 'I32' });
      expect(e.message).toBe("run/last.safetensors: tensor 'fc1.weight' is I32, but weights must be F32 (float32)");
    });

    it('refuses NaN or infinite values in the weights, the best weights and the optimizer state', () => {
      const poisoned = (name: string, value: number) =>
        damaged((t) => {
          const copy = Float32Array.from(t.get(name)!.data as Float32Array);
          copy[3] = value;
          t.set(name, { ...t.get(name)!, data: copy });
        });
      expect(problem(poisoned('fc1.bias', NaN)).params).toMatchObject({ tensor: 'fc1.bias', index: 3, value: 'NaN' });
      expect(problem(poisoned('fc1.bias', NaN)).code).toBe('checkpoint-tensor-not-finite');
      expect(problem(poisoned('best.out.weight', -Infinity)).params).toMatchObject({
        tensor: 'best.out.weight',
        value: '-Infinity',
      });
      const optimizerBuffer = [...decodeSafetensors(good).tensors.keys()].find((k) => k.startsWith('optimizer.'))!;
      expect(problem(poisoned(optimizerBuffer, Infinity)).params).toMatchObject({
        tensor: optimizerBuffer,
        value: 'Infinity',
      });
    });

    it('refuses a tensor whose shape is not the one the spec gives it, even with the right number of values', () => {
      const e = problem(
        damaged((t) => {
          t.set('fc1.weight', { ...t.get('fc1.weight')!, shape: [2, 8] });
        }),
      );
      expect(e.code).toBe('checkpoint-tensor-shape');
      expect(e.params).toMatchObject({ tensor: 'fc1.weight', shape: '[2, 8]', expected: '[8, 2]' });
    });

    it('refuses a missing or a foreign tensor', () => {
      expect(problem(damaged((t) => t.delete('out.weight'))).params).toMatchObject({ tensor: 'out.weight' });
      const extra = problem(
        damaged((t) => t.set('fc9.weight', { dtype: 'F32', shape: [1], data: new Float32Array(1) })),
      );
      expect(extra.code).toBe('checkpoint-tensor-unexpected');
      expect(extra.params.tensor).toBe('fc9.weight');
    });

    it('names the metadata field that is corrupt, missing or of the wrong kind', () => {
      const corrupt = problem(
        damaged((_, m) => {
          m.history = '{,';
        }),
      );
      expect(corrupt.code).toBe('checkpoint-field-invalid');
      expect(corrupt.params).toMatchObject({ file: 'run/last.safetensors', field: 'history' });
      expect(corrupt.message).toMatch(/^run\/last.safetensors: .*'history'/);
      expect(
        problem(
          damaged((_, m) => {
            delete m.config;
          }),
        ).params,
      ).toMatchObject({ field: 'config' });
      expect(
        problem(
          damaged((_, m) => {
            delete m.config;
          }),
        ).code,
      ).toBe('checkpoint-field-missing');
      for (const [field, value] of [
        ['epoch', '-1'],
        ['steps', '1.5'],
        ['learning_rate', 'null'],
        ['rng', '[1,2]'],
        ['schedule', '3'],
        ['kind', 'newest'],
        ['normalization', '{"axis":"feature","mean":[0],"std":[]}'],
        ['config', '{}'],
        ['spec', '{"version":1,"nodes":[],"edges":[]}'],
        ['best_epoch', 'x'],
      ]) {
        expect(
          problem(
            damaged((_, m) => {
              m[field] = value;
            }),
          ).params.field,
          field,
        ).toBe(field);
      }
    });
  });
});
