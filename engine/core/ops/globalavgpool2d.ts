// Global average pooling: the mean of each channel over the whole image.   x (N, C, H, W) -> y (N, C).
import type { OpBuilder } from './types';

export const globalavgpool2d: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const [channels, height, width] = x.shape;
  const spatial = height * width;
  return {
    forward(batch) {
      kernels.globalAvgPoolForward(x.data, y.data, batch, channels, spatial);
    },
    backward(batch) {
      if (xGrad.needed) kernels.globalAvgPoolBackward(y.grad!, x.grad!, batch, channels, spatial, xGrad.accumulate);
    },
  };
};
