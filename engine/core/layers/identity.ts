// Identity: passes its input through unchanged (a placeholder or a named tap point in a graph).
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import type { OpBuilder } from '../ops/types';
import { sameShape } from '../spec/shapes';
import type { LayerDefinition } from './types';

/** y = x and dx = dy, as copies (Flatten shares it: the values keep their order). */
export const copyOp: OpBuilder = (ctx) => {
  const {
    kernels,
    inputs: [x],
    output: y,
    inputGrads: [xGrad],
  } = ctx;
  return {
    forward(batch) {
      kernels.copy(x.data, y.data, batch * x.size, false);
    },
    backward(batch) {
      if (xGrad.needed) kernels.copy(y.grad!, x.grad!, batch * x.size, xGrad.accumulate);
    },
  };
};

export const identity: LayerDefinition<'identity'> = {
  catalogue: {
    kind: 'identity',
    name: 'Identity',
    category: 'activation',
    inputs: 1,
    help: 'Passes its input through unchanged (a placeholder or a named tap point).',
    params: [],
  },
  shape: sameShape,
  op: copyOp,
  onnx: single('Identity'),
  pytorch: simple('nn.Identity()'),
};
