// Copy, paste and duplicate: a selection's nodes with the edges between them, pasted under fresh ids.
import type { ModelSpec, SpecEdge, SpecNode } from '../../../engine/core/spec/types';
import { uniqueId } from './ids';
import { nodeIds } from './ops';

export interface Clipboard {
  nodes: SpecNode[];
  /** Only edges with both ends among `nodes`. */
  edges: SpecEdge[];
}

export function copyNodes(spec: ModelSpec, ids: Iterable<string>): Clipboard {
  const chosen = new Set(ids);
  return {
    nodes: spec.nodes.filter((n) => chosen.has(n.id)),
    edges: spec.edges.filter((e) => chosen.has(e.from) && chosen.has(e.to)),
  };
}

/** Adds the clipboard's nodes under new unique ids, moved by `offset`, with their internal edges; returns the new ids. */
export function pasteNodes(
  spec: ModelSpec,
  clip: Clipboard,
  offset: { x: number; y: number },
): { spec: ModelSpec; ids: string[] } {
  const taken = nodeIds(spec);
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((node, i) => {
    const id = uniqueId(node.op, taken);
    taken.add(id);
    rename.set(node.id, id);
    const at = node.position ?? { x: 0, y: i * 90 };
    const copy: SpecNode = { ...node, id, position: { x: at.x + offset.x, y: at.y + offset.y } };
    if (node.params) copy.params = structuredClone(node.params);
    return copy;
  });
  const edges = clip.edges.map((e) => ({ ...e, from: rename.get(e.from)!, to: rename.get(e.to)! }));
  return {
    spec: { ...spec, nodes: [...spec.nodes, ...nodes], edges: [...spec.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}
