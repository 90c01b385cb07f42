// Positions for an imported graph: one row per depth (the longest path from the input), side by side within a
// row and centred, the same spacing the templates use; a row with a node Netwright cannot run gets room for the
// problem the canvas writes under it.

import type { ModelSpec } from '../../spec/types';

const ROW = 90; // vertical distance between layers, in canvas pixels
const COLUMN = 200; // horizontal distance between layers of one row
const PROBLEM_ROOM = 90; // the few lines of a problem message under a node, in canvas pixels

export function layoutSpec(spec: ModelSpec): void {
  const depth = new Map<string, number>(spec.nodes.map((n) => [n.id, 0]));
  // Edges run from earlier to later nodes (the importer adds nodes in topological order), so one pass suffices.
  const order = new Map(spec.nodes.map((n, i) => [n.id, i]));
  const edges = [...spec.edges].sort((a, b) => order.get(a.to)! - order.get(b.to)!);
  for (const e of edges) depth.set(e.to, Math.max(depth.get(e.to)!, depth.get(e.from)! + 1));
  const rows = new Map<number, string[]>();
  for (const n of spec.nodes) rows.set(depth.get(n.id)!, [...(rows.get(depth.get(n.id)!) ?? []), n.id]);
  const marked = new Set(spec.nodes.filter((n) => n.op.startsWith('onnx:')).map((n) => depth.get(n.id)!));
  const top: number[] = [];
  for (let d = 0, y = 0; d < rows.size; d++) {
    top.push(y);
    y += ROW + (marked.has(d) ? PROBLEM_ROOM : 0);
  }
  for (const n of spec.nodes) {
    const row = rows.get(depth.get(n.id)!)!;
    const column = row.indexOf(n.id) - (row.length - 1) / 2;
    n.position = { x: Math.round(column * COLUMN), y: top[depth.get(n.id)!] };
  }
}
