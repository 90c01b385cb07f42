// Gelu -> gelu: ONNX's own operator (opset 20, approximate 'none' or 'tanh') and the node the passes fuse from
// PyTorch's Erf pattern (domain 'netwright').
import { attributeString } from '../graph';
import { layer, unsupportedAttribute, type Converter } from '../convertTypes';

export const gelu: Converter = (ctx) => {
  const approximate = attributeString(ctx.node, 'approximate', 'none');
  if (approximate !== 'none' && approximate !== 'tanh')
    return unsupportedAttribute(ctx, 'approximate', `'${approximate}'`, "'none' or 'tanh'");
  return layer('gelu', { approximate });
};
