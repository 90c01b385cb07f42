// Dense (fully connected) layer: y = x W^T + b.   x (N, in) -> y (N, out); weight [out, in], bias [out].
import { chooseInit } from './init';
import { num, type OpBuilder } from './types';

export const dense: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const inFeatures = x.size;
  const outFeatures = num(ctx.params, 'units');
  const weight = ctx.param('weight', [outFeatures, inFeatures], chooseInit(ctx.params.init, ctx.successorOp), true);
  const bias = ctx.params.bias === false ? null : ctx.param('bias', [outFeatures], 'zeros', false);
  return {
    forward(batch) {
      kernels.denseForward(x.data, weight.value, bias ? bias.value : null, y.data, batch, inFeatures, outFeatures);
    },
    backward(batch) {
      kernels.denseBackward(x.data, weight.value, y.grad!, xGrad.needed ? x.grad : null, weight.grad,
        bias ? bias.grad : null, batch, inFeatures, outFeatures, xGrad.accumulate);
    },
  };
};
