// What conv and pooling layers share: the kernels' geometry array, the shape rule over a window, the pooling params.
import type { BuildContext } from '../../ops/types';
import type { ParamDef } from '../../spec/layerTypes';
import { needsImage, out, shapeText, sizeText, type ShapeRule } from '../../spec/shapes';
import { dilatedSpan, groupsOf, windowGeometry, type WindowOp } from '../../spec/window';

/**
 * The kernels' Int32Array geometry for a conv or pooling node; element 0 (batch) is set before each call. A dilated
 * conv's output size (elements 11, 12) is its dilated window's, which only layers/shared/dilatedConv.ts reads.
 */
export function geometryFor(ctx: BuildContext, op: WindowOp, outChannels: number): Int32Array {
  const [channels, height, width] = ctx.inputs[0].shape;
  const g = windowGeometry(op, ctx.params, ctx.inputs[0].shape);
  return Int32Array.from([
    ctx.maxBatch,
    channels,
    height,
    width,
    outChannels,
    g.kh,
    g.kw,
    g.sh,
    g.sw,
    g.ph,
    g.pw,
    g.oh,
    g.ow,
  ]);
}

/**
 * [C, H, W] -> [C or filters, OH, OW], refusing a window (a dilated kernel's whole span) larger than the (padded)
 * image, and a conv's groups that do not divide its input channels; conv counts its weights (dilation adds none).
 */
export function windowRule(op: WindowOp): ShapeRule {
  return (ctx) => {
    const problem = needsImage(ctx, 'needs-image');
    if (problem) return problem;
    const [channels, height, width] = ctx.inputs[0];
    const g = windowGeometry(op, ctx.params, ctx.inputs[0]);
    const [spanH, spanW] = [dilatedSpan(g.kh, g.dh), dilatedSpan(g.kw, g.dw)];
    if (height + 2 * g.ph < spanH || width + 2 * g.pw < spanW) {
      const args = { window: sizeText(spanH, spanW), shape: shapeText(ctx.inputs[0]), size: sizeText(height, width) };
      return g.ph || g.pw
        ? {
            ok: false,
            code: 'kernel-too-large',
            reason: 'window-too-large-padded',
            args: { ...args, padded: sizeText(height + 2 * g.ph, width + 2 * g.pw) },
          }
        : { ok: false, code: 'kernel-too-large', reason: 'window-too-large', args };
    }
    if (op !== 'conv2d') return out([channels, g.oh, g.ow]);
    const filters = ctx.params.filters as number;
    const groups = groupsOf(ctx.params);
    if (channels % groups !== 0) {
      const args = { channels, groups, shape: shapeText(ctx.inputs[0]) };
      return { ok: false, code: 'shape-mismatch', reason: 'groups-channels', args };
    }
    const bias = ctx.params.bias === false ? 0 : filters;
    return out([filters, g.oh, g.ow], filters * (channels / groups) * g.kh * g.kw + bias);
  };
}

export function poolParams(what: string): ParamDef[] {
  return [
    {
      name: 'kernelSize',
      label: 'Window',
      type: 'intOrPair',
      default: 2,
      min: 1,
      help: `Size of the window to take the ${what} over: n or [height, width].`,
    },
    {
      name: 'stride',
      label: 'Stride',
      type: 'intOrPair',
      default: null,
      min: 1,
      help: 'Step between windows: n or [height, width]; leave empty to use the window size (no overlap).',
    },
    {
      name: 'padding',
      label: 'Padding',
      type: 'intOrPair',
      default: 0,
      min: 0,
      help: 'Rows and columns added around the image: n or [height, width], at most half the window.',
    },
  ];
}
