// LeakyReLU: y = x for x > 0, negativeSlope * x otherwise. Any shape.
import { Activation } from '../kernels';
import { float, single } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { sameShape } from '../spec/shapes';
import { pointwiseOp } from './shared/pointwise';
import type { LayerDefinition } from './types';

export const leakyrelu: LayerDefinition<'leakyrelu'> = {
  catalogue: {
    kind: 'leakyrelu',
    name: 'LeakyReLU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    idPrefix: 'lrelu',
    help: 'Like ReLU, but negative values are multiplied by a small slope instead of becoming zero.',
    params: [
      {
        name: 'negativeSlope',
        label: 'Negative slope',
        type: 'float',
        default: 0.01,
        help: 'What negative inputs are multiplied by.',
      },
    ],
  },
  shape: sameShape,
  op: pointwiseOp(
    () => Activation.LeakyReLU,
    (params) => num(params, 'negativeSlope'),
  ),
  onnx: single('LeakyRelu', (ctx) => ({ alpha: float(ctx.params.negativeSlope as number) })),
  pytorch: (ctx) => ({
    module: `nn.LeakyReLU(negative_slope=${py(ctx.params.negativeSlope as number)})`,
    expression: call(ctx),
  }),
};
