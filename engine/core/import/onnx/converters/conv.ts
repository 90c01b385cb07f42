// Conv (2-D) -> conv2d: weight [O, C / group, kh, kw] and optional bias [O] taken as they are; a group (grouped or
// depthwise convolution) that divides the channels and the filters becomes the layer's groups, and dilations with
// strides 1 (atrous convolution) its dilation.

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
  const window = windowParams(ctx, weight.dims.slice(2), ctx.shape(0)!, {
    outChannels: weight.dims[0],
    dilation: true,
  });
  if (isConversion(window)) return window;
  const [filters] = weight.dims;
  const group = attributeInt(ctx.node, 'group', 1);
  const channels = ctx.shape(0)![0];
  if (group < 1 || channels % group !== 0 || filters % group !== 0 || weight.dims[1] * group !== channels) {
    // The output is shaped like any other convolution's: keep the shapes after it known.
    const g = windowGeometry('conv2d', { ...window }, ctx.shape(0)!);
    const supported = 'a number that divides the channels and the filters';
    return { ...unsupportedAttribute(ctx, 'group', group, supported), shape: [filters, g.oh, g.ow] } as Conversion;
  }
  const groups: Record<string, number> = group === 1 ? {} : { groups: group };
  return layer('conv2d', { filters, ...window, ...groups, bias: bias !== null }, [0], {
    tensors: {
      weight: { shape: [...weight.dims], value: weight.floats },
      ...(bias ? { bias: { shape: [filters], value: bias.floats! } } : {}),
    },
    weightName: ctx.node.inputs[1],
  });
};
