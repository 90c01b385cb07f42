// LeakyRelu(alpha, default 0.01) -> leakyrelu with that negative slope.
import { attributeFloat } from '../graph';
import { layer, tidy, type Converter } from '../convertTypes';

export const leakyRelu: Converter = (ctx) =>
  layer('leakyrelu', { negativeSlope: tidy(attributeFloat(ctx.node, 'alpha', 0.01)) });
