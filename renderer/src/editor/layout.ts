// "Tidy layout": places the graph top to bottom with dagre, inputs first, branches side by side.
import dagre from '@dagrejs/dagre';
import type { ModelSpec } from '../../../engine/core/spec/types';

export interface NodeSize {
  width: number;
  height: number;
}

/** A typical node's size on the canvas, for nodes the canvas has not measured yet. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 190, height: 80 };

export function tidyLayout(spec: ModelSpec, sizes: ReadonlyMap<string, NodeSize> = new Map()): ModelSpec {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 36, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of spec.nodes) graph.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_NODE_SIZE) });
  for (const edge of spec.edges) {
    if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to);
  }
  dagre.layout(graph);
  return {
    ...spec,
    nodes: spec.nodes.map((node) => {
      const placed = graph.node(node.id);
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      // dagre gives centres; the canvas positions a node by its top-left corner.
      return {
        ...node,
        position: { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) },
      };
    }),
  };
}
