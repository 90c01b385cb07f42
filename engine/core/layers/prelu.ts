// PReLU: y = x for x > 0, a * x otherwise, with the slope a learned: one for the whole layer, or one per channel of
// an image (per feature of a vector), as PyTorch's nn.PReLU(num_parameters). Any shape. Computed here in TypeScript,
// the slopes' gradients summed in double precision in a fixed order, so any thread count gives the same bits.
import type { OnnxEmitter } from '../export/onnxEmit';
import { call } from '../export/pytorchLayer';
import { out, type ShapeRule } from '../spec/shapes';
import type { Shape } from '../spec/types';
import type { LayerDefinition } from './types';

/** How many slopes the layer learns: 1, or its input's channels (an image's first dimension, a vector's features). */
export function slopeCount(params: Record<string, unknown>, input: Shape): number {
  return params.perChannel === true ? input[0] : 1;
}

/** Elements of one sample that share a slope: an image channel's plane, one feature, or the whole sample. */
function runOf(slopes: number, input: Shape): number {
  const size = input.reduce((a, b) => a * b, 1);
  return slopes === 1 ? size : size / slopes;
}

/** y = x > 0 ? x : slope[c] x over `batch` samples of `size` elements, slope c covering runs of `run` elements. */
export function preluForward(
  x: Float32Array,
  slope: Float32Array,
  y: Float32Array,
  batch: number,
  size: number,
  run: number,
): void {
  const slopes = slope.length;
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < slopes; c++) {
      const a = slope[c];
      for (let i = n * size + c * run, end = i + run; i < end; i++) {
        const v = x[i];
        y[i] = v > 0 ? v : a * v;
      }
    }
  }
}

/**
 * dx = x > 0 ? dy : slope[c] dy (written, or added when accumulating), and dSlope[c] = the sum of x dy where x <= 0,
 * over the batch in sample order: PyTorch's derivatives.
 */
export function preluBackward(
  x: Float32Array,
  slope: Float32Array,
  dy: Float32Array,
  dx: Float32Array | null,
  dSlope: Float32Array,
  batch: number,
  size: number,
  run: number,
  accumulate: boolean,
): void {
  const slopes = slope.length;
  const sums = new Float64Array(slopes);
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < slopes; c++) {
      const a = slope[c];
      let sum = 0;
      for (let i = n * size + c * run, end = i + run; i < end; i++) {
        const v = x[i];
        const g = dy[i];
        if (v <= 0) sum += v * g;
        if (dx) {
          const d = v > 0 ? g : a * g;
          dx[i] = accumulate ? dx[i] + Math.fround(d) : d;
        }
      }
      sums[c] += sum;
    }
  }
  for (let c = 0; c < slopes; c++) dSlope[c] = sums[c];
}

const preluShape: ShapeRule = (ctx) => out(ctx.inputs[0], slopeCount(ctx.params, ctx.inputs[0]));

/** ONNX PRelu broadcasts its slope from the right: an image's per-channel slopes as [C, 1, 1]. */
const preluOnnx: OnnxEmitter = (ctx) => {
  const [input] = ctx.inputShapes;
  const slopes = slopeCount(ctx.params, input);
  const dims = slopes > 1 && input.length === 3 ? [slopes, 1, 1] : [slopes];
  ctx.g.node('PRelu', ctx.node.id, [ctx.inputs[0], ctx.tensor('weight', dims)], [ctx.out]);
  return ctx.out;
};

export const prelu: LayerDefinition<'prelu'> = {
  catalogue: {
    kind: 'prelu',
    name: 'PReLU',
    category: 'activation',
    inputs: 1,
    reluLike: true,
    help: 'Like LeakyReLU, but the slope for negative values is learned during training (it starts at 0.25).',
    params: [
      {
        name: 'perChannel',
        label: 'One slope per channel',
        type: 'bool',
        default: false,
        help: 'Learn a slope for each channel of an image (each feature of a vector) instead of one for the whole layer.',
      },
    ],
  },
  shape: preluShape,
  op: (ctx) => {
    const {
      inputs: [x],
      output: y,
      inputGrads: [xGrad],
    } = ctx;
    const slopes = slopeCount(ctx.params, x.shape);
    const slope = ctx.param('weight', [slopes], 'quarter', false);
    const run = runOf(slopes, x.shape);
    return {
      forward(batch) {
        preluForward(x.data, slope.value, y.data, batch, x.size, run);
      },
      backward(batch) {
        const dx = xGrad.needed ? x.grad : null;
        preluBackward(x.data, slope.value, y.grad!, dx, slope.grad, batch, x.size, run, xGrad.accumulate);
      },
    };
  },
  tensors: ({ params, inputShape }) => [
    { field: 'weight', shape: [slopeCount(params, inputShape)], trainable: true, regularized: false },
  ],
  onnx: preluOnnx,
  pytorch: (ctx) => {
    const slopes = slopeCount(ctx.params, ctx.inputShapes[0]);
    return { module: slopes > 1 ? `nn.PReLU(num_parameters=${slopes})` : 'nn.PReLU()', expression: call(ctx) };
  },
};
