// Pointwise activations (ReLU, LeakyReLU, Sigmoid, Tanh, GELU): y = f(x), dx = dy * f'(x), any shape.
import { Activation } from '../kernels';
import type { OpBuilder } from './types';

function kindOf(op: string, approximate: unknown): Activation {
  switch (op) {
    case 'relu': return Activation.ReLU;
    case 'leakyrelu': return Activation.LeakyReLU;
    case 'sigmoid': return Activation.Sigmoid;
    case 'tanh': return Activation.Tanh;
    case 'gelu': return approximate === 'tanh' ? Activation.GeluTanh : Activation.GeluErf;
    default: throw new Error(`'${op}' is not a pointwise activation`);
  }
}

export const activation: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const kind = kindOf(ctx.node.op, ctx.params.approximate);
  const alpha = typeof ctx.params.negativeSlope === 'number' ? ctx.params.negativeSlope : 0;
  return {
    forward(batch) {
      kernels.activationForward(kind, x.data, y.data, batch * x.size, alpha);
    },
    backward(batch) {
      if (xGrad.needed) kernels.activationBackward(kind, x.data, y.data, y.grad!, x.grad!, batch * x.size, alpha, xGrad.accumulate);
    },
  };
};
