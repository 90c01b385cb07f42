// GELU: y = x * Phi(x), exactly with erf or by the tanh formula ('approximate'). Any shape.
import { Activation } from '../kernels';
import type { OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { py } from '../export/python';
import { sameShape } from '../spec/shapes';
import { pointwiseOp } from './shared/pointwise';
import type { LayerDefinition } from './types';

/** y = 0.5 x (1 + erf(x / sqrt 2)), or the tanh form 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). Opset 17 has no Gelu op. */
const geluOnnx: OnnxEmitter = ({ g, node, inputs: [x], out, params }) => {
  const part = (suffix: string) => `${node.id}/${suffix}`;
  const one = g.scalar('gelu/one', 1);
  const half = g.scalar('gelu/half', 0.5);
  let inner: string;
  if (params.approximate === 'tanh') {
    g.node('Mul', part('square'), [x, x], [part('square')]);
    g.node('Mul', part('cube'), [part('square'), x], [part('cube')]);
    g.node('Mul', part('cube_scaled'), [part('cube'), g.scalar('gelu/cubic', 0.044715)], [part('cube_scaled')]);
    g.node('Add', part('sum'), [x, part('cube_scaled')], [part('sum')]);
    g.node(
      'Mul',
      part('tanh_input'),
      [part('sum'), g.scalar('gelu/sqrt_2_over_pi', Math.sqrt(2 / Math.PI))],
      [part('tanh_input')],
    );
    g.node('Tanh', part('tanh'), [part('tanh_input')], [part('tanh')]);
    inner = part('tanh');
  } else {
    g.node('Div', part('scaled'), [x, g.scalar('gelu/sqrt_2', Math.SQRT2)], [part('scaled')]);
    g.node('Erf', part('erf'), [part('scaled')], [part('erf')]);
    inner = part('erf');
  }
  g.node('Add', part('one_plus'), [inner, one], [part('one_plus')]);
  g.node('Mul', part('times_x'), [x, part('one_plus')], [part('times_x')]);
  g.node('Mul', node.id, [part('times_x'), half], [out]);
  return out;
};

export const gelu: LayerDefinition<'gelu'> = {
  catalogue: {
    kind: 'gelu',
    name: 'GELU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'A smooth ReLU used in transformers: x times the chance a standard normal is below x.',
    params: [
      {
        name: 'approximate',
        label: 'Approximation',
        type: 'enum',
        default: 'none',
        choices: ['none', 'tanh'],
        help: "'none' computes it exactly with erf; 'tanh' uses the faster tanh formula.",
      },
    ],
  },
  shape: sameShape,
  op: pointwiseOp((params) => (params.approximate === 'tanh' ? Activation.GeluTanh : Activation.GeluErf)),
  onnx: geluOnnx,
  pytorch: (ctx) => ({ module: `nn.GELU(approximate=${py(ctx.params.approximate as string)})`, expression: call(ctx) }),
};
