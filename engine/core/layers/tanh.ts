// Hyperbolic tangent: y = tanh(x). Any shape.
import { Activation } from '../kernels';
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { pointwiseOp } from './shared/pointwise';
import type { LayerDefinition } from './types';

export const tanh: LayerDefinition<'tanh'> = {
  catalogue: {
    kind: 'tanh',
    name: 'Tanh',
    category: 'activation',
    inputs: 1,
    help: 'Squashes each value into (-1, 1).',
    params: [],
  },
  shape: sameShape,
  op: pointwiseOp(() => Activation.Tanh),
  onnx: single('Tanh'),
  pytorch: simple('nn.Tanh()'),
};
