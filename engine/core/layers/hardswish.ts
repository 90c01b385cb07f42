// Hardswish: y = x * relu6(x + 3) / 6, SiLU's piecewise-linear stand-in (MobileNetV3): 0 below -3, x above 3, a
// parabola between. Any shape. Computed here in TypeScript: a pointwise loop in double precision, rounded to float32
// once per element, identical for any thread count.
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { elementwiseOp, type ElementwiseBackward, type ElementwiseForward } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** y[i] = x[i] * min(max(x[i] + 3, 0), 6) / 6 over `count` elements (PyTorch's order of operations). */
export const hardswishForward: ElementwiseForward = (x, y, count) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = (v * Math.min(Math.max(v + 3, 0), 6)) / 6;
  }
};

/**
 * dx[i] (=, or += when accumulating) dy[i] times 0 below -3, x / 3 + 1/2 from -3 up to 3, 1 from 3 on: PyTorch's
 * hardswish_backward as its vectorized loop computes it, which is what a tensor of any size gets (-1/2 at -3, 1 at
 * 3; only its scalar loop, for the last few elements of a short tensor, says 3/2 at exactly 3).
 */
export const hardswishBackward: ElementwiseBackward = (x, dy, dx, count, accumulate) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    const g = v < -3 ? 0 : v < 3 ? dy[i] * (v / 3 + 0.5) : dy[i];
    dx[i] = accumulate ? dx[i] + Math.fround(g) : g;
  }
};

export const hardswish: LayerDefinition<'hardswish'> = {
  catalogue: {
    kind: 'hardswish',
    name: 'Hardswish',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'A cheap SiLU made of straight pieces: zero below -3, the input itself above 3, a smooth bend between.',
    params: [],
  },
  shape: sameShape,
  op: elementwiseOp(() => ({ forward: hardswishForward, backward: hardswishBackward })),
  // ONNX HardSwish (opset 14 on): x * max(0, min(1, x / 6 + 1/2)), the same function.
  onnx: single('HardSwish'),
  pytorch: simple('nn.Hardswish()'),
};
