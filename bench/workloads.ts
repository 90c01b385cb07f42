// The standard benchmark workloads as data: network layers, loss, optimizer, batch sizes and step counts.
// Every suite (netwright, TF.js, PyTorch) builds its model from these definitions, so they measure the same thing.
import type { AugmentationConfig } from '../engine/core/train/config';

/** One layer of a plain feed-forward network; shapes in comments are per sample, without the batch. */
export type LayerDef =
  | { kind: 'dense'; units: number }
  | { kind: 'conv2d'; filters: number; kernelSize: number; padding: number; bias: boolean } // stride 1
  | { kind: 'maxpool2d'; size: number } // window = stride
  | { kind: 'flatten' }
  | { kind: 'dropout'; p: number }
  | { kind: 'batchnorm2d' } // eps 1e-5, momentum 0.1 (PyTorch convention)
  | { kind: 'relu' };

export interface NetworkDef {
  /** [features] or [channels, height, width] (NCHW). */
  inputShape: number[];
  layers: LayerDef[];
}

export type OptimizerDef = { type: 'sgd'; lr: number; momentum: number } | { type: 'adam'; lr: number };

export type LossDef = 'cross_entropy' | 'mse';

/** How many steps to time; suites shrink `timedSteps` when a step is slow (see timing.ts). */
export interface StepPlan {
  warmupSteps: number;
  timedSteps: number;
  repeats: number;
}

export interface TrainingWorkload {
  kind: 'train';
  name: 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W3aug';
  title: string;
  network: NetworkDef;
  loss: LossDef;
  optimizer: OptimizerDef;
  /** One result line per batch size. */
  batches: number[];
  /** Samples in the synthetic data set the batches cycle through. */
  samples: number;
  /** Report seconds for this many steps (W4: the dropout demo's 500 steps). */
  reportSecondsFor?: number;
  full: StepPlan;
  quick: StepPlan;
  /** Image augmentation of every batch before its step (the engine's own code, as the trainer runs it); netwright only. */
  augmentation?: AugmentationConfig;
}

export interface InferenceWorkload {
  kind: 'infer';
  name: 'infer-W2' | 'infer-W3';
  title: string;
  /** The training workload whose network (and data) this runs forward in eval mode. */
  of: 'W2' | 'W3';
  batches: number[];
  full: StepPlan;
  quick: StepPlan;
}

/** W2's dense products at batch 64, in the layouts dense.cpp passes (x · Wᵀ, dyᵀ · x, dy · W): see W2_GEMMS. */
export type W2GemmName =
  | 'gemm-64x784x512-nt'
  | 'gemm-64x512x512-nt'
  | 'gemm-64x512x10-nt'
  | 'gemm-512x64x784-tn'
  | 'gemm-512x64x512-tn'
  | 'gemm-10x64x512-tn'
  | 'gemm-64x512x512'
  | 'gemm-64x10x512';

export interface GemmWorkload {
  kind: 'gemm';
  name: 'gemm-1024' | 'gemm-64x784x512' | W2GemmName;
  title: string;
  /**
   * C[M,N] = op(A) · op(B); one call is 2MNK floating-point operations. A holds M x K floats, stored [M, K], or
   * [K, M] when transA; B holds K x N, stored [K, N], or [N, K] when transB.
   */
  M: number;
  K: number;
  N: number;
  transA: boolean;
  transB: boolean;
  full: StepPlan;
  quick: StepPlan;
}

export type Workload = TrainingWorkload | InferenceWorkload | GemmWorkload;
export type WorkloadName = Workload['name'];

export const SUITES = ['netwright', 'tfjs-cpu', 'tfjs-wasm', 'pytorch', 'onnxruntime'] as const;
export type SuiteName = (typeof SUITES)[number];

/**
 * ONNX Runtime is an inference engine: it runs only the inference workloads (on the model netwright exports). An
 * augmented workload measures netwright's augmentation against its own plain workload, so only netwright runs it.
 */
export function suiteRuns(suite: SuiteName, workload: Workload): boolean {
  if (workload.kind === 'train' && workload.augmentation) return suite === 'netwright';
  return suite !== 'onnxruntime' || workload.kind === 'infer';
}

const dense = (units: number): LayerDef => ({ kind: 'dense', units });
const relu: LayerDef = { kind: 'relu' };

const MNIST_MLP: NetworkDef = {
  inputShape: [784],
  layers: [dense(512), relu, dense(512), relu, dense(10)],
};

const LENET: NetworkDef = {
  inputShape: [1, 28, 28],
  layers: [
    { kind: 'conv2d', filters: 6, kernelSize: 5, padding: 2, bias: true },
    relu,
    { kind: 'maxpool2d', size: 2 },
    { kind: 'conv2d', filters: 16, kernelSize: 5, padding: 0, bias: true },
    relu,
    { kind: 'maxpool2d', size: 2 },
    { kind: 'flatten' },
    dense(120),
    relu,
    dense(84),
    relu,
    dense(10),
  ],
};

// Convolutions right before batch norm carry no bias (batch norm's beta does that job), as in the small-cnn template.
const conv3 = (filters: number): LayerDef => ({ kind: 'conv2d', filters, kernelSize: 3, padding: 1, bias: false });

const W3: TrainingWorkload = {
  kind: 'train',
  name: 'W3',
  title: 'LeNet-5 on 1x28x28, SGD momentum 0.9',
  network: LENET,
  loss: 'cross_entropy',
  optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 },
  batches: [64],
  samples: 1024,
  full: { warmupSteps: 5, timedSteps: 30, repeats: 3 },
  quick: { warmupSteps: 1, timedSteps: 3, repeats: 1 },
};

/**
 * The GEMMs of one W2 training step at batch 64 (784-512-512-10), as dense.cpp calls them: forward y = x · Wᵀ
 * (W stored [out, in]: transB), weight gradient dW = dyᵀ · x (transA), input gradient dx = dy · W (none for the
 * first layer). [name, title, M, K, N, transA, transB].
 */
const W2_GEMMS: readonly [W2GemmName, string, number, number, number, boolean, boolean][] = [
  ['gemm-64x784x512-nt', 'W2 layer 1 forward: x[64,784] · W[512,784]ᵀ', 64, 784, 512, false, true],
  ['gemm-64x512x512-nt', 'W2 layer 2 forward: x[64,512] · W[512,512]ᵀ', 64, 512, 512, false, true],
  ['gemm-64x512x10-nt', 'W2 layer 3 forward: x[64,512] · W[10,512]ᵀ', 64, 512, 10, false, true],
  ['gemm-512x64x784-tn', 'W2 layer 1 weight gradient: dy[64,512]ᵀ · x[64,784]', 512, 64, 784, true, false],
  ['gemm-512x64x512-tn', 'W2 layer 2 weight gradient: dy[64,512]ᵀ · x[64,512]', 512, 64, 512, true, false],
  ['gemm-10x64x512-tn', 'W2 layer 3 weight gradient: dy[64,10]ᵀ · x[64,512]', 10, 64, 512, true, false],
  ['gemm-64x512x512', 'W2 layer 2 input gradient: dy[64,512] · W[512,512]', 64, 512, 512, false, false],
  ['gemm-64x10x512', 'W2 layer 3 input gradient: dy[64,10] · W[10,512]', 64, 10, 512, false, false],
];

export const WORKLOADS: readonly Workload[] = [
  {
    kind: 'train',
    name: 'W1',
    title: 'tabular MLP 20-128-256-4, SGD',
    network: { inputShape: [20], layers: [dense(128), relu, dense(256), relu, dense(4)] },
    loss: 'cross_entropy',
    optimizer: { type: 'sgd', lr: 1e-3, momentum: 0 },
    batches: [8],
    samples: 2000, // one epoch = 250 steps
    full: { warmupSteps: 100, timedSteps: 250, repeats: 5 },
    quick: { warmupSteps: 10, timedSteps: 50, repeats: 1 },
  },
  {
    kind: 'train',
    name: 'W2',
    title: 'MNIST-shaped MLP 784-512-512-10, Adam',
    network: MNIST_MLP,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 1e-3 },
    batches: [64, 256],
    samples: 2048,
    full: { warmupSteps: 10, timedSteps: 50, repeats: 3 },
    quick: { warmupSteps: 2, timedSteps: 5, repeats: 1 },
  },
  W3,
  {
    ...W3,
    name: 'W3aug',
    title: 'W3 with every image augmentation on (flips, shift, rotation, brightness/contrast, cutout)',
    augmentation: {
      horizontalFlip: 0.5,
      verticalFlip: 0.5,
      cropPadding: 2,
      rotationDegrees: 10,
      brightness: 0.2,
      contrast: 0.2,
      cutoutSize: 8,
      cutoutCount: 1,
    },
  },
  {
    kind: 'train',
    name: 'W4',
    title: 'dropout demo 1-200-200-1, Adam, full batch of 20',
    network: {
      inputShape: [1],
      layers: [dense(200), relu, { kind: 'dropout', p: 0.5 }, dense(200), relu, { kind: 'dropout', p: 0.5 }, dense(1)],
    },
    loss: 'mse',
    optimizer: { type: 'adam', lr: 0.01 },
    batches: [20],
    samples: 20,
    reportSecondsFor: 500,
    full: { warmupSteps: 50, timedSteps: 500, repeats: 3 },
    quick: { warmupSteps: 10, timedSteps: 100, repeats: 1 },
  },
  {
    kind: 'train',
    name: 'W5',
    title: 'small CNN with batch norm on 3x32x32, Adam',
    network: {
      inputShape: [3, 32, 32],
      layers: [
        conv3(32),
        { kind: 'batchnorm2d' },
        relu,
        conv3(32),
        { kind: 'batchnorm2d' },
        relu,
        { kind: 'maxpool2d', size: 2 },
        conv3(64),
        { kind: 'batchnorm2d' },
        relu,
        { kind: 'maxpool2d', size: 2 },
        { kind: 'flatten' },
        dense(10),
      ],
    },
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 1e-3 },
    batches: [64],
    samples: 512,
    full: { warmupSteps: 2, timedSteps: 10, repeats: 3 },
    quick: { warmupSteps: 1, timedSteps: 1, repeats: 1 },
  },
  {
    kind: 'gemm',
    name: 'gemm-1024',
    title: 'SGEMM 1024x1024x1024',
    M: 1024,
    K: 1024,
    N: 1024,
    transA: false,
    transB: false,
    full: { warmupSteps: 3, timedSteps: 20, repeats: 5 },
    quick: { warmupSteps: 1, timedSteps: 3, repeats: 1 },
  },
  {
    kind: 'gemm',
    name: 'gemm-64x784x512',
    title: 'SGEMM M=64 K=784 N=512 (W2 first layer, B stored [K, N])',
    M: 64,
    K: 784,
    N: 512,
    transA: false,
    transB: false,
    full: { warmupSteps: 50, timedSteps: 500, repeats: 5 },
    quick: { warmupSteps: 5, timedSteps: 50, repeats: 1 },
  },
  ...W2_GEMMS.map(([name, title, M, K, N, transA, transB]): GemmWorkload => ({
    kind: 'gemm',
    name,
    title,
    M,
    K,
    N,
    transA,
    transB,
    full: { warmupSteps: 50, timedSteps: 500, repeats: 5 },
    quick: { warmupSteps: 5, timedSteps: 50, repeats: 1 },
  })),
  {
    kind: 'infer',
    name: 'infer-W2',
    title: "eval-mode forward of W2's network",
    of: 'W2',
    batches: [1, 256],
    full: { warmupSteps: 5, timedSteps: 50, repeats: 3 },
    quick: { warmupSteps: 1, timedSteps: 5, repeats: 1 },
  },
  {
    kind: 'infer',
    name: 'infer-W3',
    title: "eval-mode forward of W3's network",
    of: 'W3',
    batches: [1, 256],
    full: { warmupSteps: 3, timedSteps: 20, repeats: 3 },
    quick: { warmupSteps: 1, timedSteps: 3, repeats: 1 },
  },
];

export const WORKLOAD_NAMES: readonly WorkloadName[] = WORKLOADS.map((w) => w.name);

export function workloadByName(name: string): Workload {
  const found = WORKLOADS.find((w) => w.name === name);
  if (!found) throw new Error(`unknown workload '${name}'; the workloads are ${WORKLOAD_NAMES.join(', ')}`);
  return found;
}

/** The training workload whose network an inference workload runs (or the workload itself). */
export function trainingWorkloadOf(workload: TrainingWorkload | InferenceWorkload): TrainingWorkload {
  if (workload.kind === 'train') return workload;
  const base = workloadByName(workload.of);
  if (base.kind !== 'train')
    throw new Error(`${workload.name} refers to ${workload.of}, which is not a training workload`);
  return base;
}

/** Number of classes (cross-entropy) or target values (MSE) the network outputs. */
export function outputSize(network: NetworkDef): number {
  const shape = layerShapes(network).at(-1)!;
  if (shape.length !== 1) throw new Error(`the network ends with shape [${shape.join(', ')}], not a vector`);
  return shape[0];
}

/** Output shape of every layer (per sample), in order; index 0 is the input. Throws on a shape that does not fit. */
export function layerShapes(network: NetworkDef): number[][] {
  const shapes: number[][] = [network.inputShape];
  let shape = network.inputShape;
  network.layers.forEach((layer, index) => {
    const where = `layer ${index + 1} (${layer.kind})`;
    switch (layer.kind) {
      case 'dense':
        if (shape.length !== 1) throw new Error(`${where} needs a vector input, got [${shape.join(', ')}]`);
        shape = [layer.units];
        break;
      case 'conv2d': {
        const [, h, w] = image(shape, where);
        const size = (n: number) => n + 2 * layer.padding - layer.kernelSize + 1;
        shape = [layer.filters, size(h), size(w)];
        break;
      }
      case 'maxpool2d': {
        const [c, h, w] = image(shape, where);
        shape = [c, Math.floor(h / layer.size), Math.floor(w / layer.size)];
        break;
      }
      case 'flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'batchnorm2d':
        image(shape, where);
        break;
      case 'dropout':
      case 'relu':
        break;
      default:
        throw new Error(`${where}: unknown layer kind`);
    }
    if (shape.some((n) => !(n >= 1))) throw new Error(`${where} produces the empty shape [${shape.join(', ')}]`);
    shapes.push(shape);
  });
  return shapes;
}

/** Trainable parameters (batch-norm running statistics excluded), as PyTorch's sum of p.numel() counts them. */
export function parameterCount(network: NetworkDef): number {
  const shapes = layerShapes(network);
  return network.layers.reduce((total, layer, index) => {
    const input = shapes[index];
    switch (layer.kind) {
      case 'dense':
        return total + layer.units * input[0] + layer.units;
      case 'conv2d':
        return total + layer.filters * input[0] * layer.kernelSize ** 2 + (layer.bias ? layer.filters : 0);
      case 'batchnorm2d':
        return total + 2 * input[0];
      case 'maxpool2d':
      case 'flatten':
      case 'dropout':
      case 'relu':
        return total;
      default:
        throw new Error(`layer ${index + 1}: unknown layer kind`);
    }
  }, 0);
}

/** Floating-point operations of one forward pass per sample (multiply-adds count 2), for the report. */
export function forwardFlops(network: NetworkDef): number {
  const shapes = layerShapes(network);
  return network.layers.reduce((total, layer, index) => {
    const input = shapes[index];
    const output = shapes[index + 1];
    switch (layer.kind) {
      case 'dense':
        return total + 2 * input[0] * layer.units;
      case 'conv2d':
        return total + 2 * output[0] * output[1] * output[2] * input[0] * layer.kernelSize ** 2;
      default:
        return total;
    }
  }, 0);
}

function image(shape: number[], where: string): [number, number, number] {
  if (shape.length !== 3)
    throw new Error(`${where} needs a [channels, height, width] input, got [${shape.join(', ')}]`);
  return shape as [number, number, number];
}
