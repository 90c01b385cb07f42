// Average pooling, NCHW, dividing every window by KH*KW (padded zeros count, as count_include_pad does).
import { geometryFor } from './conv2d';
import type { OpBuilder } from './types';

export const avgpool2d: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const geom = geometryFor(ctx, 'avgpool2d', x.shape[0]);
  return {
    forward(batch) {
      geom[0] = batch;
      kernels.avgPool2dForward(x.data, y.data, geom);
    },
    backward(batch) {
      if (!xGrad.needed) return;
      geom[0] = batch;
      kernels.avgPool2dBackward(y.grad!, x.grad!, geom, xGrad.accumulate);
    },
  };
};
