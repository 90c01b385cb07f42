// LayerNorm: each sample's feature vector normalized over its own F features (mean and biased variance), then scaled
// and shifted per feature with learned weight and bias, as PyTorch's nn.LayerNorm(F).   x (N, F) -> y (N, F).
// The same in training and evaluation (no running statistics). Computed in TypeScript as a group norm of one group
// (shared/groupNormalization.ts): in double precision per sample, rounded to float32 once per element; the weight and
// bias gradients summed over the batch in sample order, so any thread count gives the same bits.
import { float, int, type OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { needsVector, out } from '../spec/shapes';
import { epsParam } from './shared/batchnorm';
import { groupNormalizationOp, perChannelAffine } from './shared/groupNormalization';
import type { LayerDefinition } from './types';

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
  // One group of F channels of one position each: the same sums, in the same order, per sample.
  op: (ctx) => groupNormalizationOp(ctx, { channels: ctx.inputs[0].shape[0], area: 1, groups: 1 }),
  tensors: perChannelAffine,
  onnx: layerNormOnnx,
  pytorch: (ctx) => ({
    module: `nn.LayerNorm(${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)})`,
    expression: call(ctx),
  }),
};
