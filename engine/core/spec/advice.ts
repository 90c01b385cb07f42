// Non-fatal advice on a model that is otherwise valid: layers that train, but not as a learner probably intends.

import type { LossKind } from '../train/config';
import { nodeName } from './names';
import type { Shape, SpecNode, SpecWarning } from './types';

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
