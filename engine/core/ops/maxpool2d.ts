// Max pooling, NCHW: the largest value of each window; its gradient goes to the position of that maximum.
import { geometryFor } from './conv2d';
import type { OpBuilder } from './types';

export const maxpool2d: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const geom = geometryFor(ctx, 'maxpool2d', x.shape[0]);
  const argmax = new Int32Array(ctx.maxBatch * y.size); // flat index into x of each window's maximum
  return {
    forward(batch) {
      geom[0] = batch;
      kernels.maxPool2dForward(x.data, y.data, argmax, geom);
    },
    backward(batch) {
      if (!xGrad.needed) return;
      geom[0] = batch;
      kernels.maxPool2dBackward(y.grad!, argmax, x.grad!, geom, xGrad.accumulate);
    },
  };
};
