// A node's layer kind as the user reads it: the catalogue table's 'name.<kind>' in the current language, and an
// imported ONNX operator Netwright cannot run as "ONNX <op>".
import { isOpKind } from '../../../engine/core/spec/catalogue';
import { nodeName } from '../../../engine/core/spec/names';
import { ONNX_OP_PREFIX } from '../../../engine/core/spec/params';
import type { ProblemReason } from '../../../engine/core/spec/problemReasons';
import type { Problem, SpecNode } from '../../../engine/core/spec/types';

/** `words` is the catalogue table's translator (or one language's table as a function). */
export function layerName(op: string, words: (key: string) => string): string {
  if (isOpKind(op)) return words(`name.${op}`);
  return op.startsWith(ONNX_OP_PREFIX) ? `ONNX ${op.slice(ONNX_OP_PREFIX.length)}` : op;
}

/**
 * A problem's or warning's values with its own node (`node`, which analysis names in English) named in `words`'
 * language: "全连接 'fc1'". Values without a node, or problems of no node, are kept as they are.
 */
export function withLayerName<Args extends Record<string, string | number>>(
  args: Args,
  node: SpecNode | undefined,
  words: (key: string) => string,
): Args {
  return node && typeof args.node === 'string' ? { ...args, node: nodeName(node, (op) => layerName(op, words)) } : args;
}

/**
 * A graph problem in `problemWords`' language, its node named in `kindWords`' ("二维卷积 'conv1' …"): the Train view's
 * and the convolution calculator's one sentence for it (the editor words its node badges the same way).
 */
export function wordProblem(
  problem: Pick<Problem, 'reason' | 'args' | 'nodeId'>,
  nodes: readonly SpecNode[],
  problemWords: (key: ProblemReason, params: Record<string, string | number>) => string,
  kindWords: (key: string) => string,
): string {
  const node = nodes.find((n) => n.id === problem.nodeId);
  return problemWords(problem.reason, withLayerName(problem.args, node, kindWords));
}
