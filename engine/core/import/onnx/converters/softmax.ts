// Softmax over the features of a vector -> softmax. Before opset 13 the default axis is 1 (and the input is
// coerced to 2-D); from 13 it is -1. On [N, F] both mean the features.
import { attributeInt } from '../graph';
import { layer, needsRank, unsupportedAttribute, type Converter } from '../convertTypes';

export const softmax: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 1);
  if (wrongInput) return wrongInput;
  const axis = attributeInt(ctx.node, 'axis', ctx.opset >= 13 ? -1 : 1);
  return axis === 1 || axis === -1
    ? layer('softmax')
    : unsupportedAttribute(ctx, 'axis', axis, '1 or -1 (the features)');
};
