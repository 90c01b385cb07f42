// Gemm Y = alpha A B' + beta C (B' = B or its transpose) with A the data [N, in] and B, C constants -> dense:
// weight [out, in] = alpha B (transB 1) or alpha B transposed (transB 0); bias [out] = beta C broadcast.

import { attributeFloat, attributeInt } from '../graph';
import { layer, needsRank, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';
import { transpose } from './matMul';

export const gemm: Converter = (ctx) => {
  const { node } = ctx;
  // transA = 1 would make the batch the second axis of A: not a batch-first layer.
  const transA = attributeInt(node, 'transA', 0);
  if (transA !== 0) return unsupportedAttribute(ctx, 'transA', transA, '0 (the data enters as [batch, features])');
  const wrongInput = needsRank(ctx, 1);
  if (wrongInput) return wrongInput;
  const b = ctx.constant(1);
  if (!b?.floats || b.dims.length !== 2) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const transB = attributeInt(node, 'transB', 0);
  const alpha = attributeFloat(node, 'alpha', 1);
  const beta = attributeFloat(node, 'beta', 1);
  const [outFeatures, inFeatures] = transB ? b.dims : [b.dims[1], b.dims[0]];
  const weight = transB ? b.floats.slice() : transpose(b.floats, b.dims[0], b.dims[1]);
  if (alpha !== 1) for (let i = 0; i < weight.length; i++) weight[i] *= alpha;
  let bias: Float32Array | null = null;
  if (node.inputs[2]) {
    const c = ctx.constant(2);
    if (!c?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: 3 });
    // C broadcasts to [N, out]: a scalar, [out] or [1, out]; a per-row C ([N, out]) would tie the model to one batch size.
    if (c.floats.length !== 1 && c.floats.length !== outFeatures)
      return unsupported(ctx, 'onnx-constant-size', {
        input: 3,
        shape: `[${c.dims.join(', ')}]`,
        expected: outFeatures,
      });
    bias = Float32Array.from({ length: outFeatures }, (_, i) => beta * c.floats![c.floats!.length === 1 ? 0 : i]);
  }
  return layer('dense', { units: outFeatures, bias: bias !== null }, [0], {
    tensors: {
      weight: { shape: [outFeatures, inFeatures], value: weight },
      ...(bias ? { bias: { shape: [outFeatures], value: bias } } : {}),
    },
    weightName: node.inputs[1],
  });
};
