// BatchNorm1D: batch normalization of each feature of a vector, over the batch.   x (N, C) -> y (N, C).
import { needsVector, out } from '../spec/shapes';
import {
  batchNormOnnx,
  batchNormOp,
  batchNormParamCount,
  batchNormParams,
  batchNormPytorch,
  batchNormTensors,
} from './shared/batchnorm';
import type { LayerDefinition } from './types';

export const batchnorm1d: LayerDefinition<'batchnorm1d'> = {
  catalogue: {
    kind: 'batchnorm1d',
    name: 'BatchNorm1D',
    category: 'normalization',
    inputs: 1,
    idPrefix: 'bn',
    help: 'Normalizes each feature of a vector over the batch, then scales and shifts it with learned values.',
    params: batchNormParams,
  },
  shape: (ctx) =>
    needsVector(ctx, 'batchnorm1d-needs-vector') ?? out(ctx.inputs[0], batchNormParamCount(ctx.inputs[0][0])),
  op: batchNormOp,
  tensors: batchNormTensors,
  onnx: batchNormOnnx,
  pytorch: batchNormPytorch('BatchNorm1d'),
};
