// ReLU6: y = min(max(x, 0), 6), a ReLU capped at 6 (MobileNetV1 and V2), whose outputs stay in a range that low
// precision holds. Any shape. Computed here in TypeScript: a pointwise loop, identical for any thread count.
import type { OnnxEmitter } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { elementwiseOp, type ElementwiseBackward, type ElementwiseForward } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** y[i] = min(max(x[i], 0), 6) over `count` elements. */
export const relu6Forward: ElementwiseForward = (x, y, count) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = v <= 0 ? 0 : v >= 6 ? 6 : v;
  }
};

/** dx[i] (=, or += when accumulating) dy[i] where 0 < x[i] < 6, else 0: PyTorch's (hardtanh's) derivative. */
export const relu6Backward: ElementwiseBackward = (x, dy, dx, count, accumulate) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    const g = v > 0 && v < 6 ? dy[i] : 0;
    dx[i] = accumulate ? dx[i] + g : g;
  }
};

/** ONNX Clip with min 0 and max 6 as inputs (opset 11 on), how PyTorch exports nn.ReLU6. */
const relu6Onnx: OnnxEmitter = ({ g, node, inputs: [x], out }) => {
  g.node('Clip', node.id, [x, g.scalar('relu6/zero', 0), g.scalar('relu6/six', 6)], [out]);
  return out;
};

export const relu6: LayerDefinition<'relu6'> = {
  catalogue: {
    kind: 'relu6',
    name: 'ReLU6',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'A ReLU capped at 6: negative values become zero and values above 6 become 6.',
    params: [],
  },
  shape: sameShape,
  op: elementwiseOp(() => ({ forward: relu6Forward, backward: relu6Backward })),
  onnx: relu6Onnx,
  pytorch: simple('nn.ReLU6()'),
};
