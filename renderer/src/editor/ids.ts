// Readable, unique node ids (dense1, conv2, pool1 ...) for layers the user adds or pastes, like the templates' ids.
import type { OpKind } from '../../../engine/core/spec/types';
import { isOpKind } from '../../../engine/core/spec/catalogue';

const PREFIX: Record<OpKind, string> = {
  input: 'input', dense: 'dense', conv2d: 'conv', maxpool2d: 'pool', avgpool2d: 'avgpool', globalavgpool2d: 'gap',
  flatten: 'flatten', dropout: 'dropout', batchnorm1d: 'bn', batchnorm2d: 'bn', relu: 'relu', leakyrelu: 'lrelu',
  sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax', gelu: 'gelu', identity: 'identity', add: 'add', concat: 'concat',
};

/** The stem of an op's ids: 'conv' for conv2d; unknown ops use 'layer'. */
export function idPrefix(op: string): string {
  return isOpKind(op) ? PREFIX[op] : 'layer';
}

/** The first free `<prefix><n>` (n from 1), so ids stay short and numbered in the order layers were added. */
export function uniqueId(op: string, taken: ReadonlySet<string>): string {
  const prefix = idPrefix(op);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}
