// Checks the standard workload definitions themselves (sizes, shapes, plans), independently of the engine.
import { describe, expect, it } from 'vitest';
import {
  WORKLOADS,
  layerShapes,
  outputSize,
  parameterCount,
  trainingWorkloadOf,
  workloadByName,
  type NetworkDef,
  type TrainingWorkload,
} from './workloads';

const training = (name: string): TrainingWorkload => {
  const workload = workloadByName(name);
  if (workload.kind !== 'train') throw new Error(`${name} is not a training workload`);
  return workload;
};

describe('workload networks', () => {
  it.each([
    ['W1', 36_740], // 20*128+128 + 128*256+256 + 256*4+4
    ['W2', 669_706], // 784*512+512 + 512*512+512 + 512*10+10
    ['W3', 61_706], // LeNet-5
    ['W4', 40_801], // 1*200+200 + 200*200+200 + 200*1+1
    ['W5', 69_738], // bias-free convs 864 + 9216 + 18432, three batch norms 64 + 64 + 128, dense 4096*10+10
  ])('%s has %i trainable parameters', (name, count) => {
    expect(parameterCount(training(name).network)).toBe(count);
  });

  it('LeNet flattens 16x5x5 maps into 400 features and ends in 10 classes', () => {
    const shapes = layerShapes(training('W3').network);
    expect(shapes[0]).toEqual([1, 28, 28]);
    expect(shapes[1]).toEqual([6, 28, 28]); // 5x5 with padding 2 keeps the size
    expect(shapes[3]).toEqual([6, 14, 14]);
    expect(shapes[6]).toEqual([16, 5, 5]);
    expect(shapes[7]).toEqual([400]);
    expect(outputSize(training('W3').network)).toBe(10);
  });

  it('the small CNN pools 32x32 twice down to 64x8x8 before its dense layer', () => {
    const shapes = layerShapes(training('W5').network);
    expect(shapes.at(-2)).toEqual([4096]);
    expect(shapes.at(-1)).toEqual([10]);
  });

  it('outputs match the losses: class scores for cross-entropy, one value for the dropout demo', () => {
    expect(outputSize(training('W1').network)).toBe(4);
    expect(outputSize(training('W2').network)).toBe(10);
    expect(training('W4').loss).toBe('mse');
    expect(outputSize(training('W4').network)).toBe(1);
  });

  it('rejects a network whose shapes do not fit, naming the layer', () => {
    const bad: NetworkDef = { inputShape: [1, 28, 28], layers: [{ kind: 'dense', units: 10 }] };
    expect(() => layerShapes(bad)).toThrow(/layer 1 \(dense\) needs a vector input/);
    const tooSmall: NetworkDef = {
      inputShape: [1, 4, 4],
      layers: [{ kind: 'conv2d', filters: 2, kernelSize: 5, padding: 0, bias: true }],
    };
    expect(() => layerShapes(tooSmall)).toThrow(/layer 1 \(conv2d\) produces the empty shape/);
  });
});

describe('workload settings', () => {
  it('has the fixed names, each once', () => {
    expect(WORKLOADS.map((w) => w.name)).toEqual([
      'W1',
      'W2',
      'W3',
      'W3aug',
      'W4',
      'W5',
      'gemm-1024',
      'gemm-64x784x512',
      'gemm-64x784x512-nt',
      'gemm-64x512x512-nt',
      'gemm-64x512x10-nt',
      'gemm-512x64x784-tn',
      'gemm-512x64x512-tn',
      'gemm-10x64x512-tn',
      'gemm-64x512x512',
      'gemm-64x10x512',
      'infer-W2',
      'infer-W3',
    ]);
  });

  it('uses the standard batch sizes, optimizers and data sizes', () => {
    expect(training('W1').batches).toEqual([8]);
    expect(training('W1').samples / training('W1').batches[0]).toBe(250); // one epoch = 250 steps
    expect(training('W1').optimizer).toEqual({ type: 'sgd', lr: 1e-3, momentum: 0 });
    expect(training('W2').batches).toEqual([64, 256]);
    expect(training('W2').optimizer).toEqual({ type: 'adam', lr: 1e-3 });
    expect(training('W3').optimizer).toEqual({ type: 'sgd', lr: 0.01, momentum: 0.9 });
    expect(training('W4').batches).toEqual([training('W4').samples]); // full batch of 20
    expect(training('W4').optimizer).toEqual({ type: 'adam', lr: 0.01 });
    expect(training('W4').reportSecondsFor).toBe(500);
    expect(training('W4').network.layers.filter((l) => l.kind === 'dropout')).toEqual([
      { kind: 'dropout', p: 0.5 },
      { kind: 'dropout', p: 0.5 },
    ]);
    expect(training('W5').batches).toEqual([64]);
  });

  it('sizes the GEMMs as named', () => {
    const big = workloadByName('gemm-1024');
    const layer = workloadByName('gemm-64x784x512');
    expect(big.kind === 'gemm' && [big.M, big.K, big.N]).toEqual([1024, 1024, 1024]);
    expect(layer.kind === 'gemm' && [layer.M, layer.K, layer.N]).toEqual([64, 784, 512]);
  });

  it("sizes W2's dense GEMMs as named and lays them out as dense.cpp does", () => {
    for (const workload of WORKLOADS) {
      if (workload.kind !== 'gemm' || workload.name === 'gemm-1024') continue;
      const [, m, k, n, layout] = /^gemm-(\d+)x(\d+)x(\d+)(?:-(nt|tn))?$/.exec(workload.name) ?? [];
      expect([workload.M, workload.K, workload.N]).toEqual([Number(m), Number(k), Number(n)]);
      expect([workload.transA, workload.transB]).toEqual([layout === 'tn', layout === 'nt']);
    }
    // Forward x · Wᵀ with W [out, in]; weight gradient dyᵀ · x; input gradient dy · W.
    const forward = workloadByName('gemm-64x784x512-nt');
    expect(forward.kind === 'gemm' && forward.transB).toBe(true);
    const weightGradient = workloadByName('gemm-512x64x784-tn');
    expect(weightGradient.kind === 'gemm' && weightGradient.transA).toBe(true);
  });

  it('runs inference on the W2 and W3 networks at batch 1 (latency) and 256 (throughput)', () => {
    for (const [name, base] of [
      ['infer-W2', 'W2'],
      ['infer-W3', 'W3'],
    ] as const) {
      const workload = workloadByName(name);
      if (workload.kind !== 'infer') throw new Error(`${name} is not an inference workload`);
      expect(trainingWorkloadOf(workload).name).toBe(base);
      expect(workload.batches).toEqual([1, 256]);
    }
  });

  it('gives every workload a full and a quick plan with at least one timed step', () => {
    for (const workload of WORKLOADS) {
      for (const plan of [workload.full, workload.quick]) {
        expect(plan.timedSteps, workload.name).toBeGreaterThanOrEqual(1);
        expect(plan.repeats, workload.name).toBeGreaterThanOrEqual(1);
        expect(plan.warmupSteps, workload.name).toBeGreaterThanOrEqual(1);
      }
      expect(workload.quick.timedSteps * workload.quick.repeats, workload.name).toBeLessThanOrEqual(
        workload.full.timedSteps * workload.full.repeats,
      );
    }
  });

  it('names the workloads it does not know', () => {
    expect(() => workloadByName('W9')).toThrow(/unknown workload 'W9'; the workloads are W1, W2/);
  });

  it('every training workload has data for at least one whole batch of each size', () => {
    for (const workload of WORKLOADS) {
      if (workload.kind !== 'train') continue;
      for (const batch of workload.batches) expect(workload.samples, workload.name).toBeGreaterThanOrEqual(batch);
    }
  });
});
