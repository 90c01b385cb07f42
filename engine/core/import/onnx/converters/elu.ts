// Elu(alpha, default 1) -> elu.
import { attributeFloat } from '../graph';
import { layer, tidy, unsupportedAttribute, type Converter } from '../convertTypes';

export const elu: Converter = (ctx) => {
  const alpha = tidy(attributeFloat(ctx.node, 'alpha', 1));
  return alpha < 0 ? unsupportedAttribute(ctx, 'alpha', alpha, 'alpha ≥ 0') : layer('elu', { alpha });
};
