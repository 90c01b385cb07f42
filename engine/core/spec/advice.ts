// Non-fatal advice on a model that is otherwise valid: layers that train, but not as a learner probably intends.

import type { LossKind } from '../train/config';
import { nodeName } from './names';
import type { ParamValue, Shape, SpecNode, SpecWarning } from './types';

export interface AdviceInput {
  nodes: readonly SpecNode[];
  /** Input node indices per node, in slot order. */
  inputs: readonly (readonly number[])[];
  shapes: readonly (Shape | null)[];
  /** Index of the output node, or -1. */
  output: number;
  /** The loss the model will be trained with, when known; unknown counts as cross-entropy (the usual choice). */
  loss?: LossKind;
}

/**
 * The range each activation keeps its outputs in (rounded to two decimals; `high` absent: none above). Leaky ReLU
 * and PReLU reach every number; softmax and a sigmoid before bce_with_logits have warnings of their own.
 */
const OUTPUT_RANGES: Partial<Record<string, (params: Record<string, ParamValue>) => { low: number; high?: number }>> = {
  relu: () => ({ low: 0 }),
  relu6: () => ({ low: 0, high: 6 }),
  softplus: () => ({ low: 0 }),
  sigmoid: () => ({ low: 0, high: 1 }),
  tanh: () => ({ low: -1, high: 1 }),
  elu: (params) => ({ low: -(typeof params.alpha === 'number' ? params.alpha : 1) }),
  gelu: () => ({ low: -0.17 }),
  silu: () => ({ low: -0.28 }),
  mish: () => ({ low: -0.31 }),
  hardswish: () => ({ low: -0.38 }),
};

/**
 * An activation as the last layer keeps every output in its range: a classifier's scores (the loss needs raw
 * scores, any number) or a regression's predictions (targets outside the range cannot be reached).
 */
function boundedOutput(node: SpecNode, loss: LossKind | undefined): SpecWarning | null {
  const range = OUTPUT_RANGES[node.op]?.(node.params ?? {});
  if (!range || (node.op === 'sigmoid' && loss === 'bce_with_logits')) return null;
  const regression = loss === 'mse';
  const code =
    range.high === undefined
      ? regression
        ? 'predictions-floored'
        : 'scores-floored'
      : regression
        ? 'predictions-bounded'
        : 'scores-bounded';
  return { nodeId: node.id, code, args: { node: nodeName(node), ...range } };
}

export function adviseOn(input: AdviceInput): SpecWarning[] {
  const warnings: SpecWarning[] = [];
  const { nodes, inputs, shapes, output, loss } = input;

  if (output >= 0) {
    // Identity layers change nothing, so look through them to the last real layer.
    // The step limit keeps a broken (cyclic) graph from looping here.
    let last = output;
    for (let steps = 0; steps < nodes.length && nodes[last].op === 'identity' && inputs[last].length === 1; steps++)
      last = inputs[last][0];
    const node = nodes[last];
    if (node.op === 'softmax' && (loss === undefined || loss === 'cross_entropy')) {
      warnings.push({
        nodeId: node.id,
        code: 'softmax-before-loss',
        args: { node: nodeName(node) },
      });
    }
    if (node.op === 'sigmoid' && loss === 'bce_with_logits') {
      warnings.push({
        nodeId: node.id,
        code: 'sigmoid-before-loss',
        args: { node: nodeName(node) },
      });
    }
    if (node.op === 'dropout') {
      warnings.push({
        nodeId: node.id,
        code: 'dropout-at-output',
        args: { node: nodeName(node) },
      });
    }
    const bounded = boundedOutput(node, loss);
    if (bounded) warnings.push(bounded);
  }

  nodes.forEach((node, i) => {
    const from = inputs[i][0];
    if (node.op === 'flatten' && shapes[i] !== null && from !== undefined && shapes[from]?.length === 1) {
      warnings.push({
        nodeId: node.id,
        code: 'flatten-no-op',
        args: { node: nodeName(node) },
      });
    }
  });
  return warnings;
}
