// LayerNorm: each sample's feature vector normalized over its own F features (mean and biased variance), then scaled
// and shifted per feature with learned weight and bias, as PyTorch's nn.LayerNorm(F).   x (N, F) -> y (N, F).
// The same in training and evaluation (no running statistics). Computed here in TypeScript in double precision per
// sample, rounded to float32 once per element; the weight and bias gradients summed over the batch in sample order,
// so any thread count gives the same bits.
import { float, int, type OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { needsVector, out } from '../spec/shapes';
import { epsParam } from './shared/batchnorm';
import type { LayerDefinition } from './types';

/**
 * y = (x - mean) / sqrt(var + eps) * weight + bias per sample of `features` values; each sample's mean and
 * 1 / sqrt(var + eps) kept in `mean` and `invStd` (length >= batch) for the backward.
 */
export function layerNormForward(
  x: Float32Array,
  weight: Float32Array,
  bias: Float32Array,
  y: Float32Array,
  mean: Float64Array,
  invStd: Float64Array,
  batch: number,
  features: number,
  eps: number,
): void {
  for (let n = 0; n < batch; n++) {
    const start = n * features;
    const end = start + features;
    let sum = 0;
    for (let i = start; i < end; i++) sum += x[i];
    const m = sum / features;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const d = x[i] - m;
      squares += d * d;
    }
    const r = 1 / Math.sqrt(squares / features + eps);
    mean[n] = m;
    invStd[n] = r;
    for (let i = start, f = 0; i < end; i++, f++) y[i] = (x[i] - m) * r * weight[f] + bias[f];
  }
}

/**
 * PyTorch's derivatives, with xhat = (x - mean) invStd and g = dy weight:
 * dx = invStd / F (F g - sum(g) - xhat sum(g xhat)) (written, or added when accumulating; skipped when dx is null),
 * dWeight = the sum over the batch of dy xhat, dBias = the sum of dy, in sample order in double (`sums`: 2 F scratch).
 */
export function layerNormBackward(
  x: Float32Array,
  weight: Float32Array,
  dy: Float32Array,
  mean: Float64Array,
  invStd: Float64Array,
  dx: Float32Array | null,
  dWeight: Float32Array,
  dBias: Float32Array,
  sums: Float64Array,
  batch: number,
  features: number,
  accumulate: boolean,
): void {
  sums.fill(0);
  for (let n = 0; n < batch; n++) {
    const start = n * features;
    const end = start + features;
    const m = mean[n];
    const r = invStd[n];
    let sumG = 0;
    let sumGXhat = 0;
    for (let i = start, f = 0; i < end; i++, f++) {
      const xhat = (x[i] - m) * r;
      const g = dy[i] * weight[f];
      sumG += g;
      sumGXhat += g * xhat;
      sums[f] += dy[i] * xhat;
      sums[features + f] += dy[i];
    }
    if (!dx) continue;
    const scale = r / features;
    for (let i = start, f = 0; i < end; i++, f++) {
      const xhat = (x[i] - m) * r;
      const d = scale * (features * dy[i] * weight[f] - sumG - xhat * sumGXhat);
      dx[i] = accumulate ? dx[i] + Math.fround(d) : d;
    }
  }
  for (let f = 0; f < features; f++) {
    dWeight[f] = sums[f];
    dBias[f] = sums[features + f];
  }
}

/** ONNX LayerNormalization (opset 17) over the last axis, weight and bias as its Scale and B. */
const layerNormOnnx: OnnxEmitter = (ctx) => {
  const inputs = [ctx.inputs[0], ctx.tensor('weight'), ctx.tensor('bias')];
  ctx.g.node('LayerNormalization', ctx.node.id, inputs, [ctx.out], {
    axis: int(-1),
    epsilon: float(ctx.params.eps as number),
  });
  return ctx.out;
};

export const layernorm: LayerDefinition<'layernorm'> = {
  catalogue: {
    kind: 'layernorm',
    name: 'LayerNorm',
    category: 'normalization',
    inputs: 1,
    idPrefix: 'ln',
    help: 'Normalizes each sample’s feature vector over its own features, then scales and shifts each feature with learned values.',
    params: [epsParam],
  },
  // weight and bias per feature.
  shape: (ctx) => needsVector(ctx, 'layernorm-needs-vector') ?? out(ctx.inputs[0], 2 * ctx.inputs[0][0]),
  op: (ctx) => {
    const {
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const features = x.shape[0];
    const eps = num(ctx.params, 'eps');
    const weight = ctx.param('weight', [features], 'ones', false);
    const bias = ctx.param('bias', [features], 'zeros', false);
    const mean = new Float64Array(ctx.maxBatch);
    const invStd = new Float64Array(ctx.maxBatch);
    const sums = new Float64Array(2 * features);
    return {
      forward(batch) {
        layerNormForward(x.data, weight.value, bias.value, y.data, mean, invStd, batch, features, eps);
      },
      backward(batch) {
        const dx = xGrad.needed ? x.grad : null;
        layerNormBackward(
          x.data,
          weight.value,
          y.grad!,
          mean,
          invStd,
          dx,
          weight.grad,
          bias.grad,
          sums,
          batch,
          features,
          xGrad.accumulate,
        );
      },
    };
  },
  tensors: ({ inputShape }) => [
    { field: 'weight', shape: [inputShape[0]], trainable: true, regularized: false },
    { field: 'bias', shape: [inputShape[0]], trainable: true, regularized: false },
  ],
  onnx: layerNormOnnx,
  pytorch: (ctx) => ({
    module: `nn.LayerNorm(${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)})`,
    expression: call(ctx),
  }),
};
