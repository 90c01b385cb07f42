// Add (residual merge): y = a + b for two inputs of the same shape; both receive the whole upstream gradient.
import { single } from '../export/onnxEmit';
import { mismatch, out, sameDims, shapeText } from '../spec/shapes';
import type { LayerDefinition } from './types';

export const add: LayerDefinition<'add'> = {
  catalogue: {
    kind: 'add',
    name: 'Add',
    category: 'merge',
    inputs: 2,
    help: 'Adds two tensors of the same shape element by element, as in a residual (skip) connection.',
    params: [],
  },

  shape: (ctx) => {
    const [a, b] = ctx.inputs;
    if (sameDims(a, b)) return out(a);
    return mismatch('add-shapes-differ', {
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
    return {
      forward(batch) {
        kernels.add(a.data, b.data, y.data, batch * y.size);
      },
      backward(batch) {
        if (aGrad.needed) kernels.copy(y.grad!, a.grad!, batch * y.size, aGrad.accumulate);
        if (bGrad.needed) kernels.copy(y.grad!, b.grad!, batch * y.size, bGrad.accumulate);
      },
    };
  },

  onnx: single('Add'),
  pytorch: (ctx) => ({ module: null, expression: `${ctx.inputs[0]} + ${ctx.inputs[1]}` }),
};
