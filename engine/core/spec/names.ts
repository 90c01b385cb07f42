// How problems name nodes, shapes and ids, so every message reads the same way: "Dense 'fc1'", "[16, 5, 5]".

import { layerDef } from './catalogue';
import type { SpecNode } from './types';

export { shapeText, sizeText } from './shapes';

/** The catalogue's (English) name of a layer kind; an imported ONNX node Netwright cannot run: "ONNX Selu". */
function englishKind(op: string): string {
  const onnx = typeof op === 'string' && op.startsWith('onnx:') ? `ONNX ${op.slice(5)}` : null;
  return layerDef(op)?.name ?? onnx ?? 'Layer';
}

/**
 * "Dense 'fc1'", or "Dense 'Hidden layer' (fc1)" when the node has a label of its own; `kindName` names the kind
 * (English here; the editor passes its own language's names).
 */
export function nodeName(node: SpecNode, kindName: (op: string) => string = englishKind): string {
  const kind = kindName(node.op);
  const label =
    typeof node.label === 'string' && node.label.trim() !== '' && node.label !== node.id ? node.label : null;
  return label ? `${kind} '${label}' (${node.id})` : `${kind} '${node.id}'`;
}

/** Ids for a problem's arguments, the same in every language: "'a', 'b', 'c'". */
export function idList(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
