// Concat of two computed tensors along the channels (images) or features (vectors) -> concat.
import { attributeInt } from '../graph';
import { layer, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const concat: Converter = (ctx) => {
  const count = ctx.node.inputs.length;
  if (count === 1 && ctx.isData(0)) return { kind: 'alias', input: 0 };
  if (count !== 2) return unsupported(ctx, 'onnx-too-many-inputs', { count });
  for (const i of [0, 1]) if (!ctx.isData(i)) return unsupported(ctx, 'onnx-unexpected-constant', { input: i + 1 });
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  const axis = attributeInt(ctx.node, 'axis', 1);
  if (axis !== 1 && axis !== -shape.length) return unsupportedAttribute(ctx, 'axis', axis, '1 (channels or features)');
  return layer('concat', {}, [0, 1]);
};
