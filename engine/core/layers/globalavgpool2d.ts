// Global average pooling: the mean of each channel over the whole image.   x (N, C, H, W) -> y (N, C).
import { int } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { needsImage, out } from '../spec/shapes';
import type { LayerDefinition } from './types';

export const globalavgpool2d: LayerDefinition<'globalavgpool2d'> = {
  catalogue: {
    kind: 'globalavgpool2d',
    name: 'Global Avg Pool',
    category: 'pooling',
    inputs: 1,
    idPrefix: 'gap',
    help: 'Averages each channel over the whole image: [channels, height, width] becomes [channels].',
    params: [],
  },

  shape: (ctx) => needsImage(ctx, 'needs-image') ?? out([ctx.inputs[0][0]]),

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const [channels, height, width] = x.shape;
    const spatial = height * width;
    return {
      forward(batch) {
        kernels.globalAvgPoolForward(x.data, y.data, batch, channels, spatial);
      },
      backward(batch) {
        if (xGrad.needed) kernels.globalAvgPoolBackward(y.grad!, x.grad!, batch, channels, spatial, xGrad.accumulate);
      },
    };
  },

  onnx: (ctx) => {
    // GlobalAveragePool keeps [N, C, 1, 1]; the engine's op gives [N, C].
    const pooled = `${ctx.node.id}/pooled`;
    ctx.g.node('GlobalAveragePool', pooled, ctx.inputs, [pooled]);
    ctx.g.node('Flatten', ctx.node.id, [pooled], [ctx.out], { axis: int(1) });
    return ctx.out;
  },

  // The script defines GlobalAvgPool (mean over height and width) beside the model class.
  pytorch: simple('GlobalAvgPool()'),
};
