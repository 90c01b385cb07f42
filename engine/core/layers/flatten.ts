// Flatten: (N, C, H, W) -> (N, C*H*W) in row-major order. The values keep their order, so forward and
// backward are the identity's copies; only the shape the next layer sees changes.
import { int, single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { out } from '../spec/shapes';
import { copyOp } from './identity';
import type { LayerDefinition } from './types';

export const flatten: LayerDefinition<'flatten'> = {
  catalogue: {
    kind: 'flatten',
    name: 'Flatten',
    category: 'dense',
    inputs: 1,
    help: 'Lays an image out as one long vector so Dense layers can use it: [C, H, W] becomes [C·H·W].',
    params: [],
  },
  shape: (ctx) => out([ctx.inputs[0].reduce((a, b) => a * b, 1)]),
  op: copyOp,
  onnx: single('Flatten', () => ({ axis: int(1) })),
  pytorch: simple('nn.Flatten()'),
};
