// The op of the pointwise activations the kernels implement (ReLU, LeakyReLU, Sigmoid, Tanh, GELU):
// y = f(x), dx = dy * f'(x), any shape.
import type { Activation } from '../../kernels';
import type { OpBuilder } from '../../ops/types';
import type { ParamValue } from '../../spec/types';

/** `kind` picks the kernel's activation from the resolved params; `alpha` is its scalar (LeakyReLU's slope), 0 otherwise. */
export function pointwiseOp(
  kind: (params: Record<string, ParamValue>) => Activation,
  alpha: (params: Record<string, ParamValue>) => number = () => 0,
): OpBuilder {
  return (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const activation = kind(ctx.params);
    const a = alpha(ctx.params);
    return {
      forward(batch) {
        kernels.activationForward(activation, x.data, y.data, batch * x.size, a);
      },
      backward(batch) {
        if (xGrad.needed)
          kernels.activationBackward(activation, x.data, y.data, y.grad!, x.grad!, batch * x.size, a, xGrad.accumulate);
      },
    };
  };
}
