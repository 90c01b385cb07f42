// PRelu -> prelu: a constant slope of one value (nn.PReLU()) is one shared slope; one per channel of an image
// ([C, 1, 1], how PyTorch writes nn.PReLU(C)) or per feature of a vector ([F]) is a slope per channel. Any other
// slope shape broadcasts in a way the layer cannot learn.
import { layer, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

export const pRelu: Converter = (ctx) => {
  if (!ctx.isData(0)) return unsupported(ctx, 'onnx-unexpected-constant', { input: 1 });
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  const slope = ctx.constant(1);
  if (!slope?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const count = slope.floats.length;
  // Trailing 1s (and leading ones) do not change which elements a slope covers.
  const dims = slope.dims.filter((d) => d !== 1);
  const channels = shape[0];
  const perChannelDims = shape.length === 3 ? [channels, 1, 1] : [channels];
  const ends = (a: readonly number[], b: readonly number[]) =>
    a.length <= b.length && a.every((d, i) => d === b[b.length - a.length + i]);
  const perChannel =
    count === channels &&
    count > 1 &&
    dims.length === 1 &&
    ends(slope.dims.slice(-perChannelDims.length), perChannelDims);
  if (count !== 1 && !perChannel)
    return unsupportedAttribute(
      ctx,
      'slope',
      `[${slope.dims.join(', ')}]`,
      `[1] or one per channel ([${perChannelDims.join(', ')}])`,
    );
  return layer('prelu', { perChannel: count > 1 }, [0], {
    tensors: { weight: { shape: [count], value: slope.floats } },
    weightName: ctx.node.inputs[1],
  });
};
