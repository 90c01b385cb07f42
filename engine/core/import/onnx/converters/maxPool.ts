// MaxPool (2-D, dilations 1; storage_order only matters for the unused Indices output) -> maxpool2d.

import { layer, needsRank, type Converter } from '../convertTypes';
import { asPair, ceilModeProblem, isConversion, windowParams } from './window';

export const maxPool: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const input = ctx.shape(0)!;
  const window = windowParams(ctx, null, input);
  if (isConversion(window)) return window;
  const ceil = ceilModeProblem(ctx, input, asPair(window.kernelSize), asPair(window.stride), asPair(window.padding));
  // ONNX strides default to 1, Netwright's pooling stride to the window: always say which.
  return ceil ?? layer('maxpool2d', { ...window });
};
