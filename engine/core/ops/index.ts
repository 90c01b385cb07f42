// The op table: one builder per layer kind. A Record over OpKind, so the compiler checks that none is missing.
import type { OpKind } from '../spec/types';
import { activation } from './activation';
import { add } from './add';
import { avgpool2d } from './avgpool2d';
import { batchnorm } from './batchnorm';
import { concat } from './concat';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { globalavgpool2d } from './globalavgpool2d';
import { identity } from './identity';
import { maxpool2d } from './maxpool2d';
import { softmax } from './softmax';
import type { OpBuilder } from './types';

/** The input node has no builder: the model writes samples straight into its output tensor. */
export const OPS: Record<Exclude<OpKind, 'input'>, OpBuilder> = {
  dense,
  conv2d,
  maxpool2d,
  avgpool2d,
  globalavgpool2d,
  flatten,
  dropout,
  batchnorm1d: batchnorm,
  batchnorm2d: batchnorm,
  relu: activation,
  leakyrelu: activation,
  sigmoid: activation,
  tanh: activation,
  gelu: activation,
  softmax,
  identity,
  add,
  concat,
};

export type * from './types';
