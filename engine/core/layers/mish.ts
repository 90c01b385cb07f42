// Mish: y = x * tanh(softplus(x)), a smooth ReLU that dips slightly below zero for negative inputs, like SiLU
// (YOLOv4's backbone). Its softplus is log1p(exp(x)) without nn.Softplus's threshold, as PyTorch's nn.Mish computes
// it. Any shape. Computed here in TypeScript: a pointwise loop in double precision, rounded to float32 once per
// element, identical for any thread count.
import { gated } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { elementwiseOp, type ElementwiseBackward, type ElementwiseForward } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** tanh(log1p(exp(x))): 1 once exp(x) overflows (x above about 709), as it tends to. */
const tanhSoftplus = (x: number): number => Math.tanh(Math.log1p(Math.exp(x)));

/** y[i] = x[i] * tanh(log1p(exp(x[i]))) over `count` elements. */
export const mishForward: ElementwiseForward = (x, y, count) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = v * tanhSoftplus(v);
  }
};

/**
 * dx[i] (=, or += when accumulating) dy[i] * (t + x sigmoid(x) (1 - t^2)) with t = tanh(softplus(x[i])), PyTorch's
 * derivative (sigmoid(x) being softplus's).
 */
export const mishBackward: ElementwiseBackward = (x, dy, dx, count, accumulate) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    const t = tanhSoftplus(v);
    const s = 1 / (1 + Math.exp(-v));
    const g = dy[i] * (t + v * s * (1 - t * t));
    dx[i] = accumulate ? dx[i] + Math.fround(g) : g;
  }
};

export const mish: LayerDefinition<'mish'> = {
  catalogue: {
    kind: 'mish',
    name: 'Mish',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'x times tanh(softplus(x)): a smooth ReLU that dips a little below zero for negative values, like SiLU.',
    params: [],
  },
  shape: sameShape,
  op: elementwiseOp(() => ({ forward: mishForward, backward: mishBackward })),
  // ONNX has no Mish operator before opset 18 (the export writes 17): Softplus, Tanh, then Mul by the input, how
  // PyTorch exports nn.Mish before 18.
  onnx: gated('Softplus', 'Tanh'),
  pytorch: simple('nn.Mish()'),
};
