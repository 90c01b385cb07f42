// The GroupNorm node fuseGroupNorm (passes.ts) writes for nn.GroupNorm as PyTorch exports it (Reshape [0, G, -1],
// InstanceNormalization, Reshape back, Mul, Add) -> groupnorm over an image, its weight and bias per channel.

import { attributeFloat, attributeInt } from '../graph';
import {
  layer,
  needsRank,
  tidy,
  unsupported,
  unsupportedAttribute,
  type Conversion,
  type Converter,
} from '../convertTypes';

export const groupNorm: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const channels = ctx.shape(0)![0];
  const groups = attributeInt(ctx.node, 'num_groups', 1);
  if (!(groups >= 1) || channels % groups !== 0)
    return unsupportedAttribute(ctx, 'num_groups', groups, `a divisor of the ${channels} channels`);
  // One stored value per channel ([C, 1, 1] as the pattern has them).
  const perChannel = (input: number): Float32Array | Conversion => {
    const t = ctx.constant(input);
    if (!t?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: input + 1 });
    if (t.floats.length === channels) return t.floats;
    return unsupported(ctx, 'onnx-constant-size', {
      input: input + 1,
      shape: `[${t.dims.join(', ')}]`,
      expected: channels,
    });
  };
  const weight = perChannel(1);
  if (!(weight instanceof Float32Array)) return weight;
  const bias = perChannel(2);
  if (!(bias instanceof Float32Array)) return bias;
  return layer('groupnorm', { groups, eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)) }, [0], {
    tensors: {
      weight: { shape: [channels], value: weight },
      bias: { shape: [channels], value: bias },
    },
    weightName: ctx.node.inputs[1],
  });
};
