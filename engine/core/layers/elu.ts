// ELU (exponential linear unit): y = x for x > 0, alpha * (exp(x) - 1) otherwise, so negative inputs saturate
// smoothly at -alpha instead of being cut to zero. Any shape. Computed here in TypeScript: a pointwise loop in double
// precision, rounded to float32 once per element, identical for any thread count.
import { float, single } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { num } from '../ops/types';
import { sameShape } from '../spec/shapes';
import { elementwiseOp } from './shared/elementwise';
import type { LayerDefinition } from './types';

/** y[i] = x[i] > 0 ? x[i] : alpha * expm1(x[i]) over `count` elements. */
export function eluForward(x: Float32Array, y: Float32Array, count: number, alpha: number): void {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : alpha * Math.expm1(v);
  }
}

/** dx[i] (=, or += when accumulating) dy[i] * (x[i] > 0 ? 1 : alpha * exp(x[i])), PyTorch's derivative (alpha at 0). */
export function eluBackward(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  count: number,
  alpha: number,
  accumulate: boolean,
): void {
  for (let i = 0; i < count; i++) {
    const v = x[i];
    const g = v > 0 ? dy[i] : dy[i] * alpha * Math.exp(v);
    dx[i] = accumulate ? dx[i] + Math.fround(g) : g;
  }
}

export const elu: LayerDefinition<'elu'> = {
  catalogue: {
    kind: 'elu',
    name: 'ELU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'Like ReLU for positive values; negative values curve smoothly down towards -alpha instead of becoming zero.',
    params: [
      {
        name: 'alpha',
        label: 'Alpha',
        type: 'float',
        default: 1,
        min: 0,
        help: 'The value very negative inputs approach, as -alpha (1 is the usual choice).',
      },
    ],
  },

  shape: sameShape,

  op: elementwiseOp((params) => {
    const alpha = num(params, 'alpha');
    return {
      forward: (x, y, count) => eluForward(x, y, count, alpha),
      backward: (x, dy, dx, count, accumulate) => eluBackward(x, dy, dx, count, alpha, accumulate),
    };
  }),

  // ONNX Elu (opset 6 on) and nn.ELU use the same formula and the same alpha.
  onnx: single('Elu', (ctx) => ({ alpha: float(ctx.params.alpha as number) })),
  pytorch: (ctx) => ({ module: `nn.ELU(alpha=${py(ctx.params.alpha as number)})`, expression: call(ctx) }),
};
