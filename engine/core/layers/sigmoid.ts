// Logistic sigmoid: y = 1 / (1 + exp(-x)). Any shape.
import { Activation } from '../kernels';
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { pointwiseOp } from './shared/pointwise';
import type { LayerDefinition } from './types';

export const sigmoid: LayerDefinition<'sigmoid'> = {
  catalogue: {
    kind: 'sigmoid',
    name: 'Sigmoid',
    category: 'activation',
    inputs: 1,
    help: 'Squashes each value into (0, 1).',
    params: [],
  },
  shape: sameShape,
  op: pointwiseOp(() => Activation.Sigmoid),
  onnx: single('Sigmoid'),
  pytorch: simple('nn.Sigmoid()'),
};
