// The one list of layer kinds, in palette order. Each module holds a kind's catalogue entry, shape rule, op, tensors
// and ONNX and PyTorch translations; OpKind is this list's keys, and layerList checks that every entry is complete
// and that its catalogue kind is its key. Adding a layer: its module, one line here, its tests and its translations.

import { add } from './add';
import { avgpool2d } from './avgpool2d';
import { batchnorm1d } from './batchnorm1d';
import { batchnorm2d } from './batchnorm2d';
import { concat } from './concat';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { dropout } from './dropout';
import { elu } from './elu';
import { flatten } from './flatten';
import { gelu } from './gelu';
import { globalavgpool2d } from './globalavgpool2d';
import { groupnorm } from './groupnorm';
import { hardswish } from './hardswish';
import { identity } from './identity';
import { input } from './input';
import { layernorm } from './layernorm';
import { leakyrelu } from './leakyrelu';
import { maxpool2d } from './maxpool2d';
import { mish } from './mish';
import { prelu } from './prelu';
import { relu } from './relu';
import { relu6 } from './relu6';
import { sigmoid } from './sigmoid';
import { silu } from './silu';
import { softmax } from './softmax';
import { softplus } from './softplus';
import { tanh } from './tanh';
import type { InputDefinition, LayerDefinition } from './types';

/** Every key but 'input' maps to a complete LayerDefinition of that kind; 'input' to the input's. */
type LayerList<T> = { [K in keyof T]: K extends 'input' ? InputDefinition : LayerDefinition<K & string> };

function layerList<T extends LayerList<T> & { input: InputDefinition }>(list: T): T {
  return list;
}

export const LAYER_DEFINITIONS = layerList({
  input,
  dense,
  conv2d,
  maxpool2d,
  avgpool2d,
  globalavgpool2d,
  flatten,
  dropout,
  batchnorm1d,
  batchnorm2d,
  layernorm,
  groupnorm,
  relu,
  leakyrelu,
  prelu,
  sigmoid,
  tanh,
  softmax,
  gelu,
  elu,
  silu,
  hardswish,
  relu6,
  softplus,
  mish,
  identity,
  add,
  concat,
});

type Kind = keyof typeof LAYER_DEFINITIONS;

/** Every kind but the input: the ones with an op and translations. */
export type ComputedKind = Exclude<Kind, 'input'>;

export function isComputedKind(op: string): op is ComputedKind {
  return op !== 'input' && Object.prototype.hasOwnProperty.call(LAYER_DEFINITIONS, op);
}

/** The definition of a kind that computes something (everything but the input). */
export function computedLayer(kind: ComputedKind): LayerDefinition<ComputedKind> {
  return LAYER_DEFINITIONS[kind];
}

export type { InputDefinition, LayerDefinition, TensorContext, TensorDecl, TensorField } from './types';
