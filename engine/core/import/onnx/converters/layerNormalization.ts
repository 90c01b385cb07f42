// LayerNormalization (opset 17) over the features of a vector ([N, F], axis -1 or 1) -> layernorm: Scale and B
// become weight and bias (no B: zeros); stash_type (the precision of the statistics) is ignored, Netwright computes
// them in double. Also the node fuseLayerNorm (passes.ts) writes for nn.LayerNorm as PyTorch writes it before
// opset 17.

import { attributeFloat, attributeInt } from '../graph';
import { layer, needsRank, tidy, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const layerNormalization: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 1);
  if (wrongInput) return wrongInput;
  const features = ctx.shape(0)![0];
  const axis = attributeInt(ctx.node, 'axis', -1);
  if (axis !== -1 && axis !== 1) return unsupportedAttribute(ctx, 'axis', axis, '-1 (the features)');
  const scale = ctx.constant(1);
  if (!scale?.floats || scale.floats.length !== features) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const hasBias = (ctx.node.inputs[2] ?? '') !== '';
  const bias = hasBias ? ctx.constant(2) : null;
  if (hasBias && (!bias?.floats || bias.floats.length !== features))
    return unsupported(ctx, 'onnx-needs-constant', { input: 3 });
  return layer('layernorm', { eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)) }, [0], {
    tensors: {
      weight: { shape: [features], value: scale.floats },
      bias: { shape: [features], value: bias?.floats ?? new Float32Array(features) },
    },
    weightName: ctx.node.inputs[1],
  });
};
