// Softmax over the features of each sample: (N, C) -> (N, C), each row summing to 1.
import { int, single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { needsVector, out } from '../spec/shapes';
import type { LayerDefinition } from './types';

export const softmax: LayerDefinition<'softmax'> = {
  catalogue: {
    kind: 'softmax',
    name: 'Softmax',
    category: 'activation',
    inputs: 1,
    help: 'Turns a vector of scores into probabilities that sum to 1.',
    params: [],
  },

  shape: (ctx) => needsVector(ctx, 'softmax-needs-vector') ?? out(ctx.inputs[0]),

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    return {
      forward(batch) {
        kernels.softmaxForward(x.data, y.data, batch, x.size);
      },
      backward(batch) {
        if (xGrad.needed) kernels.softmaxBackward(y.data, y.grad!, x.grad!, batch, x.size, xGrad.accumulate);
      },
    };
  },

  onnx: single('Softmax', () => ({ axis: int(1) })),
  pytorch: simple('nn.Softmax(dim=1)'),
};
