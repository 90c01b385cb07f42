// The converters by (domain, operator) with the opsets each one follows (onnx2torch and onnxruntime keep the same
// kind of table). An operator missing here, or used at an opset outside its range, stays an 'onnx:' node.

import type { Converter } from './convertTypes';
import { add } from './converters/add';
import { averagePool } from './converters/averagePool';
import { batchNormalization } from './converters/batchNormalization';
import { clip } from './converters/clip';
import { concat } from './converters/concat';
import { conv } from './converters/conv';
import { elu } from './converters/elu';
import { flatten } from './converters/flatten';
import { gelu } from './converters/gelu';
import { gemm } from './converters/gemm';
import { globalAveragePool } from './converters/globalAveragePool';
import { groupNorm } from './converters/groupNorm';
import { hardSwish } from './converters/hardSwish';
import { layerNormalization } from './converters/layerNormalization';
import { leakyRelu } from './converters/leakyRelu';
import { matMul } from './converters/matMul';
import { maxPool } from './converters/maxPool';
import { mish } from './converters/mish';
import { pRelu } from './converters/pRelu';
import { reduceMean } from './converters/reduceMean';
import { relu } from './converters/relu';
import { reshape } from './converters/reshape';
import { sigmoid } from './converters/sigmoid';
import { silu } from './converters/silu';
import { softmax } from './converters/softmax';
import { softplus } from './converters/softplus';
import { squeeze } from './converters/squeeze';
import { tanh } from './converters/tanh';
import { FUSED_DOMAIN } from './passes';

export interface ConverterEntry {
  domain: string;
  opType: string;
  /** The first and last opset whose definition of the operator this converter follows. */
  opsets: [number, number];
  convert: Converter;
  /** What the README lists. */
  note?: string;
}

/** The newest opset whose operator definitions the converters were checked against (ONNX 1.16). */
export const NEWEST_OPSET = 21;

const entry = (opType: string, first: number, convert: Converter, note?: string): ConverterEntry => ({
  domain: '',
  opType,
  opsets: [first, NEWEST_OPSET],
  convert,
  note,
});

export const CONVERTERS: readonly ConverterEntry[] = [
  entry('Gemm', 7, gemm, 'dense; transB 0 or 1, any alpha and beta, transA 0'),
  entry('MatMul', 1, matMul, 'dense without bias; with a following Add of a bias, dense with bias'),
  entry('Conv', 1, conv, 'conv2d; pads, strides, auto_pad, group; dilations with strides 1'),
  entry('BatchNormalization', 9, batchNormalization, 'batchnorm1d / batchnorm2d (inference form)'),
  entry('LayerNormalization', 17, layerNormalization, 'over a vector (axis -1); also ReduceMean … Add before opset 17'),
  entry('Relu', 6, relu),
  entry('LeakyRelu', 6, leakyRelu),
  entry('PRelu', 9, pRelu, 'one slope, or one per channel ([C, 1, 1]) or feature ([F])'),
  entry('Sigmoid', 6, sigmoid),
  entry('Tanh', 6, tanh),
  entry('Elu', 6, elu),
  entry('Gelu', 20, gelu, 'also the Erf pattern PyTorch writes at any opset'),
  entry('HardSwish', 14, hardSwish, 'also x * HardSigmoid(x), as PyTorch writes it before opset 14'),
  entry('Clip', 6, clip, 'relu6 (min 0, max 6) or relu (min 0, no max)'),
  entry('Softplus', 1, softplus),
  entry('Mish', 18, mish, 'also x * Tanh(Softplus(x)), as PyTorch writes it before opset 18'),
  entry('Softmax', 1, softmax, 'over the features of a vector'),
  entry('MaxPool', 8, maxPool, '2-D; dilations 1; ceil_mode only when windows fit exactly'),
  entry('AveragePool', 7, averagePool, '2-D; also a zero Pad before it'),
  entry('GlobalAveragePool', 1, globalAveragePool),
  entry('ReduceMean', 1, reduceMean, 'over height and width (axes [2, 3])'),
  entry('Flatten', 1, flatten, 'axis 1'),
  entry('Reshape', 5, reshape, 'to [batch, -1], including the Shape/Gather/Unsqueeze/Concat chain'),
  entry('Squeeze', 1, squeeze, 'of the 1×1 left by global pooling'),
  entry('Add', 7, add, 'of two computed tensors (residual)'),
  entry('Concat', 4, concat, 'along channels or features; of more than two tensors as a chain of two-input concats'),
  { domain: FUSED_DOMAIN, opType: 'Gelu', opsets: [1, NEWEST_OPSET], convert: gelu },
  { domain: FUSED_DOMAIN, opType: 'SiLU', opsets: [1, NEWEST_OPSET], convert: silu },
  { domain: FUSED_DOMAIN, opType: 'HardSwish', opsets: [1, NEWEST_OPSET], convert: hardSwish },
  { domain: FUSED_DOMAIN, opType: 'Mish', opsets: [1, NEWEST_OPSET], convert: mish },
  { domain: FUSED_DOMAIN, opType: 'LayerNormalization', opsets: [1, NEWEST_OPSET], convert: layerNormalization },
  { domain: FUSED_DOMAIN, opType: 'GroupNorm', opsets: [1, NEWEST_OPSET], convert: groupNorm },
];

/** The converter for a node at the model's opset, or why there is none. */
export function findConverter(
  domain: string,
  opType: string,
  opset: number,
): { convert: Converter } | { missing: 'operator' | 'opset' } {
  const candidates = CONVERTERS.filter((c) => c.domain === domain && c.opType === opType);
  const found = candidates.find((c) => opset >= c.opsets[0] && opset <= c.opsets[1]);
  if (found) return { convert: found.convert };
  return { missing: candidates.length ? 'opset' : 'operator' };
}
