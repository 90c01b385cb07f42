// Flatten: (N, C, H, W) -> (N, C*H*W) in row-major order. The bytes do not move; it is a copy into the next shape.
import type { OpBuilder } from './types';

export const flatten: OpBuilder = (ctx) => {
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
