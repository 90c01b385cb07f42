// The arithmetic of GroupNorm and LayerNorm: y = (x - mean) / sqrt(var + eps) * weight + bias over contiguous
// groups of values, each (sample, group) in double precision and rounded to float32 once per element, with PyTorch's
// derivatives. LayerNorm over F features is the case of one group of F channels of one position each.
import { num, type BuildContext, type LayerRuntime } from '../../ops/types';
import type { TensorContext, TensorDecl } from '../types';

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
 * The runtime of a group norm over `channels` x `area` values per sample in `groups` groups (the `eps` param), its
 * weight and bias per channel from ones and zeros, trained and not penalized; statistics kept for the backward.
 */
export function groupNormalizationOp(
  ctx: BuildContext,
  { channels, area, groups }: Omit<GroupNormSizes, 'batch'>,
): LayerRuntime {
  const {
    inputs: [x],
    output: y,
    inputGrads: [xGrad],
  } = ctx;
  const eps = num(ctx.params, 'eps');
  const weight = ctx.param('weight', [channels], 'ones', false);
  const bias = ctx.param('bias', [channels], 'zeros', false);
  const mean = new Float64Array(ctx.maxBatch * groups);
  const invStd = new Float64Array(ctx.maxBatch * groups);
  const sums = new Float64Array(2 * channels);
  const sizes = (batch: number): GroupNormSizes => ({ batch, channels, area, groups });
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
}

/** A weight and a bias per channel (the input's first dimension), trained and not penalized by L1/L2. */
export function perChannelAffine({ inputShape }: TensorContext): TensorDecl[] {
  return [
    { field: 'weight', shape: [inputShape[0]], trainable: true, regularized: false },
    { field: 'bias', shape: [inputShape[0]], trainable: true, regularized: false },
  ];
}
