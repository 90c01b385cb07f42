// Models, weights and engine predictions for the export tests: a graph that uses every layer kind, a residual +
// concat graph with reversed ports, seeded random tensors (batch-norm statistics away from their 0/1 defaults) and
// inputs, and the engine's eval-mode outputs for them (kernels passed in, so this file stays free of Node imports).

import type { Kernels } from '../kernels';
import { Rng } from '../rng';
import { SPEC_VERSION, type ModelSpec, type ParamValue, type SpecEdge, type SpecNode } from '../spec/types';
import type { TrainConfig } from '../train/config';
import { standardize } from '../train/data';
import { createTrainingSession } from '../train/session';
import { checkedModel, type ExportNormalization, type TensorMap as TensorMapInput } from './modelTensors';

type NodeRow = [id: string, op: string, params?: Record<string, ParamValue>];
type EdgeRow = [from: string, to: string, toPort?: number];

function graph(name: string, nodes: NodeRow[], edges: EdgeRow[]): ModelSpec {
  return {
    version: SPEC_VERSION,
    name,
    nodes: nodes.map(([id, op, params]): SpecNode => (params ? { id, op, params } : { id, op })),
    edges: edges.map(([from, to, toPort]): SpecEdge => (toPort === undefined ? { from, to } : { from, to, toPort })),
  };
}

/**
 * Every op kind at least once (both GELU forms, ELU with a non-default alpha, ReLU6, SiLU, Hardswish, Softplus, Mish,
 * PReLU per channel and per feature, a depthwise convolution, LayerNorm with a non-default eps, GroupNorm of 4 channels
 * in 2 groups), with padding that matters for avg and max pooling.
 */
export function everyOpSpec(): ModelSpec {
  return graph(
    'every-op',
    [
      ['input', 'input', { shape: [3, 8, 8] }],
      ['conv1', 'conv2d', { filters: 4, kernelSize: 3, padding: 'same' }],
      ['bn2d', 'batchnorm2d'],
      ['lrelu', 'leakyrelu', { negativeSlope: 0.1 }],
      ['avg', 'avgpool2d', { kernelSize: 3, stride: 1, padding: 1 }],
      ['relu6_avg', 'relu6'],
      ['tanh_avg', 'tanh'],
      ['conv2', 'conv2d', { filters: 4, kernelSize: [3, 1], padding: [1, 0], bias: false }],
      ['gn_img', 'groupnorm', { groups: 2, eps: 1e-4 }],
      ['dw', 'conv2d', { filters: 4, kernelSize: 3, padding: 1, groups: 4 }],
      ['prelu_img', 'prelu', { perChannel: true }],
      ['gelu_exact', 'gelu'],
      ['add1', 'add'],
      ['cat1', 'concat'],
      ['pool', 'maxpool2d', { kernelSize: 3, stride: 2, padding: 1 }],
      ['mish_pool', 'mish'],
      ['ident', 'identity'],
      ['gap', 'globalavgpool2d'],
      ['flat', 'flatten'],
      ['fc_a', 'dense', { units: 6 }],
      ['prelu_a', 'prelu', { perChannel: true }],
      ['relu_a', 'relu'],
      ['probs', 'softmax'],
      ['fc_b', 'dense', { units: 6, bias: false }],
      ['ln_b', 'layernorm', { eps: 1e-4 }],
      ['silu_b', 'silu'],
      ['elu_b', 'elu', { alpha: 0.7 }],
      ['softplus_b', 'softplus'],
      ['sig', 'sigmoid'],
      ['cat2', 'concat'],
      ['bn1d', 'batchnorm1d', { eps: 1e-3, momentum: 0.2 }],
      ['hswish', 'hardswish'],
      ['gelu_tanh', 'gelu', { approximate: 'tanh' }],
      ['drop', 'dropout', { p: 0.25 }],
      ['fc_out', 'dense', { units: 5 }],
    ],
    [
      ['input', 'conv1'],
      ['conv1', 'bn2d'],
      ['bn2d', 'lrelu'],
      ['lrelu', 'avg'],
      ['avg', 'relu6_avg'],
      ['relu6_avg', 'tanh_avg'],
      ['lrelu', 'conv2'],
      ['conv2', 'gn_img'],
      ['gn_img', 'dw'],
      ['dw', 'prelu_img'],
      ['prelu_img', 'gelu_exact'],
      ['tanh_avg', 'add1', 0],
      ['gelu_exact', 'add1', 1],
      ['add1', 'cat1', 0],
      ['lrelu', 'cat1', 1],
      ['cat1', 'pool'],
      ['pool', 'mish_pool'],
      ['mish_pool', 'ident'],
      ['ident', 'gap'],
      ['ident', 'flat'],
      ['gap', 'fc_a'],
      ['fc_a', 'prelu_a'],
      ['prelu_a', 'relu_a'],
      ['relu_a', 'probs'],
      ['flat', 'fc_b'],
      ['fc_b', 'ln_b'],
      ['ln_b', 'silu_b'],
      ['silu_b', 'elu_b'],
      ['elu_b', 'softplus_b'],
      ['softplus_b', 'sig'],
      ['probs', 'cat2', 0],
      ['sig', 'cat2', 1],
      ['cat2', 'bn1d'],
      ['bn1d', 'hswish'],
      ['hswish', 'gelu_tanh'],
      ['gelu_tanh', 'drop'],
      ['drop', 'fc_out'],
    ],
  );
}

/** A residual add around a concat of two branches; the concat's edges are listed port 1 first. */
export function residualConcatSpec(): ModelSpec {
  return graph(
    'residual-concat',
    [
      ['input', 'input', { shape: [1, 6, 6] }],
      ['wide', 'conv2d', { filters: 3, kernelSize: 3, padding: 1 }],
      ['narrow', 'conv2d', { filters: 2, kernelSize: 1 }],
      ['join', 'concat'],
      ['body', 'conv2d', { filters: 5, kernelSize: 3, padding: 1 }],
      ['body_relu', 'relu'],
      ['skip_add', 'add'],
      ['pool', 'globalavgpool2d'],
      ['head', 'dense', { units: 3 }],
    ],
    [
      ['input', 'wide'],
      ['input', 'narrow'],
      ['narrow', 'join', 1],
      ['wide', 'join', 0],
      ['join', 'body'],
      ['body', 'body_relu'],
      ['body_relu', 'skip_add', 0],
      ['join', 'skip_add', 1],
      ['skip_add', 'pool'],
      ['pool', 'head'],
    ],
  );
}

/**
 * DeepLab's atrous spatial pyramid pooling on an odd-sized image: parallel 3x3 convolutions dilated by 1, 2 and
 * [3, 2] (numeric padding, no bias) and a depthwise one dilated by 2, concatenated two at a time; then a dilated
 * conv -> ReLU -> 2x2 max pool, the chain eval mode fuses for an ordinary conv.
 */
export function asppSpec(): ModelSpec {
  return graph(
    'aspp',
    [
      ['input', 'input', { shape: [3, 11, 11] }],
      ['stem', 'conv2d', { filters: 6, kernelSize: 3, padding: 1 }],
      ['stem_relu', 'relu'],
      ['rate1', 'conv2d', { filters: 4, kernelSize: 3, padding: 'same' }],
      ['rate2', 'conv2d', { filters: 4, kernelSize: 3, dilation: 2, padding: 'same' }],
      ['rate3', 'conv2d', { filters: 4, kernelSize: 3, dilation: [3, 2], padding: [3, 2], bias: false }],
      ['atrous_dw', 'conv2d', { filters: 6, kernelSize: 3, dilation: 2, padding: 2, groups: 6 }],
      ['cat12', 'concat'],
      ['cat123', 'concat'],
      ['cat_all', 'concat'],
      ['head', 'conv2d', { filters: 5, kernelSize: 3, dilation: 2, padding: 2 }],
      ['head_relu', 'relu'],
      ['head_pool', 'maxpool2d', { kernelSize: 2 }],
      ['gap', 'globalavgpool2d'],
      ['fc', 'dense', { units: 3 }],
    ],
    [
      ['input', 'stem'],
      ['stem', 'stem_relu'],
      ['stem_relu', 'rate1'],
      ['stem_relu', 'rate2'],
      ['stem_relu', 'rate3'],
      ['stem_relu', 'atrous_dw'],
      ['rate1', 'cat12', 0],
      ['rate2', 'cat12', 1],
      ['cat12', 'cat123', 0],
      ['rate3', 'cat123', 1],
      ['cat123', 'cat_all', 0],
      ['atrous_dw', 'cat_all', 1],
      ['cat_all', 'head'],
      ['head', 'head_relu'],
      ['head_relu', 'head_pool'],
      ['head_pool', 'gap'],
      ['gap', 'fc'],
    ],
  );
}

/** Seeded tensors for every tensor the spec owns: weights ~ U(-a, a) by fan-in, biases and gamma/beta varied, running var > 0. */
export function randomTensors(spec: ModelSpec, seed = 7): Map<string, { shape: number[]; value: Float32Array }> {
  const rng = new Rng(seed);
  const tensors = new Map<string, { shape: number[]; value: Float32Array }>();
  for (const t of checkedModel(spec, 'test').expected) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    const fanIn = t.shape.slice(1).reduce((a, b) => a * b, 1);
    const bound = t.field === 'weight' && t.shape.length > 1 ? Math.sqrt(3 / fanIn) : 0.5;
    const value = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const u = 2 * rng.uniform() - 1;
      value[i] =
        t.field === 'running_var'
          ? 0.5 + rng.uniform()
          : t.field === 'weight' && t.shape.length === 1
            ? 1 + 0.5 * u
            : bound * u;
    }
    tensors.set(t.name, { shape: [...t.shape], value });
  }
  return tensors;
}

/** Seeded raw inputs: count samples of `shape`, roughly N(offset, scale²) so standardization matters. */
export function randomInputs(shape: readonly number[], count: number, seed = 3, offset = 2, scale = 3): Float32Array {
  const rng = new Rng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: count * size }, () => offset + scale * rng.normal());
}

/** Statistics roughly matching randomInputs, per feature (vectors) or per channel (images), one deviation 0. */
export function randomNormalization(shape: readonly number[], seed = 5): ExportNormalization {
  const rng = new Rng(seed);
  const axis = shape.length === 3 ? 'channel' : 'feature';
  const groups = axis === 'channel' ? shape[0] : shape.reduce((a, b) => a * b, 1);
  const mean = Array.from({ length: groups }, () => 2 + rng.normal());
  const std = Array.from({ length: groups }, (_, i) => (i === groups - 1 && groups > 1 ? 0 : 2 + rng.uniform()));
  return { axis, mean, std };
}

/**
 * The engine's eval-mode outputs for raw inputs: the same tensors loaded into a compiled model, the inputs
 * standardized as the trainer does (train/data.ts), then predict. Returns a copy [count, ...outputShape].
 */
export function enginePredict(
  spec: ModelSpec,
  tensors: TensorMapInput,
  raw: Float32Array,
  count: number,
  normalization: ExportNormalization | null,
  kernels: Kernels,
): Float32Array {
  const config: TrainConfig = {
    version: 1,
    loss: 'mse',
    optimizer: { type: 'sgd', lr: 0.1 },
    schedule: { type: 'constant' },
    epochs: 1,
    batchSize: count,
    seed: 1,
    split: { train: 1, validation: 0, test: 0 },
  };
  const session = createTrainingSession(spec, config, kernels, { maxBatch: count });
  session.model.loadTensors(new Map([...tensors].map(([name, t]) => [name, { shape: [...t.shape], data: t.value }])));
  const inputs = raw.slice();
  if (normalization)
    standardize(inputs, [...session.model.inputShape], {
      axis: normalization.axis,
      mean: [...normalization.mean],
      std: [...normalization.std],
    });
  return session.predict(inputs, count).slice(0, count * session.model.output.size);
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`comparing ${a.length} values with ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return Number.isNaN(worst) ? Infinity : worst;
}
