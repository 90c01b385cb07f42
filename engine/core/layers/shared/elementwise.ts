// The op of an activation computed in TypeScript one element at a time (ELU, SiLU, Hardswish, ReLU6, Softplus,
// Mish): y = f(x) and dx = dy * f'(x) over the whole batch, any shape, the same for any thread count. The kernels'
// activations are pointwise.ts's.
import type { OpBuilder } from '../../ops/types';
import type { ParamValue } from '../../spec/types';

/** y[i] = f(x[i]) for i < count. */
export type ElementwiseForward = (x: Float32Array, y: Float32Array, count: number) => void;
/** dx[i] = dy[i] * f'(x[i]) for i < count, or added to dx[i] when `accumulate`. */
export type ElementwiseBackward = (
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  count: number,
  accumulate: boolean,
) => void;

/** `functions` gets the layer's resolved params (ELU's alpha) once, when the op is built. */
export function elementwiseOp(
  functions: (params: Record<string, ParamValue>) => { forward: ElementwiseForward; backward: ElementwiseBackward },
): OpBuilder {
  return (ctx) => {
    const {
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const { forward, backward } = functions(ctx.params);
    return {
      forward(batch) {
        forward(x.data, y.data, batch * x.size);
      },
      backward(batch) {
        if (xGrad.needed) backward(x.data, y.grad!, x.grad!, batch * x.size, xGrad.accumulate);
      },
    };
  };
}
