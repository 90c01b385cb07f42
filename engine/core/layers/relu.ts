// Rectified linear unit: y = max(x, 0). Any shape.
import { Activation } from '../kernels';
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { pointwiseOp } from './shared/pointwise';
import type { LayerDefinition } from './types';

export const relu: LayerDefinition<'relu'> = {
  catalogue: {
    kind: 'relu',
    name: 'ReLU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'Keeps positive values and replaces negative ones with zero.',
    params: [],
  },
  shape: sameShape,
  op: pointwiseOp(() => Activation.ReLU),
  onnx: single('Relu'),
  pytorch: simple('nn.ReLU()'),
};
