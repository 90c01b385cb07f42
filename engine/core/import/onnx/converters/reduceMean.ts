// ReduceMean over height and width (axes [2, 3]) of an image -> globalavgpool2d; keepdims only changes whether
// [N, C, 1, 1] or [N, C] comes out, and the [N, C, 1, 1] form is flattened next (see globalAveragePool.ts).

import { attributeInts } from '../graph';
import { layer, needsRank, unsupportedAttribute, type Converter } from '../convertTypes';

export const reduceMean: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  // Opset 18 moved axes from an attribute to an optional second input.
  const axes = ctx.opset >= 18 ? (ctx.constant(1)?.ints ?? null) : attributeInts(ctx.node, 'axes');
  const normal = (axes ?? []).map((a) => (a < 0 ? a + 4 : a)).sort();
  if (normal.length !== 2 || normal[0] !== 2 || normal[1] !== 3)
    return unsupportedAttribute(ctx, 'axes', `[${(axes ?? []).join(', ')}]`, '[2, 3] (height and width)');
  return layer('globalavgpool2d');
};
