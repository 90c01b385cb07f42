// Conversion between the model spec and xyflow's nodes and edges. The spec is the truth; flow nodes carry only what
// the canvas needs, and unchanged nodes keep their object identity so the canvas does not redraw them.
import type { Edge, Node } from '@xyflow/svelte';
import { layerDef } from '../../../engine/core/spec/catalogue';
import { fillMessage } from '../../../engine/core/spec/problemText';
import type { ModelSpec, ParamValue, SpecEdge, SpecNode } from '../../../engine/core/spec/types';
import type { Locale } from '../lib/i18n.svelte';
import { layerName } from './layerName';
import { catalogueMessages, editorMessages } from './messages';
import { edgeKey, ROW } from './ops';

/** The dataTransfer type a palette drag carries; the canvas's drop handler reads the op kind from it. */
export const LAYER_MIME = 'application/x-netwright-layer';

/**
 * Node component families (nodes/): the input ('entry': xyflow styles its own built-in 'input' type), one-input
 * layers, and two-input merges.
 */
export type NodeFamily = 'entry' | 'layer' | 'merge';

export type LayerData = { op: string; params?: Record<string, ParamValue>; label?: string; trainable?: boolean };
export type LayerNode = Node<LayerData, NodeFamily>;
export type SpecEdgeData = { toPort?: number };
export type LayerEdge = Edge<SpecEdgeData>;

export function nodeFamily(op: string): NodeFamily {
  const inputs = layerDef(op)?.inputs ?? 1;
  return inputs === 0 ? 'entry' : inputs === 2 ? 'merge' : 'layer';
}

/** The handle id of an input slot: 'in' for one-input layers, 'in0' / 'in1' for merges. */
export function targetHandle(family: NodeFamily, port: number | undefined): string {
  return family === 'merge' ? `in${port ?? 0}` : 'in';
}

/** The spec edge a drawn connection (source node → target handle) stands for. */
export function edgeOfConnection(connection: {
  source: string;
  target: string;
  targetHandle?: string | null;
}): SpecEdge {
  const match = /^in(\d)$/.exec(connection.targetHandle ?? '');
  return match
    ? { from: connection.source, to: connection.target, toPort: Number(match[1]) }
    : { from: connection.source, to: connection.target };
}

/** "Dense dense1" ("全连接 dense1"): the node's accessible name in `locale`. */
export function nodeAriaLabel(node: SpecNode, locale: Locale): string {
  const words = catalogueMessages[locale];
  return `${layerName(node.op, (key) => words[key] ?? catalogueMessages.en[key])} ${node.id}`;
}

/** "Edge from a to b" ("从 a 到 b 的连接"): an edge's accessible name in `locale` (xyflow's own is English only). */
export function edgeAriaLabel(edge: SpecEdge, locale: Locale): string {
  return fillMessage(editorMessages[locale].a11yEdgeName, { from: edge.from, to: edge.to });
}

export interface FlowOptions {
  /** The flow's current nodes and edges: unchanged ones are reused, selection is kept. */
  previous?: { nodes: readonly LayerNode[]; edges: readonly LayerEdge[] };
  /** Select exactly these nodes instead of keeping the previous selection. */
  select?: ReadonlySet<string>;
  /** The language of the nodes' and edges' accessible names (default English). */
  locale?: Locale;
}

export function specToFlow(spec: ModelSpec, options: FlowOptions = {}): { nodes: LayerNode[]; edges: LayerEdge[] } {
  const locale = options.locale ?? 'en';
  // What a screen reader calls a node and an edge (xyflow writes 'node' and 'edge'; its attributes are overridable).
  const nodeRole = editorMessages[locale].a11yNodeRole;
  const edgeRole = editorMessages[locale].a11yEdgeRole;
  const before = new Map((options.previous?.nodes ?? []).map((n) => [n.id, n]));
  const nodes = spec.nodes.map((node, i): LayerNode => {
    const prev = before.get(node.id);
    const position = node.position ?? { x: 0, y: i * ROW };
    const selected = options.select ? options.select.has(node.id) : (prev?.selected ?? false);
    const ariaLabel = nodeAriaLabel(node, locale);
    if (
      prev &&
      prev.ariaLabel === ariaLabel &&
      prev.domAttributes?.['aria-roledescription'] === nodeRole &&
      prev.data.op === node.op &&
      prev.data.params === node.params &&
      prev.data.label === node.label &&
      prev.data.trainable === node.trainable &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      (prev.selected ?? false) === selected
    )
      return prev;
    const data: LayerData = { op: node.op };
    if (node.params !== undefined) data.params = node.params;
    if (node.label !== undefined) data.label = node.label;
    if (node.trainable !== undefined) data.trainable = node.trainable;
    const flowNode: LayerNode = {
      id: node.id,
      type: nodeFamily(node.op),
      position: { ...position },
      data,
      ariaLabel,
      domAttributes: { 'aria-roledescription': nodeRole },
      selected,
    };
    if (prev?.measured) flowNode.measured = prev.measured;
    return flowNode;
  });

  const family = new Map(spec.nodes.map((n) => [n.id, nodeFamily(n.op)]));
  const previousEdges = new Map((options.previous?.edges ?? []).map((e) => [e.id, e]));
  const order = new Map<string, number>();
  const edges = spec.edges.map((edge): LayerEdge => {
    const id = edgeKey(edge);
    const slot = order.get(edge.to) ?? 0;
    order.set(edge.to, slot + 1);
    const handle = targetHandle(family.get(edge.to) ?? 'layer', edge.toPort ?? slot);
    const prev = previousEdges.get(id);
    const ariaLabel = edgeAriaLabel(edge, locale);
    if (
      prev &&
      prev.source === edge.from &&
      prev.target === edge.to &&
      prev.targetHandle === handle &&
      prev.ariaLabel === ariaLabel &&
      prev.domAttributes?.['aria-roledescription'] === edgeRole
    )
      return prev;
    const data: SpecEdgeData = {};
    if (edge.toPort !== undefined) data.toPort = edge.toPort;
    return {
      id,
      source: edge.from,
      target: edge.to,
      sourceHandle: 'out',
      targetHandle: handle,
      data,
      ariaLabel,
      domAttributes: { 'aria-roledescription': edgeRole },
      selected: prev?.selected ?? false,
    };
  });
  return { nodes, edges };
}

/** The spec the flow shows: `base` supplies version, name and description; positions come from the canvas. */
export function flowToSpec(
  nodes: readonly LayerNode[],
  edges: readonly LayerEdge[],
  base: Pick<ModelSpec, 'version' | 'name' | 'description'>,
): ModelSpec {
  const spec: ModelSpec = { version: base.version, nodes: [], edges: [] };
  if (base.name !== undefined) spec.name = base.name;
  if (base.description !== undefined) spec.description = base.description;
  spec.nodes = nodes.map((n) => {
    const node: SpecNode = { id: n.id, op: n.data.op };
    if (n.data.params !== undefined) node.params = n.data.params;
    if (n.data.label !== undefined) node.label = n.data.label;
    if (n.data.trainable !== undefined) node.trainable = n.data.trainable;
    node.position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    return node;
  });
  spec.edges = edges.map((e) => {
    const edge: SpecEdge = { from: e.source, to: e.target };
    if (e.data?.toPort !== undefined) edge.toPort = e.data.toPort;
    return edge;
  });
  return spec;
}
