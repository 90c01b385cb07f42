// Max pooling, NCHW: the largest value of each window; its gradient goes to the position of that maximum.
import { single, windowAttributes } from '../export/onnxEmit';
import { call, windowArgs } from '../export/pytorchLayer';
import { geometryFor, poolParams, windowRule } from './shared/window';
import type { LayerDefinition } from './types';

export const maxpool2d: LayerDefinition<'maxpool2d'> = {
  catalogue: {
    kind: 'maxpool2d',
    name: 'MaxPool2D',
    category: 'pooling',
    inputs: 1,
    idPrefix: 'pool',
    help: 'Keeps the largest value in each window, shrinking the image while keeping strong features.',
    params: poolParams('maximum'),
  },

  shape: windowRule('maxpool2d'),

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
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
  },

  onnx: single('MaxPool', (ctx) => windowAttributes('maxpool2d', ctx)),
  pytorch: (ctx) => ({ module: `nn.MaxPool2d(${windowArgs('maxpool2d', ctx)})`, expression: call(ctx) }),
};
