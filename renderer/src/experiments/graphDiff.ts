// What changed between two runs' graph snapshots: nodes added, removed, or with another layer kind or other
// parameters (matched by node id), and edges added or removed. Positions and labels are the editor's, not the
// model's, so they are ignored.
import { isOpKind, layerDef, LAYERS } from '../../../engine/core/spec/catalogue';
import type { ModelSpec, ParamValue, SpecEdge, SpecNode } from '../../../engine/core/spec/types';

export interface ParamChange {
  name: string;
  before: ParamValue | undefined;
  after: ParamValue | undefined;
}

export type GraphChange =
  | { type: 'node-added'; nodeId: string; op: string }
  | { type: 'node-removed'; nodeId: string; op: string }
  | { type: 'node-changed'; nodeId: string; opBefore: string; opAfter: string; params: ParamChange[] }
  | { type: 'edge-added'; from: string; to: string }
  | { type: 'edge-removed'; from: string; to: string };

function sameParam(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** A param as the layer runs it: the catalogue default when the spec leaves it out (kinds it knows). */
function effective(node: SpecNode, name: string): ParamValue | undefined {
  const value = node.params?.[name];
  if (value !== undefined) return value;
  return layerDef(node.op)?.params.find((p) => p.name === name)?.default ?? undefined;
}

/** Params that differ as the layers run them: one left out and one written at its default do not. */
function paramChanges(before: SpecNode, after: SpecNode): ParamChange[] {
  const a = before.params ?? {};
  const b = after.params ?? {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names
    .filter((name) => !sameParam(effective(before, name), effective(after, name)))
    .map((name) => ({ name, before: a[name], after: b[name] }));
}

function edgeKey(edge: SpecEdge): string {
  return `${edge.from}\u0000${edge.to}\u0000${edge.toPort ?? ''}`;
}

/** The changes that turn `before` into `after`: removed nodes, then changed, added, and the edges. */
export function diffGraphs(before: ModelSpec, after: ModelSpec): GraphChange[] {
  const changes: GraphChange[] = [];
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const node of before.nodes)
    if (!afterNodes.has(node.id)) changes.push({ type: 'node-removed', nodeId: node.id, op: node.op });
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const params = paramChanges(old, node);
    if (old.op !== node.op || params.length > 0)
      changes.push({ type: 'node-changed', nodeId: node.id, opBefore: old.op, opAfter: node.op, params });
  }
  for (const node of after.nodes)
    if (!beforeNodes.has(node.id)) changes.push({ type: 'node-added', nodeId: node.id, op: node.op });
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  for (const edge of before.edges)
    if (!afterEdges.has(edgeKey(edge))) changes.push({ type: 'edge-removed', from: edge.from, to: edge.to });
  for (const edge of after.edges)
    if (!beforeEdges.has(edgeKey(edge))) changes.push({ type: 'edge-added', from: edge.from, to: edge.to });
  return changes;
}

export function formatParam(value: ParamValue | undefined): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** The catalogue's (English) name of a layer kind. */
const englishKind = (op: string) => (isOpKind(op) ? LAYERS[op].name : op);

/**
 * "12: Input → Dense(64) → ReLU → …": how a run's graph reads in the runs table; `kindName` names each layer kind
 * (the table passes its language's names).
 */
export function graphSummary(spec: ModelSpec, firstLayers = 4, kindName: (op: string) => string = englishKind): string {
  const order = topologicalOrder(spec);
  const names = order.slice(0, firstLayers).map((node) => {
    const name = kindName(node.op);
    const units = node.params?.units ?? node.params?.filters;
    return units !== undefined ? `${name}(${formatParam(units)})` : name;
  });
  return `${spec.nodes.length}: ${names.join(' → ')}${order.length > firstLayers ? ' → …' : ''}`;
}

/** Nodes in edge order from the ones with no inputs (Kahn); nodes on a cycle are appended at the end. */
function topologicalOrder(spec: ModelSpec): SpecNode[] {
  const incoming = new Map(spec.nodes.map((n) => [n.id, 0]));
  for (const e of spec.edges) if (incoming.has(e.to)) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const ready = spec.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  const order: SpecNode[] = [];
  const seen = new Set<string>();
  while (ready.length > 0) {
    const id = ready.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(byId.get(id)!);
    for (const e of spec.edges) {
      if (e.from !== id || !incoming.has(e.to)) continue;
      const left = incoming.get(e.to)! - 1;
      incoming.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  for (const node of spec.nodes) if (!seen.has(node.id)) order.push(node);
  return order;
}
