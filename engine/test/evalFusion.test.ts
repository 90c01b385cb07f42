// The eval-mode forward runs dense → ReLU and conv → ReLU (→ 2x2 max pool) chains as one kernel each: predictions
// are bitwise those of running every layer, for 1, 2 and 3 threads, and chains that cannot fuse run layer by layer.
import { afterAll, describe, expect, it } from 'vitest';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { lenet } from '../core/spec/templates';
import type { ModelSpec, SpecNode } from '../core/spec/types';
import { createTrainingSession } from '../core/train/session';
import { loadKernels } from '../native';
import { expectBitwise } from '../native/testing';
import { counted } from './countedKernels';
import { config, mlp } from './models';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/** Outputs of a fused predict and of one running every layer, on the same session and inputs. */
function bothWays(spec: ModelSpec, batch: number, kernels: Kernels = native) {
  const session = createTrainingSession(spec, config({ batchSize: batch }), kernels);
  const rng = new Rng(batch);
  const x = new Float32Array(batch * session.model.input.size).map(() => rng.normal());
  const everyLayer = session.predict(x, batch, { everyLayer: true }).slice();
  const fused = session.predict(x, batch).slice();
  return { session, x, everyLayer, fused };
}

describe('eval-mode fusion', () => {
  it('runs LeNet with one kernel per conv → ReLU → pool and dense → ReLU chain', () => {
    const { kernels, calls } = counted(native);
    const session = createTrainingSession(lenet(), config({ batchSize: 4 }), kernels);
    calls.clear(); // the calls of building the model (each dense layer's packed-weights handle)
    session.predict(new Float32Array(4 * 784).fill(0.5), 4);
    expect(Object.fromEntries(calls)).toEqual({ conv2dReluForward: 2, denseReluForward: 2, denseForward: 1, copy: 1 });
  });

  for (const batch of [1, 37, 64]) {
    it(`gives LeNet's predictions bit for bit, batch ${batch}, 1 to 3 threads`, () => {
      for (const threads of [1, 2, 3]) {
        native.setThreads(threads);
        const { everyLayer, fused } = bothWays(lenet(), batch);
        expectBitwise(fused, everyLayer);
      }
    });
  }

  it("gives an MLP's predictions bit for bit, and its fused ReLU outputs too", () => {
    for (const threads of [1, 2, 3]) {
      native.setThreads(threads);
      const { session, x, everyLayer, fused } = bothWays(mlp(30, [64, 48], 5), 19);
      expectBitwise(fused, everyLayer);
      const relu = session.model.activation('relu2').data.slice();
      session.predict(x, 19, { everyLayer: true });
      expectBitwise(relu, session.model.activation('relu2').data);
    }
  });

  it('runs a layer alone when its output or its ReLU has another reader, or the pool is not 2x2 stride 2', () => {
    const nodes: SpecNode[] = [
      { id: 'input', op: 'input', params: { shape: [3, 12, 12] } },
      { id: 'conv1', op: 'conv2d', params: { filters: 4, kernelSize: 3, padding: 1 } },
      { id: 'relu1', op: 'relu' },
      { id: 'pool1', op: 'maxpool2d', params: { kernelSize: 3, stride: 2 } },
      { id: 'conv2', op: 'conv2d', params: { filters: 4, kernelSize: 3, padding: 1 } },
      { id: 'relu2', op: 'relu' },
      { id: 'sum', op: 'add' },
      { id: 'flatten', op: 'flatten' },
      { id: 'out', op: 'dense', params: { units: 3 } },
    ];
    const spec: ModelSpec = {
      version: 1,
      nodes,
      edges: [
        { from: 'input', to: 'conv1' },
        { from: 'conv1', to: 'relu1' },
        { from: 'relu1', to: 'pool1' },
        { from: 'pool1', to: 'conv2' },
        { from: 'conv2', to: 'relu2' },
        { from: 'relu2', to: 'sum', toPort: 0 },
        { from: 'conv2', to: 'sum', toPort: 1 }, // conv2's output has two readers: no fusion
        { from: 'sum', to: 'flatten' },
        { from: 'flatten', to: 'out' },
      ],
    };
    const { kernels, calls } = counted(native);
    const { everyLayer, fused } = bothWays(spec, 6, kernels);
    expectBitwise(fused, everyLayer);
    calls.clear();
    const session = createTrainingSession(spec, config({ batchSize: 6 }), kernels);
    session.predict(new Float32Array(6 * 432).fill(0.25), 6);
    expect(calls.get('conv2dReluForward')).toBe(1); // conv1 → relu1; pool1 (3x3) runs alone
    expect(calls.get('maxPool2dForward')).toBe(1);
    expect(calls.get('conv2dForward')).toBe(1);
    expect(calls.get('activationForward')).toBe(1);
  });

  it('runs a dilated conv → ReLU → 2x2 pool layer by layer (the fused kernel knows no dilation)', () => {
    const spec: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'input', op: 'input', params: { shape: [2, 9, 9] } },
        { id: 'atrous', op: 'conv2d', params: { filters: 4, kernelSize: 3, dilation: 2, padding: 'same' } },
        { id: 'relu', op: 'relu' },
        { id: 'pool', op: 'maxpool2d', params: { kernelSize: 2 } },
        { id: 'flatten', op: 'flatten' },
        { id: 'out', op: 'dense', params: { units: 3 } },
      ],
      edges: [
        { from: 'input', to: 'atrous' },
        { from: 'atrous', to: 'relu' },
        { from: 'relu', to: 'pool' },
        { from: 'pool', to: 'flatten' },
        { from: 'flatten', to: 'out' },
      ],
    };
    const { kernels, calls } = counted(native);
    const { everyLayer, fused } = bothWays(spec, 5, kernels);
    expectBitwise(fused, everyLayer);
    calls.clear();
    createTrainingSession(spec, config({ batchSize: 5 }), kernels).predict(new Float32Array(5 * 162).fill(0.5), 5);
    expect(calls.get('conv2dReluForward')).toBeUndefined();
    expect(calls.get('conv2dForward')).toBe(4); // one per phase of dilation 2
    expect(calls.get('maxPool2dForward')).toBe(1);
  });

  it("reads the caller's inputs in place: same predictions, the input tensor left as it was", () => {
    const session = createTrainingSession(lenet(), config({ batchSize: 8 }), native);
    const rng = new Rng(3);
    const x = new Float32Array(8 * 784).map(() => rng.normal());
    const before = session.model.input.data.slice();
    const inPlace = session.predict(x, 8).slice();
    expectBitwise(session.model.input.data, before);
    session.model.input.data.set(x);
    expectBitwise(inPlace, session.predict(session.model.input.data, 8));
    expect(() => session.predict(x.subarray(1), 8)).toThrow(
      /input holds 6271 values, 8 samples of \[1, 28, 28\] need 6272/,
    );
    const tooMany = new Float32Array(9 * 784);
    expect(() => session.predict(tooMany, 9)).toThrow(/batch of 9 samples/);
    expect(session.model.input.data).not.toBe(tooMany); // given back after a failed pass too
  });

  it('leaves the training forward unfused', () => {
    const { kernels, calls } = counted(native);
    const session = createTrainingSession(lenet(), config({ batchSize: 4 }), kernels);
    session.step(new Float32Array(4 * 784).fill(0.5), Int32Array.from([1, 2, 3, 4]), 4);
    expect(calls.get('conv2dReluForward')).toBeUndefined();
    expect(calls.get('denseReluForward')).toBeUndefined();
    expect(calls.get('conv2dForward')).toBe(2);
  });
});
