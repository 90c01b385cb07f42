// 2-D convolution (cross-correlation), NCHW.   x (N, C, H, W) -> y (N, O, OH, OW); weight [O, C, KH, KW], bias [O].
import { windowGeometry } from '../spec';
import { chooseInit } from './init';
import { num, type BuildContext, type OpBuilder } from './types';

/** The kernels' Int32Array geometry for a conv or pooling node; element 0 (batch) is set before each call. */
export function geometryFor(ctx: BuildContext, op: 'conv2d' | 'maxpool2d' | 'avgpool2d', outChannels: number): Int32Array {
  const [channels, height, width] = ctx.inputs[0].shape;
  const g = windowGeometry(op, ctx.params, ctx.inputs[0].shape);
  return Int32Array.from([ctx.maxBatch, channels, height, width, outChannels, g.kh, g.kw, g.sh, g.sw, g.ph, g.pw, g.oh, g.ow]);
}

export const conv2d: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const filters = num(ctx.params, 'filters');
  const geom = geometryFor(ctx, 'conv2d', filters);
  const weight = ctx.param('weight', [filters, geom[1], geom[5], geom[6]], chooseInit(ctx.params.init, ctx.successorOp), true);
  const bias = ctx.params.bias === false ? null : ctx.param('bias', [filters], 'zeros', false);
  return {
    forward(batch) {
      geom[0] = batch;
      kernels.conv2dForward(x.data, weight.value, bias ? bias.value : null, y.data, geom);
    },
    backward(batch) {
      geom[0] = batch;
      kernels.conv2dBackward(x.data, weight.value, y.grad!, xGrad.needed ? x.grad : null, weight.grad,
        bias ? bias.grad : null, geom, xGrad.accumulate);
    },
  };
};
