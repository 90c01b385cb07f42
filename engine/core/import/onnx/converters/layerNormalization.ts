// LayerNormalization (opset 17) over the features of a vector ([N, F], axis -1 or 1) -> layernorm: Scale and B
// become weight and bias (no B: zeros; a single value: that value for every feature); stash_type (the precision of
// the statistics) is ignored, Netwright computes them in double. Also the node fuseLayerNorm (passes.ts) writes for
// nn.LayerNorm as PyTorch writes it before opset 17.

import { attributeFloat, attributeInt } from '../graph';
import { affineValues, layer, needsRank, tidy, unsupportedAttribute, type Converter } from '../convertTypes';

export const layerNormalization: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 1);
  if (wrongInput) return wrongInput;
  const features = ctx.shape(0)![0];
  const axis = attributeInt(ctx.node, 'axis', -1);
  if (axis !== -1 && axis !== 1) return unsupportedAttribute(ctx, 'axis', axis, '-1 (the features)');
  // Scale and B broadcast over the features: one value per feature, or one value for all (a scalar Mul and Add after
  // the normalization, which fuseLayerNorm also takes). No B: zeros.
  const scale = affineValues(ctx, 1, features, 1);
  if (!(scale instanceof Float32Array)) return scale;
  const bias = affineValues(ctx, 2, features, 0);
  if (!(bias instanceof Float32Array)) return bias;
  return layer('layernorm', { eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)) }, [0], {
    tensors: {
      weight: { shape: [features], value: scale },
      bias: { shape: [features], value: bias },
    },
    weightName: ctx.node.inputs[1],
  });
};
