// 2-D convolution (cross-correlation), NCHW.   x (N, C, H, W) -> y (N, O, OH, OW); weight [O, C / groups, KH, KW],
// bias [O]. With groups > 1 each group of C / groups input channels has O / groups filters of its own; with a dilation
// d the kernel's taps are d apart (atrous convolution), spanning (K - 1) d + 1 rows or columns, at stride 1.
import { int, ints, windowAttributes } from '../export/onnxEmit';
import { call, windowArgs } from '../export/pytorchLayer';
import { chooseInit } from '../ops/init';
import { num, type LayerRuntime } from '../ops/types';
import { dilationOf, groupsOf, isDilated, pairOf } from '../spec/window';
import { dilatedConv } from './shared/dilatedConv';
import { groupedConvRuntime } from './shared/groupedConv';
import { biasParam, initParam } from './shared/paramDefs';
import { geometryFor, windowRule } from './shared/window';
import type { LayerDefinition } from './types';

export const conv2d: LayerDefinition<'conv2d'> = {
  catalogue: {
    kind: 'conv2d',
    name: 'Conv2D',
    category: 'convolution',
    inputs: 1,
    idPrefix: 'conv',
    help: 'Slides small learned filters over an image; each filter makes one output channel.',
    params: [
      {
        name: 'filters',
        label: 'Filters',
        type: 'int',
        default: 16,
        min: 1,
        help: 'Number of filters, which is the number of output channels.',
      },
      {
        name: 'kernelSize',
        label: 'Kernel size',
        type: 'intOrPair',
        default: 3,
        min: 1,
        help: 'Filter size: n for n×n, or [height, width].',
      },
      {
        name: 'stride',
        label: 'Stride',
        type: 'intOrPair',
        default: 1,
        min: 1,
        help: 'Step between filter positions: n or [height, width]; 2 halves the image size.',
      },
      {
        name: 'padding',
        label: 'Padding',
        type: 'padding',
        default: 0,
        min: 0,
        help: "Zeros added around the image: n, [height, width], 'same' (keep the size) or 'valid' (none).",
      },
      {
        name: 'dilation',
        label: 'Dilation',
        type: 'intOrPair',
        default: 1,
        min: 1,
        onNode: true,
        help: "Spacing between the kernel's taps: n or [height, width]; 2 spreads a 3×3 kernel over 5×5 (atrous convolution), seeing further with the same weights. Needs stride 1.",
      },
      {
        name: 'groups',
        label: 'Groups',
        type: 'int',
        default: 1,
        min: 1,
        onNode: true,
        help: 'Split the channels into this many groups, each filtered on its own (fewer weights); as many groups as input channels is a depthwise convolution. Must divide the input channels and the filters.',
      },
      biasParam,
      initParam,
    ],
  },

  shape: windowRule('conv2d'),

  op: (ctx) => {
    const {
      kernels,
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const filters = num(ctx.params, 'filters');
    const groups = groupsOf(ctx.params);
    const dilation = dilationOf(ctx.params);
    const geom = geometryFor(ctx, 'conv2d', filters);
    const weight = ctx.param(
      'weight',
      [filters, geom[1] / groups, geom[5], geom[6]],
      chooseInit(ctx.params.init, ctx.successorOp),
      true,
    );
    const bias = ctx.params.bias === false ? null : ctx.param('bias', [filters], 'zeros', false);
    // One convolution per group (each dilated when the layer is); the fused eval-mode ReLU (and pool) are for the
    // plain kernel only: a runtime without forwardRelu is never fused.
    if (groups > 1) return groupedConvRuntime(kernels, x, y, xGrad, weight, bias, geom, groups, dilation);
    const conv = isDilated(dilation) ? dilatedConv(kernels, geom, dilation) : kernels;
    const runtime: LayerRuntime = {
      forward(batch) {
        geom[0] = batch;
        conv.conv2dForward(x.data, weight.value, bias ? bias.value : null, y.data, geom);
      },
      backward(batch) {
        geom[0] = batch;
        conv.conv2dBackward(
          x.data,
          weight.value,
          y.grad!,
          xGrad.needed ? x.grad : null,
          weight.grad,
          bias ? bias.grad : null,
          geom,
          xGrad.accumulate,
        );
      },
    };
    if (conv !== kernels) return runtime;
    return {
      ...runtime,
      forwardRelu(batch, relu) {
        geom[0] = batch;
        kernels.conv2dReluForward(x.data, weight.value, bias ? bias.value : null, relu.data, geom, null);
      },
      forwardReluPool(batch, relu, pooled) {
        geom[0] = batch;
        kernels.conv2dReluForward(x.data, weight.value, bias ? bias.value : null, relu.data, geom, pooled.data);
      },
    };
  },

  tensors: ({ params, inputShape, outputShape }) => {
    const [filters] = outputShape;
    const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
    return [
      {
        field: 'weight',
        shape: [filters, inputShape[0] / groupsOf(params), kh, kw],
        trainable: true,
        regularized: true,
      },
      ...(params.bias !== false
        ? [{ field: 'bias' as const, shape: [filters], trainable: true, regularized: false }]
        : []),
    ];
  },

  onnx: (ctx) => {
    const inputs = [ctx.inputs[0], ctx.tensor('weight')];
    if (ctx.params.bias !== false) inputs.push(ctx.tensor('bias'));
    ctx.g.node('Conv', ctx.node.id, inputs, [ctx.out], {
      ...windowAttributes('conv2d', ctx),
      dilations: ints(dilationOf(ctx.params)),
      group: int(groupsOf(ctx.params)),
    });
    return ctx.out;
  },

  pytorch: (ctx) => ({
    module: `nn.Conv2d(${ctx.inputShapes[0][0]}, ${ctx.params.filters as number}, ${windowArgs('conv2d', ctx)}${groupsOf(ctx.params) > 1 ? `, groups=${groupsOf(ctx.params)}` : ''}${ctx.params.bias === false ? ', bias=False' : ''})`,
    expression: call(ctx),
    initializedWeight: true,
  }),
};
