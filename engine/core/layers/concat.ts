// Concat along channels: (N, Ca, ...) and (N, Cb, ...) -> (N, Ca+Cb, ...), `a` first. Vectors concatenate features.
import { int, single } from '../export/onnxEmit';
import { mismatch, out, sameDims, shapeText } from '../spec/shapes';
import type { LayerDefinition } from './types';

export const concat: LayerDefinition<'concat'> = {
  catalogue: {
    kind: 'concat',
    name: 'Concat',
    category: 'merge',
    inputs: 2,
    help: 'Joins two tensors along the channels (images) or features (vectors); the other sizes must match.',
    params: [],
  },

  shape: (ctx) => {
    const [a, b] = ctx.inputs;
    if (a.length === b.length && sameDims(a.slice(1), b.slice(1))) return out([a[0] + b[0], ...a.slice(1)]);
    return mismatch('concat-shapes-differ', {
      a: shapeText(a),
      b: shapeText(b),
      aFrom: ctx.inputIds[0],
      bFrom: ctx.inputIds[1],
    });
  },

  op: (ctx) => {
    const {
      kernels,
      inputs: [a, b],
      output: y,
      inputGrads: [aGrad, bGrad],
    } = ctx;
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
        if (aGrad.needed)
          kernels.splitChannels(y.grad!, a.grad, null, batch, channelsA, channelsB, spatial, aGrad.accumulate);
        if (bGrad.needed)
          kernels.splitChannels(y.grad!, null, b.grad, batch, channelsA, channelsB, spatial, bGrad.accumulate);
      },
    };
  },

  onnx: single('Concat', () => ({ axis: int(1) })),
  pytorch: (ctx) => ({ module: null, expression: `torch.cat([${ctx.inputs[0]}, ${ctx.inputs[1]}], dim=1)` }),
};
