// Dense (fully connected) layer: y = x W^T + b.   x (N, in) -> y (N, out); weight [out, in], bias [out].
import { int } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { chooseInit } from '../ops/init';
import { num } from '../ops/types';
import { needsVector, out } from '../spec/shapes';
import { biasParam, initParam } from './shared/paramDefs';
import type { LayerDefinition } from './types';

export const dense: LayerDefinition<'dense'> = {
  catalogue: {
    kind: 'dense',
    name: 'Dense',
    category: 'dense',
    inputs: 1,
    help: 'Fully connected layer: every output is a weighted sum of all input features plus a bias.',
    params: [
      { name: 'units', label: 'Units', type: 'int', default: 64, min: 1, help: 'Number of outputs (neurons).' },
      biasParam,
      initParam,
    ],
  },

  shape: (ctx) => {
    const problem = needsVector(ctx, 'needs-vector');
    if (problem) return problem;
    const units = ctx.params.units as number;
    const inFeatures = ctx.inputs[0][0];
    return out([units], inFeatures * units + (ctx.params.bias === false ? 0 : units));
  },

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const inFeatures = x.size;
    const outFeatures = num(ctx.params, 'units');
    const weight = ctx.param('weight', [outFeatures, inFeatures], chooseInit(ctx.params.init, ctx.successorOp), true);
    const bias = ctx.params.bias === false ? null : ctx.param('bias', [outFeatures], 'zeros', false);
    // Eval-mode forwards read weight^T from a copy in the GEMM's panel layout, packed again only when the model's
    // weights version has moved (a batch of 256 through 784 -> 512 otherwise packs 1.6 MB per call); training passes
    // none, since every step changes the weights.
    const packed = kernels.packedWeights();
    return {
      forward(batch, training) {
        kernels.denseForward(
          x.data,
          weight.value,
          bias ? bias.value : null,
          y.data,
          batch,
          inFeatures,
          outFeatures,
          training ? null : packed,
          ctx.weightsVersion(),
        );
      },
      forwardRelu(batch, relu) {
        kernels.denseReluForward(
          x.data,
          weight.value,
          bias ? bias.value : null,
          relu.data,
          batch,
          inFeatures,
          outFeatures,
          packed,
          ctx.weightsVersion(),
        );
      },
      backward(batch) {
        kernels.denseBackward(
          x.data,
          weight.value,
          y.grad!,
          xGrad.needed ? x.grad : null,
          weight.grad,
          bias ? bias.grad : null,
          batch,
          inFeatures,
          outFeatures,
          xGrad.accumulate,
        );
      },
    };
  },

  tensors: ({ params, inputShape }) => {
    const units = params.units as number;
    return [
      { field: 'weight', shape: [units, inputShape[0]], trainable: true, regularized: true },
      ...(params.bias !== false
        ? [{ field: 'bias' as const, shape: [units], trainable: true, regularized: false }]
        : []),
    ];
  },

  onnx: (ctx) => {
    const inputs = [ctx.inputs[0], ctx.tensor('weight')];
    if (ctx.params.bias !== false) inputs.push(ctx.tensor('bias'));
    // y = x W^T + b with W [out, in]: Gemm with transB.
    ctx.g.node('Gemm', ctx.node.id, inputs, [ctx.out], { transB: int(1) });
    return ctx.out;
  },

  pytorch: (ctx) => ({
    module: `nn.Linear(${ctx.inputShapes[0][0]}, ${ctx.params.units as number}${ctx.params.bias === false ? ', bias=False' : ''})`,
    expression: call(ctx),
    initializedWeight: true,
  }),
};
