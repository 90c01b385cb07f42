// AveragePool (2-D) -> avgpool2d, which counts padded zeros in each average (count_include_pad = 1); without
// padding the two counts agree. PyTorch's Pad + AveragePool was folded into pads by the passes.

import { attributeInt } from '../graph';
import { layer, needsRank, unsupportedAttribute, type Converter } from '../convertTypes';
import { asPair, ceilModeProblem, isConversion, windowParams } from './window';

export const averagePool: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const input = ctx.shape(0)!;
  const window = windowParams(ctx, null, input);
  if (isConversion(window)) return window;
  const padding = asPair(window.padding);
  if (padding.some((p) => p > 0) && attributeInt(ctx.node, 'count_include_pad', 0) === 0)
    return unsupportedAttribute(
      ctx,
      'count_include_pad',
      0,
      '1 when the pool pads (padded zeros count in the average)',
    );
  const ceil = ceilModeProblem(ctx, input, asPair(window.kernelSize), asPair(window.stride), padding);
  return ceil ?? layer('avgpool2d', { ...window });
};
