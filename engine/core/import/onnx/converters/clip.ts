// Clip -> relu6 (min 0, max 6: how PyTorch exports nn.ReLU6) or relu (min 0, no max). The bounds are attributes up
// to opset 10 and optional constant inputs from opset 11; any other pair of bounds has no layer.
import { attributeFloat, scalarOf } from '../graph';
import { layer, unsupported, unsupportedAttribute, type ConvertContext, type Converter } from '../convertTypes';

/** A bound from opset 11's optional input i: null when absent (no bound), undefined when not a constant. */
function boundInput(ctx: ConvertContext, i: number): number | null | undefined {
  if ((ctx.node.inputs[i] ?? '') === '') return null;
  const value = scalarOf(ctx.constant(i));
  return value === null ? undefined : value;
}

export const clip: Converter = (ctx) => {
  let min: number | null | undefined;
  let max: number | null | undefined;
  if (ctx.opset >= 11) {
    min = boundInput(ctx, 1);
    max = boundInput(ctx, 2);
    if (min === undefined) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
    if (max === undefined) return unsupported(ctx, 'onnx-needs-constant', { input: 3 });
  } else {
    // Opsets 6-10: attributes, defaulting to the float range (no bound).
    const lowest = attributeFloat(ctx.node, 'min', -3.4028234663852886e38);
    const highest = attributeFloat(ctx.node, 'max', 3.4028234663852886e38);
    min = lowest <= -3.4e38 ? null : lowest;
    max = highest >= 3.4e38 ? null : highest;
  }
  if (min === 0 && max === 6) return layer('relu6');
  if (min === 0 && (max === null || max === Infinity)) return layer('relu');
  return unsupportedAttribute(
    ctx,
    'min, max',
    `${min ?? 'none'}, ${max ?? 'none'}`,
    '0 and 6 (ReLU6), or 0 and none (ReLU)',
  );
};
