// How messages name nodes and shapes, so every problem reads the same way: "Dense 'fc1' gets a [16, 5, 5] image tensor".

import { layerDef } from './catalogue';
import type { Shape, SpecNode } from './types';

/** "Dense 'fc1'", or "Dense 'Hidden layer' (fc1)" when the node has a label of its own. */
export function nodeName(node: SpecNode): string {
  const kind = layerDef(node.op)?.name ?? 'Layer';
  const label = typeof node.label === 'string' && node.label.trim() !== '' && node.label !== node.id ? node.label : null;
  return label ? `${kind} '${label}' (${node.id})` : `${kind} '${node.id}'`;
}

/** "[16, 5, 5]" */
export function shapeText(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** "a [16, 5, 5] image tensor" or "a [784] feature vector". */
export function shapeDescription(shape: Shape): string {
  if (shape.length === 1) return `a ${shapeText(shape)} feature vector`;
  if (shape.length === 3) return `a ${shapeText(shape)} image tensor`;
  return `a ${shapeText(shape)} tensor`;
}

/** "3×3" for a window or image size. */
export function sizeText(height: number, width: number): string {
  return `${height}×${width}`;
}

/** Lists names for a message: "'a', 'b' and 'c'". */
export function listText(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
