// Flatten(axis 1) -> flatten; on a vector (after global pooling) it changes nothing and becomes an alias.

import { attributeInt } from '../graph';
import { layer, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const flatten: Converter = (ctx) => {
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  const axis = attributeInt(ctx.node, 'axis', 1);
  if (axis !== 1 && axis !== -shape.length)
    return unsupportedAttribute(ctx, 'axis', axis, '1 (keep the batch, flatten the rest)');
  return shape.length === 1 ? { kind: 'alias', input: 0 } : layer('flatten');
};
