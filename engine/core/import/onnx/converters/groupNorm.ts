// The GroupNorm node fuseGroupNorm (passes.ts) writes for nn.GroupNorm as PyTorch exports it (Reshape [0, G, -1],
// InstanceNormalization, Reshape back, Mul, Add) -> groupnorm over an image, its weight and bias per channel (one
// value: that value for every channel, as PyTorch writes affine=False; no bias: zeros).

import { attributeFloat, attributeInt } from '../graph';
import { affineValues, layer, needsRank, tidy, unsupportedAttribute, type Converter } from '../convertTypes';

export const groupNorm: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const channels = ctx.shape(0)![0];
  const groups = attributeInt(ctx.node, 'num_groups', 1);
  if (!(groups >= 1) || channels % groups !== 0)
    return unsupportedAttribute(ctx, 'num_groups', groups, `a divisor of the ${channels} channels`);
  const weight = affineValues(ctx, 1, channels, 1);
  if (!(weight instanceof Float32Array)) return weight;
  const bias = affineValues(ctx, 2, channels, 0);
  if (!(bias instanceof Float32Array)) return bias;
  return layer('groupnorm', { groups, eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)) }, [0], {
    tensors: {
      weight: { shape: [channels], value: weight },
      bias: { shape: [channels], value: bias },
    },
    weightName: ctx.node.inputs[1],
  });
};
