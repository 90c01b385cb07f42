// Add (residual merge): y = a + b for two inputs of the same shape; both receive the whole upstream gradient.
import type { OpBuilder } from './types';

export const add: OpBuilder = (ctx) => {
  const { kernels, inputs: [a, b], output: y, inputGrads: [aGrad, bGrad] } = ctx;
  return {
    forward(batch) {
      kernels.add(a.data, b.data, y.data, batch * y.size);
    },
    backward(batch) {
      if (aGrad.needed) kernels.copy(y.grad!, a.grad!, batch * y.size, aGrad.accumulate);
      if (bGrad.needed) kernels.copy(y.grad!, b.grad!, batch * y.size, bGrad.accumulate);
    },
  };
};
