// Concat along channels: (N, Ca, ...) and (N, Cb, ...) -> (N, Ca+Cb, ...), `a` first. Vectors concatenate features.
import type { OpBuilder } from './types';

export const concat: OpBuilder = (ctx) => {
  const { kernels, inputs: [a, b], output: y, inputGrads: [aGrad, bGrad] } = ctx;
  const channelsA = a.shape[0];
  const channelsB = b.shape[0];
  const spatial = a.size / channelsA;
  // The kernel writes both halves with one accumulate flag; split into two calls when the flags differ.
  const together = aGrad.needed && bGrad.needed && aGrad.accumulate === bGrad.accumulate;
  return {
    forward(batch) {
      kernels.concatChannels(a.data, b.data, y.data, batch, channelsA, channelsB, spatial);
    },
    backward(batch) {
      if (together) {
        kernels.splitChannels(y.grad!, a.grad, b.grad, batch, channelsA, channelsB, spatial, aGrad.accumulate);
        return;
      }
      if (aGrad.needed) kernels.splitChannels(y.grad!, a.grad, null, batch, channelsA, channelsB, spatial, aGrad.accumulate);
      if (bGrad.needed) kernels.splitChannels(y.grad!, null, b.grad, batch, channelsA, channelsB, spatial, bGrad.accumulate);
    },
  };
};
