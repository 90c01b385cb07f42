// Which new connections the editor accepts, and why it refuses the others (shown to the user as a notice).
import { layerDef } from '../../../engine/core/spec/catalogue';
import type { ModelSpec, SpecEdge } from '../../../engine/core/spec/types';

export type ConnectionRefusal =
  | { type: 'unknown-node'; id: string }
  | { type: 'self'; id: string }
  | { type: 'into-input'; id: string }
  | { type: 'input-taken'; id: string; from: string }
  | { type: 'port-taken'; id: string; port: number; from: string }
  | { type: 'bad-port'; id: string; port: number }
  | { type: 'cycle'; loop: string[] };

/** The slot each existing edge into `to` occupies: its toPort, or its order among the edges into `to`. */
function occupiedPorts(spec: ModelSpec, to: string): Array<{ port: number; from: string }> {
  return spec.edges.filter((e) => e.to === to).map((e, i) => ({ port: e.toPort ?? i, from: e.from }));
}

/** A path of ids from `start` to `goal` along edges, or null (breadth first, so the loop shown is the shortest). */
function pathBetween(spec: ModelSpec, start: string, goal: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of spec.edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    if (at === goal) {
      const path: string[] = [];
      for (let p: string | null = at; p !== null; p = parent.get(p) ?? null) path.push(p);
      return path.reverse();
    }
    for (const to of next.get(at) ?? []) {
      if (!parent.has(to)) {
        parent.set(to, at);
        queue.push(to);
      }
    }
  }
  return null;
}

/** null when `edge` may be added to `spec`; otherwise the reason it may not. */
export function checkConnection(spec: ModelSpec, edge: SpecEdge): ConnectionRefusal | null {
  const source = spec.nodes.find((n) => n.id === edge.from);
  const target = spec.nodes.find((n) => n.id === edge.to);
  if (!source) return { type: 'unknown-node', id: edge.from };
  if (!target) return { type: 'unknown-node', id: edge.to };
  if (edge.from === edge.to) return { type: 'self', id: edge.to };
  const inputs = layerDef(target.op)?.inputs ?? 1;
  if (inputs === 0) return { type: 'into-input', id: edge.to };
  // A loop is the more fundamental mistake, so it is named even when the target's input is also taken.
  const back = pathBetween(spec, edge.to, edge.from);
  if (back) return { type: 'cycle', loop: [...back, edge.to] };
  const taken = occupiedPorts(spec, edge.to);
  if (inputs === 1) {
    if (taken.length > 0) return { type: 'input-taken', id: edge.to, from: taken[0].from };
  } else {
    const port = edge.toPort ?? 0;
    if (!Number.isInteger(port) || port < 0 || port >= inputs) return { type: 'bad-port', id: edge.to, port };
    const holder = taken.find((t) => t.port === port);
    if (holder) return { type: 'port-taken', id: edge.to, port, from: holder.from };
  }
  return null;
}
