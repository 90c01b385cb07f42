// Inverted dropout: in training each element is zeroed with probability p and the rest scaled by 1/(1-p),
// so evaluation needs no rescaling and is the identity.
import { num, type OpBuilder } from './types';

export const dropout: OpBuilder = (ctx) => {
  const { kernels, inputs: [x], output: y, inputGrads: [xGrad] } = ctx;
  const p = num(ctx.params, 'p');
  const mask = new Uint8Array(ctx.maxBatch * x.size);
  let lastTraining = false;
  return {
    forward(batch, training, step) {
      lastTraining = training && p > 0;
      if (lastTraining) {
        // One random stream per (step, node): the same seed reproduces every mask, also after a resume.
        kernels.dropoutForward(x.data, y.data, mask, batch * x.size, p, ctx.seed, step * 1024 + ctx.nodeIndex);
      } else {
        kernels.copy(x.data, y.data, batch * x.size, false);
      }
    },
    backward(batch) {
      if (!xGrad.needed) return;
      if (lastTraining) kernels.dropoutBackward(y.grad!, mask, x.grad!, batch * x.size, p, xGrad.accumulate);
      else kernels.copy(y.grad!, x.grad!, batch * x.size, xGrad.accumulate);
    },
  };
};
