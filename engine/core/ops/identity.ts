// Identity: passes its input through unchanged (a placeholder or a named tap point in a graph).
import type { OpBuilder } from './types';

export const identity: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  return {
    forward(batch) {
      kernels.copy(x.data, y.data, batch * x.size, false);
    },
    backward(batch) {
      if (xGrad.needed) kernels.copy(y.grad!, x.grad!, batch * x.size, xGrad.accumulate);
    },
  };
};
