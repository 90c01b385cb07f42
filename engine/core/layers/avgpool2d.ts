// Average pooling, NCHW, dividing every window by KH*KW (padded zeros count, as count_include_pad does).
import { int, single, windowAttributes } from '../export/onnxEmit';
import { call, windowArgs } from '../export/pytorchLayer';
import { geometryFor, poolParams, windowRule } from './shared/window';
import type { LayerDefinition } from './types';

export const avgpool2d: LayerDefinition<'avgpool2d'> = {
  catalogue: {
    kind: 'avgpool2d',
    name: 'AvgPool2D',
    category: 'pooling',
    inputs: 1,
    idPrefix: 'avgpool',
    help: 'Averages each window (padded zeros count in the average), shrinking the image smoothly.',
    params: poolParams('average'),
  },

  shape: windowRule('avgpool2d'),

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
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
  },

  onnx: single('AveragePool', (ctx) => ({ ...windowAttributes('avgpool2d', ctx), count_include_pad: int(1) })),
  pytorch: (ctx) => ({
    module: `nn.AvgPool2d(${windowArgs('avgpool2d', ctx)}, count_include_pad=True)`,
    expression: call(ctx),
  }),
};
