// Frozen layers (spec `trainable: false`): no update, no optimizer state, no weight decay, batch norm on its
// running statistics; and frozen runs stay bitwise reproducible across thread counts and resume.
import { afterAll, describe, expect, it } from 'vitest';
import { prepareGenerated } from '../core/data/prepare';
import { shapes, spirals } from '../core/data/samples';
import { analyze } from '../core/spec/analyze';
import { summarize } from '../core/spec/summary';
import type { ModelSpec } from '../core/spec/types';
import type { TrainConfig } from '../core/train/config';
import type { TrainingData } from '../core/train/data';
import { Trainer, type TrainerSnapshot } from '../core/train/trainer';
import { loadKernels } from '../native';
import { config, mlp, smallCnn } from './models';

const kernels = loadKernels();
const defaultThreads = kernels.threads();
afterAll(() => kernels.setThreads(defaultThreads));

/** The spec with the named nodes frozen. */
function frozen(spec: ModelSpec, ids: string[]): ModelSpec {
  return { ...spec, nodes: spec.nodes.map((n) => (ids.includes(n.id) ? { ...n, trainable: false } : n)) };
}

/** Every named tensor's bytes (parameters and running statistics). */
function tensorBytes(trainer: Trainer): Map<string, Buffer> {
  const bytes = new Map<string, Buffer>();
  for (const [name, t] of trainer.session.model.namedTensors()) bytes.set(name, Buffer.from(t.value.slice().buffer));
  return bytes;
}

const strip = (t: Trainer) => JSON.stringify(t.history.map(({ seconds, samplesPerSecond, ...rest }) => rest));

describe('frozen layers', () => {
  const cnnData = prepareGenerated(shapes({ size: 12, perClass: 30 })).data;
  const cnnConfig = config({
    epochs: 2,
    batchSize: 16,
    optimizer: { type: 'adamw', lr: 0.01, weightDecay: 0.05 },
    clipping: { maxNorm: 5 },
    l2: 1e-3,
    l1: 1e-4,
    l1IncludeBias: true,
  });
  const cnn = frozen(smallCnn(1, 12, 4), ['conv1', 'bn1']);

  it('get no update, no weight decay or penalty, and frozen batch norm keeps its running statistics', async () => {
    const trainer = new Trainer(cnn, cnnConfig, cnnData, kernels);
    const before = tensorBytes(trainer);
    await trainer.run();
    const after = tensorBytes(trainer);
    for (const name of ['conv1.weight', 'conv1.bias', 'bn1.weight', 'bn1.bias', 'bn1.running_mean', 'bn1.running_var'])
      expect(Buffer.compare(after.get(name)!, before.get(name)!), name).toBe(0);
    for (const name of ['conv2.weight', 'conv2.bias', 'out.weight', 'out.bias'])
      expect(Buffer.compare(after.get(name)!, before.get(name)!), name).not.toBe(0);
  });

  it('keep no optimizer state: the buffers cover only the trainable parameters', () => {
    const model = (spec: ModelSpec) => new Trainer(spec, cnnConfig, cnnData, kernels).session;
    const all = model(smallCnn(1, 12, 4));
    const some = model(cnn);
    const frozenSize = 8 * 1 * 3 * 3 + 8 + 2 * 8; // conv1 weight and bias, bn1 gamma and beta
    expect(all.model.trainableLength).toBe(all.model.paramArena.length);
    expect(some.model.trainableLength).toBeLessThanOrEqual(some.model.paramArena.length - frozenSize);
    for (const buffer of Object.values(some.optimizer.state().buffers))
      expect(buffer.length).toBe(some.model.trainableLength);
  });

  it('refuse to train when every layer with parameters is frozen', () => {
    const spec = frozen(mlp(2, [8], 3), ['fc1', 'out']);
    expect(() => new Trainer(spec, cnnConfig, prepareGenerated(spirals({ perClass: 10 })).data, kernels)).toThrow(
      /every layer with parameters is frozen/,
    );
  });

  it('are counted apart in the analysis and the summary', () => {
    const analysis = analyze(cnn);
    expect(analysis.nodes.conv1.frozen).toBe(true);
    expect(analysis.nodes.conv2.frozen).toBe(false);
    expect(analysis.frozenParams).toBe(8 * 9 + 8 + 16);
    const summary = summarize(cnn, analysis);
    expect(summary.frozenParams).toBe(96);
    expect(summary.trainableParams).toBe(analysis.totalParams - 96);
    expect(summary.rows.find((r) => r.nodeId === 'bn1')!.frozen).toBe(true);
  });

  it('refuse a trainable that is not true or false, naming the node', () => {
    const spec = mlp(2, [8], 3);
    spec.nodes[1] = { ...spec.nodes[1], trainable: 'no' as never };
    const problems = analyze(spec).problems;
    expect(problems).toEqual([expect.objectContaining({ nodeId: 'fc1', reason: 'trainable-not-bool' })]);
  });

  async function train(spec: ModelSpec, cfg: TrainConfig, data: TrainingData, threads: number) {
    kernels.setThreads(threads);
    const trainer = new Trainer(spec, cfg, data, kernels);
    await trainer.run();
    return trainer;
  }

  it('give identical bytes with 1 and 2 threads', async () => {
    const one = await train(cnn, cnnConfig, cnnData, 1);
    const two = await train(cnn, cnnConfig, cnnData, 2);
    expect(
      Buffer.compare(
        Buffer.from(one.session.model.paramArena.buffer),
        Buffer.from(two.session.model.paramArena.buffer),
      ),
    ).toBe(0);
    expect(strip(one)).toBe(strip(two));
    const data = prepareGenerated(spirals({ perClass: 40 })).data;
    const mlpConfig = config({ epochs: 2, batchSize: 10, optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 } });
    const spec = frozen(mlp(2, [64, 32], 3), ['fc1']);
    const a = await train(spec, mlpConfig, data, 1);
    const b = await train(spec, mlpConfig, data, 2);
    expect(
      Buffer.compare(Buffer.from(a.session.model.paramArena.buffer), Buffer.from(b.session.model.paramArena.buffer)),
    ).toBe(0);
  });

  it('resume from a snapshot exactly like an uninterrupted run', async () => {
    const cfg = { ...cnnConfig, epochs: 3 };
    kernels.setThreads(defaultThreads);
    const straight = new Trainer(cnn, cfg, cnnData, kernels);
    await straight.run();
    const first = new Trainer(cnn, cfg, cnnData, kernels);
    let saved: TrainerSnapshot | null = null;
    let batchesAfter = 0;
    await first.run({
      onEpoch: (m, t) => {
        if (m.epoch === 1) saved = t.snapshot();
      },
      onBatch: () => {
        if (saved) batchesAfter++;
      },
      checkpoint: async () => (saved && batchesAfter > 0 ? 'stop' : 'continue'),
    });
    const resumed = new Trainer(cnn, cfg, cnnData, kernels);
    resumed.restore(saved!);
    await resumed.run();
    expect(
      Buffer.compare(
        Buffer.from(resumed.session.model.paramArena.buffer),
        Buffer.from(straight.session.model.paramArena.buffer),
      ),
    ).toBe(0);
    expect(strip(resumed)).toBe(strip(straight));
  });
});
