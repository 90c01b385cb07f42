// How problems name nodes, shapes and ids, so every message reads the same way: "Dense 'fc1'", "[16, 5, 5]".

import { layerDef } from './catalogue';
import type { SpecNode } from './types';

export { shapeText, sizeText } from './shapes';

/** "Dense 'fc1'", or "Dense 'Hidden layer' (fc1)" when the node has a label of its own. */
export function nodeName(node: SpecNode): string {
  // An imported ONNX node Netwright cannot run is named by its operator: "ONNX Softplus 'softplus1'".
  const onnx = typeof node.op === 'string' && node.op.startsWith('onnx:') ? `ONNX ${node.op.slice(5)}` : null;
  const kind = layerDef(node.op)?.name ?? onnx ?? 'Layer';
  const label =
    typeof node.label === 'string' && node.label.trim() !== '' && node.label !== node.id ? node.label : null;
  return label ? `${kind} '${label}' (${node.id})` : `${kind} '${node.id}'`;
}

/** Ids for a problem's arguments, the same in every language: "'a', 'b', 'c'". */
export function idList(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
