// Conv (2-D, group 1, dilation 1) -> conv2d: weight [O, C, kh, kw] and optional bias [O] taken as they are.

import { attributeInt } from '../graph';
import { windowGeometry } from '../../../spec/window';
import { layer, needsRank, unsupported, unsupportedAttribute, type Conversion, type Converter } from '../convertTypes';
import { isConversion, windowParams } from './window';

export const conv: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 3);
  if (wrongInput) return wrongInput;
  const weight = ctx.constant(1);
  if (!weight?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  if (weight.dims.length !== 4)
    return unsupportedAttribute(ctx, 'weight', `[${weight.dims.join(', ')}]`, 'a 2-D convolution');
  const bias = ctx.node.inputs[2] ? ctx.constant(2) : null;
  if (ctx.node.inputs[2] && !bias?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: 3 });
  const window = windowParams(ctx, weight.dims.slice(2), ctx.shape(0)!);
  if (isConversion(window)) return window;
  const [filters] = weight.dims;
  const group = attributeInt(ctx.node, 'group', 1);
  if (group !== 1) {
    // A grouped convolution's output is shaped like any other's: keep the shapes after it known.
    const g = windowGeometry('conv2d', { ...window }, ctx.shape(0)!);
    return { ...unsupportedAttribute(ctx, 'group', group, '1'), shape: [filters, g.oh, g.ow] } as Conversion;
  }
  return layer('conv2d', { filters, ...window, bias: bias !== null }, [0], {
    tensors: {
      weight: { shape: [...weight.dims], value: weight.floats },
      ...(bias ? { bias: { shape: [filters], value: bias.floats! } } : {}),
    },
    weightName: ctx.node.inputs[1],
  });
};
