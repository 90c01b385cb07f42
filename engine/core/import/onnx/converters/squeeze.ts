// Squeeze of the two 1-sized axes a global pooling leaves ([N, C, 1, 1] -> [N, C]): Netwright's pooling already
// gives [N, C], so it becomes an alias. Other squeezes change a shape Netwright has no layer for.

import { attributeInts } from '../graph';
import { unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const squeeze: Converter = (ctx) => {
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  // Opset 13 moved axes from an attribute to an optional second input.
  const axes = ctx.opset >= 13 ? (ctx.constant(1)?.ints ?? null) : attributeInts(ctx.node, 'axes');
  const normal = (axes ?? []).map((a) => (a < 0 ? a + 4 : a)).sort();
  if (shape.length === 1 && normal.length === 2 && normal[0] === 2 && normal[1] === 3)
    return { kind: 'alias', input: 0 };
  return unsupportedAttribute(ctx, 'axes', `[${(axes ?? []).join(', ')}]`, '[2, 3] after a global pooling');
};
