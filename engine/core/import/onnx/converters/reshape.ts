// Reshape to [batch, -1] (x.view(x.size(0), -1), x.flatten(1), x.view(-1, C*H*W)) -> flatten, with the batch
// given as 0, -1 or the Shape -> Gather chain PyTorch writes, or as 1 in a file whose batch is fixed at 1 (exported
// without a dynamic batch axis); any other target shape is not a layer Netwright has.

import { layer, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';
import type { ShapeElement } from '../shapeValues';

export const reshape: Converter = (ctx) => {
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  const target = ctx.shapeElements(1);
  if (!target) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const features = shape.reduce((a, b) => a * b, 1);
  const isBatch = (e: ShapeElement) =>
    e === 0 || (typeof e === 'object' && e.axis === 0) || (ctx.batchIsOne && e === 1);
  const [first, second] = target;
  const flattens =
    target.length === 2 &&
    ((isBatch(first) && (second === -1 || second === features)) || (first === -1 && second === features));
  if (!flattens) return unsupportedAttribute(ctx, 'shape', targetText(target), '[batch, -1] (flatten)');
  return shape.length === 1 ? { kind: 'alias', input: 0 } : layer('flatten');
};

function targetText(target: readonly ShapeElement[]): string {
  return `[${target.map((e) => (typeof e === 'number' ? e : e.axis === 0 ? 'batch' : `dim ${e.axis}`)).join(', ')}]`;
}
