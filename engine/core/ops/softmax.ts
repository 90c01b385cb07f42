// Softmax over the features of each sample: (N, C) -> (N, C), each row summing to 1.
import type { OpBuilder } from './types';

export const softmax: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  return {
    forward(batch) {
      kernels.softmaxForward(x.data, y.data, batch, x.size);
    },
    backward(batch) {
      if (xGrad.needed) kernels.softmaxBackward(y.data, y.grad!, x.grad!, batch, x.size, xGrad.accumulate);
    },
  };
};
