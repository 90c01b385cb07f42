// GroupNorm: each sample's C channels split into G groups of C/G channels, each group normalized over its own
// (C/G)·H·W values (mean and biased variance), then scaled and shifted per channel with learned weight and bias, as
// PyTorch's nn.GroupNorm(G, C).   x (N, C, H, W) -> y (N, C, H, W).
// The same in training and evaluation (no running statistics). Computed here in TypeScript in double precision per
// (sample, group), rounded to float32 once per element; the weight and bias gradients summed over the batch and the
// positions in a fixed order, so any thread count gives the same bits.
import { float, type OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { mismatch, needsImage, out, shapeText } from '../spec/shapes';
import { epsParam } from './shared/batchnorm';
import type { LayerDefinition } from './types';

/** The sizes one group norm works on: the batch, C channels of `area` = H·W positions, in `groups` groups. */
export interface GroupNormSizes {
  batch: number;
  channels: number;
  area: number;
  groups: number;
}

/**
 * y = (x - mean) / sqrt(var + eps) * weight[c] + bias[c] over each (sample, group) of (C/G)·H·W contiguous values;
 * each group's mean and 1 / sqrt(var + eps) kept in `mean` and `invStd` (length >= batch·G) for the backward.
 */
export function groupNormForward(
  x: Float32Array,
  weight: Float32Array,
  bias: Float32Array,
  y: Float32Array,
  mean: Float64Array,
  invStd: Float64Array,
  { batch, channels, area, groups }: GroupNormSizes,
  eps: number,
): void {
  const perGroup = channels / groups;
  const size = perGroup * area;
  for (let ng = 0; ng < batch * groups; ng++) {
    const start = ng * size;
    const end = start + size;
    let sum = 0;
    for (let i = start; i < end; i++) sum += x[i];
    const m = sum / size;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const d = x[i] - m;
      squares += d * d;
    }
    const r = 1 / Math.sqrt(squares / size + eps);
    mean[ng] = m;
    invStd[ng] = r;
    const firstChannel = (ng % groups) * perGroup;
    for (let k = 0; k < perGroup; k++) {
      const c = firstChannel + k;
      const w = weight[c];
      const b = bias[c];
      for (let i = start + k * area, e = i + area; i < e; i++) y[i] = (x[i] - m) * r * w + b;
    }
  }
}

/**
 * PyTorch's derivatives per group of D = (C/G)·H·W values, with xhat = (x - mean) invStd and g = dy weight[c]:
 * dx = invStd / D (D g - sum(g) - xhat sum(g xhat)) (written, or added when accumulating; skipped when dx is null),
 * dWeight[c] = the sum over the batch and positions of dy xhat, dBias[c] = the sum of dy, in sample then position
 * order in double (`sums`: 2 C scratch).
 */
export function groupNormBackward(
  x: Float32Array,
  weight: Float32Array,
  dy: Float32Array,
  mean: Float64Array,
  invStd: Float64Array,
  dx: Float32Array | null,
  dWeight: Float32Array,
  dBias: Float32Array,
  sums: Float64Array,
  { batch, channels, area, groups }: GroupNormSizes,
  accumulate: boolean,
): void {
  const perGroup = channels / groups;
  const size = perGroup * area;
  sums.fill(0);
  for (let ng = 0; ng < batch * groups; ng++) {
    const start = ng * size;
    const m = mean[ng];
    const r = invStd[ng];
    const firstChannel = (ng % groups) * perGroup;
    let sumG = 0;
    let sumGXhat = 0;
    for (let k = 0; k < perGroup; k++) {
      const c = firstChannel + k;
      const w = weight[c];
      for (let i = start + k * area, e = i + area; i < e; i++) {
        const xhat = (x[i] - m) * r;
        const g = dy[i] * w;
        sumG += g;
        sumGXhat += g * xhat;
        sums[c] += dy[i] * xhat;
        sums[channels + c] += dy[i];
      }
    }
    if (!dx) continue;
    const scale = r / size;
    for (let k = 0; k < perGroup; k++) {
      const w = weight[firstChannel + k];
      for (let i = start + k * area, e = i + area; i < e; i++) {
        const xhat = (x[i] - m) * r;
        const d = scale * (size * dy[i] * w - sumG - xhat * sumGXhat);
        dx[i] = accumulate ? dx[i] + Math.fround(d) : d;
      }
    }
  }
  for (let c = 0; c < channels; c++) {
    dWeight[c] = sums[c];
    dBias[c] = sums[channels + c];
  }
}

/**
 * As PyTorch 1.13 writes nn.GroupNorm: Reshape x to [N, G, -1], InstanceNormalization with a unit scale and zero
 * bias per group, Reshape back to x's shape (Shape of x), then Mul by weight and Add of bias, both as [C, 1, 1].
 */
const groupNormOnnx: OnnxEmitter = ({ g, node, params, inputs: [x], inputShapes, out, tensor }) => {
  const groups = params.groups as number;
  const channels = inputShapes[0][0];
  const id = node.id;
  const grouped = g.int64Initializer(`${id}/grouped_shape`, [3], [0, groups, -1]);
  g.node('Reshape', `${id}/reshape`, [x, grouped], [`${id}/reshape`]);
  const unit = g.initializer(`${id}/unit_scale`, [groups], new Float32Array(groups).fill(1));
  const zero = g.initializer(`${id}/zero_bias`, [groups], new Float32Array(groups));
  g.node('InstanceNormalization', `${id}/instance_norm`, [`${id}/reshape`, unit, zero], [`${id}/instance_norm`], {
    epsilon: float(params.eps as number),
  });
  g.node('Shape', `${id}/shape`, [x], [`${id}/shape`]);
  g.node('Reshape', `${id}/reshape_back`, [`${id}/instance_norm`, `${id}/shape`], [`${id}/reshape_back`]);
  g.node('Mul', `${id}/scale`, [`${id}/reshape_back`, tensor('weight', [channels, 1, 1])], [`${id}/scale`]);
  g.node('Add', id, [`${id}/scale`, tensor('bias', [channels, 1, 1])], [out]);
  return out;
};

export const groupnorm: LayerDefinition<'groupnorm'> = {
  catalogue: {
    kind: 'groupnorm',
    name: 'GroupNorm',
    category: 'normalization',
    inputs: 1,
    idPrefix: 'gn',
    help: 'Splits each image’s channels into groups and normalizes each group over its own channels and positions, then scales and shifts each channel with learned values. The same in training and evaluation, whatever the batch size.',
    params: [
      {
        name: 'groups',
        label: 'Groups',
        type: 'int',
        default: 2,
        min: 1,
        onNode: true,
        help: 'How many groups the channels are split into; must divide the channels. 1 normalizes all channels together, as many as the channels normalizes each on its own. The default, 2, divides every even channel count.',
      },
      epsParam,
    ],
  },
  // weight and bias per channel.
  shape: (ctx) => {
    const refused = needsImage(ctx, 'groupnorm-needs-image');
    if (refused) return refused;
    const shape = ctx.inputs[0];
    const groups = ctx.params.groups as number;
    if (shape[0] % groups !== 0)
      return mismatch('groupnorm-groups', { channels: shape[0], groups, shape: shapeText(shape) });
    return out(shape, 2 * shape[0]);
  },
  op: (ctx) => {
    const {
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const [channels, height, width] = x.shape;
    const groups = num(ctx.params, 'groups');
    const eps = num(ctx.params, 'eps');
    const weight = ctx.param('weight', [channels], 'ones', false);
    const bias = ctx.param('bias', [channels], 'zeros', false);
    const mean = new Float64Array(ctx.maxBatch * groups);
    const invStd = new Float64Array(ctx.maxBatch * groups);
    const sums = new Float64Array(2 * channels);
    const sizes = (batch: number): GroupNormSizes => ({ batch, channels, area: height * width, groups });
    return {
      forward(batch) {
        groupNormForward(x.data, weight.value, bias.value, y.data, mean, invStd, sizes(batch), eps);
      },
      backward(batch) {
        const dx = xGrad.needed ? x.grad : null;
        groupNormBackward(
          x.data,
          weight.value,
          y.grad!,
          mean,
          invStd,
          dx,
          weight.grad,
          bias.grad,
          sums,
          sizes(batch),
          xGrad.accumulate,
        );
      },
    };
  },
  tensors: ({ inputShape }) => [
    { field: 'weight', shape: [inputShape[0]], trainable: true, regularized: false },
    { field: 'bias', shape: [inputShape[0]], trainable: true, regularized: false },
  ],
  onnx: groupNormOnnx,
  pytorch: (ctx) => ({
    module: `nn.GroupNorm(${ctx.params.groups as number}, ${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)})`,
    expression: call(ctx),
  }),
};
