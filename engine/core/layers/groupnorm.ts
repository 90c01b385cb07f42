// GroupNorm: each sample's C channels split into G groups of C/G channels, each group normalized over its own
// (C/G)·H·W values (mean and biased variance), then scaled and shifted per channel with learned weight and bias, as
// PyTorch's nn.GroupNorm(G, C).   x (N, C, H, W) -> y (N, C, H, W).
// The same in training and evaluation (no running statistics). Computed in TypeScript (shared/groupNormalization.ts)
// in double precision per (sample, group), rounded to float32 once per element; the weight and bias gradients summed over the batch and the
// positions in a fixed order, so any thread count gives the same bits.
import { float, type OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { mismatch, needsImage, out, shapeText } from '../spec/shapes';
import { epsParam } from './shared/batchnorm';
import { groupNormalizationOp, perChannelAffine } from './shared/groupNormalization';
import type { LayerDefinition } from './types';

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
    const [channels, height, width] = ctx.inputs[0].shape;
    return groupNormalizationOp(ctx, { channels, area: height * width, groups: num(ctx.params, 'groups') });
  },
  tensors: perChannelAffine,
  onnx: groupNormOnnx,
  pytorch: (ctx) => ({
    module: `nn.GroupNorm(${ctx.params.groups as number}, ${ctx.inputShapes[0][0]}, eps=${py(ctx.params.eps as number)})`,
    expression: call(ctx),
  }),
};
