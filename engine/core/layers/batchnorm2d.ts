// BatchNorm2D: batch normalization of each channel of an image, over the batch and all positions.   x (N, C, H, W).
import { needsImage, out } from '../spec/shapes';
import {
  batchNormOnnx,
  batchNormOp,
  batchNormParamCount,
  batchNormParams,
  batchNormPytorch,
  batchNormTensors,
} from './shared/batchnorm';
import type { LayerDefinition } from './types';

export const batchnorm2d: LayerDefinition<'batchnorm2d'> = {
  catalogue: {
    kind: 'batchnorm2d',
    name: 'BatchNorm2D',
    category: 'normalization',
    inputs: 1,
    idPrefix: 'bn',
    help: 'Normalizes each channel of an image over the batch and all positions, then scales and shifts it.',
    params: batchNormParams,
  },
  shape: (ctx) =>
    needsImage(ctx, 'batchnorm2d-needs-image') ?? out(ctx.inputs[0], batchNormParamCount(ctx.inputs[0][0])),
  op: batchNormOp,
  tensors: batchNormTensors,
  onnx: batchNormOnnx,
  pytorch: batchNormPytorch('BatchNorm2d'),
};
