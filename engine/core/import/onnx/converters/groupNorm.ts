// The GroupNorm node fuseGroupNorm (passes.ts) writes for nn.GroupNorm as PyTorch exports it (Reshape [0, G, -1],
// InstanceNormalization, Reshape back, Mul, Add) -> groupnorm over an image, its weight and bias per channel.

import { attributeFloat, attributeInt } from '../graph';
import { layer, needsRank, tidy, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const groupNorm: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const channels = ctx.shape(0)![0];
  const groups = attributeInt(ctx.node, 'num_groups', 1);
  if (!(groups >= 1) || channels % groups !== 0)
    return unsupportedAttribute(ctx, 'num_groups', groups, `a divisor of the ${channels} channels`);
  const weight = ctx.constant(1);
  if (!weight?.floats || weight.floats.length !== channels)
    return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const bias = ctx.constant(2);
  if (!bias?.floats || bias.floats.length !== channels) return unsupported(ctx, 'onnx-needs-constant', { input: 3 });
  return layer('groupnorm', { groups, eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)) }, [0], {
    tensors: {
      weight: { shape: [channels], value: weight.floats },
      bias: { shape: [channels], value: bias.floats },
    },
    weightName: ctx.node.inputs[1],
  });
};
