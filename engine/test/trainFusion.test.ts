// Training runs a batch norm and the ReLU it alone feeds as one kernel each way (train/trainPlan.ts): losses,
// weights, running statistics and gradients are bitwise those of running every layer alone, for 1 and 2 threads,
// and a batch norm whose output has another reader, or that is frozen, keeps the ReLU apart.
import { afterAll, describe, expect, it } from 'vitest';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import type { ModelSpec } from '../core/spec/types';
import { createTrainingSession } from '../core/train/session';
import { loadKernels } from '../native';
import { expectBitwise } from '../native/testing';
import { counted } from './countedKernels';
import { chain, config } from './models';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/** conv → BN → ReLU twice (the second BN also feeding a residual add), then dense → BN1d → ReLU → dense. */
function network(frozen: string[] = []): ModelSpec {
  const spec = chain([
    { id: 'input', op: 'input', params: { shape: [3, 10, 10] } },
    { id: 'conv1', op: 'conv2d', params: { filters: 6, kernelSize: 3, padding: 1 } },
    { id: 'bn1', op: 'batchnorm2d' },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv2d', params: { filters: 6, kernelSize: 3, padding: 1 } },
    { id: 'bn2', op: 'batchnorm2d' },
    { id: 'relu2', op: 'relu' },
    { id: 'sum', op: 'add' },
    { id: 'pool', op: 'maxpool2d', params: { kernelSize: 2 } },
    { id: 'flatten', op: 'flatten' },
    { id: 'fc1', op: 'dense', params: { units: 12 } },
    { id: 'bn3', op: 'batchnorm1d' },
    { id: 'relu3', op: 'relu' },
    { id: 'out', op: 'dense', params: { units: 4 } },
  ]);
  spec.edges.push({ from: 'bn2', to: 'sum' });
  spec.nodes = spec.nodes.map((n) => (frozen.includes(n.id) ? { ...n, trainable: false } : n));
  return spec;
}

/** Five Adam steps on seeded batches: every loss, then the weights, running statistics, gradients and output. */
function train(spec: ModelSpec, fuseTraining: boolean, kernels: Kernels = native): Float32Array[] {
  const batch = 6;
  const session = createTrainingSession(spec, config({ batchSize: batch }), kernels, { fuseTraining });
  const rng = new Rng(3);
  const losses = new Float32Array(5);
  for (let step = 0; step < 5; step++) {
    const x = new Float32Array(batch * 300).map(() => rng.normal());
    const targets = Int32Array.from({ length: batch }, () => Math.floor(rng.uniform() * 4));
    losses[step] = session.step(x, targets, batch);
  }
  const { model } = session;
  return [losses, model.paramArena, model.gradArena, ...model.states.map((s) => s.value), model.output.data];
}

describe('training fusion of batch norm → ReLU', () => {
  for (const frozen of [[], ['bn1', 'bn3']]) {
    it(`gives the unfused losses, weights, statistics and gradients bit for bit (frozen: ${frozen.join(', ') || 'none'})`, () => {
      for (const threads of [1, 2]) {
        native.setThreads(threads);
        const alone = train(network(frozen), false);
        const fused = train(network(frozen), true);
        alone.forEach((values, i) => expectBitwise(fused[i], values));
      }
    });
  }

  it('gives the unfused gradients after a training forward that runs every layer (everyLayer)', () => {
    const batch = 6;
    const gradients = (fuseTraining: boolean) => {
      const session = createTrainingSession(network(), config({ batchSize: batch }), native, { fuseTraining });
      const rng = new Rng(11);
      const { model } = session;
      model.input.data.set(Float32Array.from({ length: batch * 300 }, () => rng.normal()));
      // A fused step first, so the fused layers hold saved values of their own from an earlier forward; then the
      // batch norms' scales turned around, so those values would mask the opposite elements.
      session.step(model.input.data, new Int32Array(batch), batch);
      for (const p of model.params)
        if (p.nodeId.startsWith('bn') && p.field === 'weight') p.value.forEach((v, i, a) => (a[i] = -v));
      model.forward(batch, true, 1, true);
      session.loss.compute(
        model.output,
        Int32Array.from({ length: batch }, (_, i) => i % 4),
        batch,
      );
      model.backward(batch);
      return model.gradArena.slice();
    };
    expectBitwise(gradients(true), gradients(false));
  });

  it('fuses only a batch norm whose one reader is a ReLU, and only while it trains', () => {
    const fused = counted(native);
    train(network(), true, fused.kernels);
    // bn1 and bn3 fold their ReLUs in, 5 steps each; bn2 also feeds `sum`, so relu2 runs alone.
    expect(fused.calls.get('batchNormReluForwardTrain')).toBe(10);
    expect(fused.calls.get('batchNormReluBackward')).toBe(10);
    expect(fused.calls.get('batchNormForwardTrain')).toBe(5);
    const frozen = counted(native);
    train(network(['bn1', 'bn3']), true, frozen.kernels);
    expect(frozen.calls.get('batchNormReluForwardTrain')).toBeUndefined();
    expect(frozen.calls.get('batchNormForwardEval')).toBe(10);
  });
});
