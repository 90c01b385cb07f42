// SiLU (sigmoid linear unit, also called swish): y = x * sigmoid(x), a smooth ReLU that dips slightly below zero for
// negative inputs (EfficientNet, MobileNetV3's larger layers). Any shape. Computed here in TypeScript: a pointwise loop
// in double precision, rounded to float32 once per element, identical for any thread count.
import { gated } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { elementwiseOp, type ElementwiseBackward, type ElementwiseForward } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** y[i] = x[i] / (1 + exp(-x[i])) over `count` elements. */
export const siluForward: ElementwiseForward = (x, y, count) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = v / (1 + Math.exp(-v));
  }
};

/** dx[i] (=, or += when accumulating) dy[i] * s (1 + x (1 - s)) with s = sigmoid(x[i]), PyTorch's derivative. */
export const siluBackward: ElementwiseBackward = (x, dy, dx, count, accumulate) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    const s = 1 / (1 + Math.exp(-v));
    const g = dy[i] * s * (1 + v * (1 - s));
    dx[i] = accumulate ? dx[i] + Math.fround(g) : g;
  }
};

export const silu: LayerDefinition<'silu'> = {
  catalogue: {
    kind: 'silu',
    name: 'SiLU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'x times sigmoid(x) (also called swish): a smooth ReLU that dips a little below zero for negative values.',
    params: [],
  },
  shape: sameShape,
  op: elementwiseOp(() => ({ forward: siluForward, backward: siluBackward })),
  // ONNX has no SiLU operator before opset 22: Sigmoid, then Mul by the input (how PyTorch exports nn.SiLU).
  onnx: gated('Sigmoid'),
  pytorch: simple('nn.SiLU()'),
};
