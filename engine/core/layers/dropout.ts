// Inverted dropout: in training each element is zeroed with probability p and the rest scaled by 1/(1-p),
// so evaluation needs no rescaling and is the identity.
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { sameShape } from '../spec/shapes';
import type { LayerDefinition } from './types';

export const dropout: LayerDefinition<'dropout'> = {
  catalogue: {
    kind: 'dropout',
    name: 'Dropout',
    category: 'regularization',
    inputs: 1,
    help: 'During training, zeroes each value with probability p (and scales the rest up) so the network cannot rely on any one feature.',
    params: [
      {
        name: 'p',
        label: 'Drop probability',
        type: 'float',
        default: 0.5,
        min: 0,
        max: 1,
        maxExclusive: true,
        help: 'Fraction of values dropped in training, from 0 up to (not including) 1.',
      },
    ],
  },

  shape: sameShape,

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    // Read at every pass: a paused run may change the rate (CompiledModel.setDropoutRate).
    const rate = () => num(ctx.params, 'p');
    let p = rate();
    const mask = new Uint8Array(ctx.maxBatch * x.size);
    let lastTraining = false;
    return {
      forward(batch, training, step) {
        p = rate();
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
  },

  // Inverted dropout is the identity at inference: wire the input straight through.
  onnx: (ctx) => ctx.inputs[0],
  pytorch: (ctx) => ({ module: `nn.Dropout(p=${py(ctx.params.p as number)})`, expression: call(ctx) }),
};
