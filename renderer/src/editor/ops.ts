// Edits of a model spec as pure functions (old spec in, new spec out), so every edit can be undone by keeping the old one.
import { analyze } from '../../../engine/core/spec/analyze';
import { layerDef } from '../../../engine/core/spec/catalogue';
import { type ModelSpec, type ParamValue, type SpecEdge, type SpecNode } from '../../../engine/core/spec/types';
import { checkConnection, type ConnectionRefusal } from './connections';
import { uniqueId } from './ids';

type Position = { x: number; y: number };

/** Vertical distance between a node and the one added after it (the templates' row height). */
export const ROW = 90;

export function nodeIds(spec: ModelSpec): Set<string> {
  return new Set(spec.nodes.map((n) => n.id));
}

/** Edge identity: which node feeds which slot of which node. */
export function edgeKey(edge: SpecEdge): string {
  return edge.toPort === undefined ? `${edge.from}->${edge.to}` : `${edge.from}->${edge.to}:${edge.toPort}`;
}

/**
 * Adds a layer with default params at `position`, or after `after` when that connection is allowed (the selected
 * layer): connected from it, and, for a layer of one input, into its chain: what `after` fed is fed by the new layer
 * instead, and the layers below move down a row to make room (a merge layer branches off instead: which of its inputs
 * would the chain take?).
 */
export function addLayer(
  spec: ModelSpec,
  op: string,
  position: Position | null,
  after: string | null = null,
): { spec: ModelSpec; id: string } {
  const def = layerDef(op);
  if (!def) throw new Error(`no layer kind '${op}' in the catalogue`);
  const id = uniqueId(op, nodeIds(spec));
  const anchor = after ? spec.nodes.find((n) => n.id === after) : undefined;
  const at =
    position ??
    (anchor?.position ? { x: anchor.position.x, y: anchor.position.y + ROW } : { x: 0, y: spec.nodes.length * ROW });
  const node: SpecNode = { id, op, position: { x: Math.round(at.x), y: Math.round(at.y) } };
  let next: ModelSpec = { ...spec, nodes: [...spec.nodes, node] };
  if (!anchor) return { spec: next, id };
  const edge: SpecEdge = def.inputs === 2 ? { from: anchor.id, to: id, toPort: 0 } : { from: anchor.id, to: id };
  if (checkConnection(next, edge)) return { spec: next, id };
  const fed = spec.edges.filter((e) => e.from === anchor.id);
  if (def.inputs !== 1 || fed.length === 0) return { spec: { ...next, edges: [...next.edges, edge] }, id };
  // Into the chain: the new layer takes over what the anchor fed, and everything below the anchor moves down a row.
  const top = anchor.position?.y;
  const below = (n: SpecNode) => n.id !== id && top !== undefined && n.position !== undefined && n.position.y > top;
  next = {
    ...next,
    nodes: next.nodes.map((n) => (below(n) ? { ...n, position: { x: n.position!.x, y: n.position!.y + ROW } } : n)),
    edges: [...spec.edges.map((e) => (e.from === anchor.id ? { ...e, from: id } : e)), edge],
  };
  return { spec: next, id };
}

export type ConnectOutcome = { ok: true; spec: ModelSpec } | { ok: false; refusal: ConnectionRefusal };

export function connect(spec: ModelSpec, edge: SpecEdge): ConnectOutcome {
  const refusal = checkConnection(spec, edge);
  if (refusal) return { ok: false, refusal };
  return { ok: true, spec: { ...spec, edges: [...spec.edges, edge] } };
}

/**
 * Removes nodes (with their edges) and edges named by edgeKey. A removed layer (or chain of layers) with one input and
 * one output is bridged, as most editors do: its feeder is connected to what it fed, when that connection is allowed
 * and the shapes fit (the node it fed analyses without a problem); otherwise the gap stays for the user to close.
 */
export function removeElements(
  spec: ModelSpec,
  nodeIdsToRemove: Iterable<string>,
  edgeKeys: Iterable<string> = [],
): ModelSpec {
  const gone = new Set(nodeIdsToRemove);
  const goneEdges = new Set(edgeKeys);
  let next: ModelSpec = {
    ...spec,
    nodes: spec.nodes.filter((n) => !gone.has(n.id)),
    edges: spec.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to) && !goneEdges.has(edgeKey(e))),
  };
  // The kept node feeding `id` through removed one-in-one-out layers only, or null.
  const feeder = (id: string, seen = new Set<string>()): string | null => {
    const ins = spec.edges.filter((e) => e.to === id);
    const outs = spec.edges.filter((e) => e.from === id);
    if (ins.length !== 1 || outs.length !== 1 || seen.has(id)) return null;
    seen.add(id);
    const from = ins[0].from;
    return gone.has(from) ? feeder(from, seen) : from;
  };
  for (const cut of spec.edges) {
    if (!gone.has(cut.from) || gone.has(cut.to)) continue;
    const from = feeder(cut.from);
    if (!from) continue;
    const bridge: SpecEdge = cut.toPort === undefined ? { from, to: cut.to } : { from, to: cut.to, toPort: cut.toPort };
    if (checkConnection(next, bridge)) continue;
    const bridged = { ...next, edges: [...next.edges, bridge] };
    if (!analyze(bridged).problems.some((p) => p.nodeId === cut.to)) next = bridged;
  }
  return next;
}

function updateNode(spec: ModelSpec, id: string, change: (node: SpecNode) => SpecNode): ModelSpec {
  if (!spec.nodes.some((n) => n.id === id)) throw new Error(`no node '${id}' in the graph`);
  return { ...spec, nodes: spec.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

/** Sets a param, or removes it (undefined) so the catalogue's default applies. */
export function setParam(spec: ModelSpec, id: string, name: string, value: ParamValue | undefined): ModelSpec {
  return updateNode(spec, id, (node) => {
    const params = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    const next: SpecNode = { ...node, params };
    if (Object.keys(params).length === 0) delete next.params;
    return next;
  });
}

/** Sets the display name; an empty one removes it (the id shows instead). */
export function setLabel(spec: ModelSpec, id: string, label: string): ModelSpec {
  return updateNode(spec, id, (node) => {
    const next: SpecNode = { ...node };
    if (label.trim() === '') delete next.label;
    else next.label = label.trim();
    return next;
  });
}

/** Freezes (trainable false) or unfreezes a layer; trainable is the default, so it is then left out of the spec. */
export function setTrainable(spec: ModelSpec, id: string, trainable: boolean): ModelSpec {
  return updateNode(spec, id, (node) => {
    const next: SpecNode = { ...node };
    if (trainable) delete next.trainable;
    else next.trainable = false;
    return next;
  });
}

/** Writes new positions (rounded to whole pixels); nodes whose position is unchanged keep their identity. */
export function moveNodes(spec: ModelSpec, positions: ReadonlyMap<string, Position>): ModelSpec {
  let changed = false;
  const nodes = spec.nodes.map((node) => {
    const at = positions.get(node.id);
    if (!at) return node;
    const x = Math.round(at.x);
    const y = Math.round(at.y);
    if (node.position && node.position.x === x && node.position.y === y) return node;
    changed = true;
    return { ...node, position: { x, y } };
  });
  return changed ? { ...spec, nodes } : spec;
}
