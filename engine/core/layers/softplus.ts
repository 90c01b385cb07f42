// Softplus: y = log(1 + exp(x)), a smooth ReLU that is always positive (the rate of a Poisson output, a variance
// kept above zero). As nn.Softplus with its defaults (beta 1, threshold 20): y = x where x > 20, where the two agree in
// float32. Any shape. Computed here in TypeScript: a pointwise loop in double precision, rounded to float32 once per
// element, identical for any thread count.
import { single } from '../export/onnxEmit';
import { simple } from '../export/pytorchLayer';
import { sameShape } from '../spec/shapes';
import { elementwiseOp, type ElementwiseBackward, type ElementwiseForward } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** Above this input PyTorch's softplus is the input itself (nn.Softplus's default threshold, with beta 1). */
const THRESHOLD = 20;

/** y[i] = x[i] > 20 ? x[i] : log1p(exp(x[i])) over `count` elements (exp(x) is at most e^20 there: no overflow). */
export const softplusForward: ElementwiseForward = (x, y, count) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = v > THRESHOLD ? v : Math.log1p(Math.exp(v));
  }
};

/** dx[i] (=, or += when accumulating) dy[i] above 20, else dy[i] * z / (z + 1) with z = exp(x[i]): PyTorch's. */
export const softplusBackward: ElementwiseBackward = (x, dy, dx, count, accumulate) => {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    let g = dy[i];
    if (!(v > THRESHOLD)) {
      const z = Math.exp(v);
      g = (g * z) / (z + 1);
    }
    dx[i] = accumulate ? dx[i] + Math.fround(g) : g;
  }
};

export const softplus: LayerDefinition<'softplus'> = {
  catalogue: {
    kind: 'softplus',
    name: 'Softplus',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'log(1 + exp(x)): a smooth ReLU whose outputs are always positive, near zero for negative inputs and near the input itself for large ones.',
    params: [],
  },
  shape: sameShape,
  op: elementwiseOp(() => ({ forward: softplusForward, backward: softplusBackward })),
  // ONNX Softplus (opset 1 on) is log(exp(x) + 1) without a threshold: above 20 it differs from x by under e^-20,
  // less than float32 resolves there. PyTorch exports nn.Softplus() as this op.
  onnx: single('Softplus'),
  pytorch: simple('nn.Softplus()'),
};
