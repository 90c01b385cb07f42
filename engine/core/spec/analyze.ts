// Validates a model spec and infers every node's output shape and parameter count in one linear pass.
// Each problem names the node that causes it and gives a reason with arguments (problemReasons.ts), which the user
// interfaces word; nodes downstream of a broken one get no shape and no second complaint.

import type { LossKind } from '../train/config';
import { adviseOn } from './advice';
import { LAYER_DEFINITIONS } from '../layers';
import { LAYERS, isOpKind } from './catalogue';
import { findCycles, reachableFrom, topologicalOrder, type IndexGraph } from './graph';
import { idList, nodeName } from './names';
import { resolveParams } from './params';
import type { ProblemArgs, ProblemReason } from './problemReasons';
import {
  SPEC_VERSION,
  type Analysis,
  type ModelSpec,
  type NodeInfo,
  type ParamValue,
  type Problem,
  type ProblemCode,
  type Shape,
  type SpecNode,
} from './types';

export interface AnalyzeOptions {
  /** The loss the model will be trained with; only changes the advice (a softmax before cross-entropy, ...). */
  loss?: LossKind;
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** An edge into a node, as the graph sees it. */
interface InEdge {
  from: number;
  port: unknown;
}

export function analyze(spec: ModelSpec, options: AnalyzeOptions = {}): Analysis {
  const problems: Problem[] = [];
  const graphWide = (code: ProblemCode, reason: ProblemReason, args: ProblemArgs = {}): void => {
    problems.push({ nodeId: null, code, reason, args });
  };

  if (typeof spec !== 'object' || spec === null) {
    graphWide('malformed', 'not-an-object', { value: JSON.stringify(spec) ?? String(spec) });
    return emptyAnalysis(problems);
  }
  if (spec.version !== SPEC_VERSION) {
    graphWide('bad-version', 'bad-version', {
      version: JSON.stringify(spec.version) ?? 'undefined',
      expected: SPEC_VERSION,
    });
  }
  const rawNodes: unknown[] = Array.isArray(spec.nodes) ? spec.nodes : [];
  if (!Array.isArray(spec.nodes)) graphWide('malformed', 'no-node-list');
  const rawEdges: unknown[] = Array.isArray(spec.edges) ? spec.edges : [];
  if (!Array.isArray(spec.edges)) graphWide('malformed', 'no-edge-list');

  // ---- nodes: ids, ops, params --------------------------------------------------------------------------------
  const nodes: SpecNode[] = [];
  const indexOf = new Map<string, number>();
  const paramValues: (Record<string, ParamValue> | null)[] = [];
  /** A problem was reported on the node (so 'unreachable' would only repeat it). */
  const reported: boolean[] = [];
  /** The node cannot compute an output shape. */
  const broken: boolean[] = [];
  /** A problem on node i; its args get `node`, the layer as messages name it. */
  const report = (i: number, code: ProblemCode, reason: ProblemReason, args: ProblemArgs, breaks: boolean): void => {
    problems.push({ nodeId: nodes[i].id, code, reason, args: { node: nodeName(nodes[i]), ...args } });
    reported[i] = true;
    if (breaks) broken[i] = true;
  };

  rawNodes.forEach((raw, position) => {
    const node = raw as SpecNode;
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string') {
      graphWide('malformed', 'node-not-object', { position: position + 1 });
      return;
    }
    const first = indexOf.get(node.id);
    if (first !== undefined) {
      problems.push({
        nodeId: node.id,
        code: 'duplicate-id',
        reason: 'duplicate-id',
        args: { id: node.id, first: nodeName(nodes[first]), second: nodeName(node) },
      });
      return;
    }
    const i = nodes.length;
    nodes.push(node);
    indexOf.set(node.id, i);
    reported.push(false);
    broken.push(false);
    if (!ID_PATTERN.test(node.id)) {
      report(i, 'bad-id', 'bad-id', {}, true);
    }
    const resolved = resolveParams(node);
    paramValues.push(resolved.problems.length === 0 ? resolved.params : null);
    for (const problem of resolved.problems) report(i, problem.code, problem.reason, problem.args, true);
  });
  const count = nodes.length;

  // ---- edges ------------------------------------------------------------------------------------------------------
  const incoming: InEdge[][] = Array.from({ length: count }, () => []);
  const successors: number[][] = Array.from({ length: count }, () => []);
  const danglingInto = new Array<number>(count).fill(0);
  rawEdges.forEach((raw, position) => {
    const edge = raw as { from?: unknown; to?: unknown; toPort?: unknown };
    if (typeof edge !== 'object' || edge === null) {
      graphWide('malformed', 'edge-not-object', { position: position + 1 });
      return;
    }
    const from = typeof edge.from === 'string' ? indexOf.get(edge.from) : undefined;
    const to = typeof edge.to === 'string' ? indexOf.get(edge.to) : undefined;
    if (from !== undefined && to !== undefined) {
      incoming[to].push({ from, port: edge.toPort });
      successors[from].push(to);
    } else if (to !== undefined) {
      danglingInto[to] += 1;
      report(to, 'dangling-edge', 'edge-from-missing', { from: JSON.stringify(edge.from) ?? 'undefined' }, false);
    } else if (from !== undefined) {
      report(from, 'dangling-edge', 'edge-to-missing', { to: JSON.stringify(edge.to) ?? 'undefined' }, false);
    } else {
      graphWide('dangling-edge', 'edge-both-missing', {
        position: position + 1,
        from: JSON.stringify(edge.from) ?? 'undefined',
        to: JSON.stringify(edge.to) ?? 'undefined',
      });
    }
  });

  // ---- the one input --------------------------------------------------------------------------------------------
  const inputNodes: number[] = [];
  nodes.forEach((node, i) => {
    if (node.op === 'input') inputNodes.push(i);
  });
  const main = inputNodes.length > 0 ? inputNodes[0] : -1;
  if (main < 0) graphWide('no-input', 'no-input');
  for (const extra of inputNodes.slice(1)) {
    report(extra, 'multiple-inputs', 'second-input', { input: nodes[main].id }, true);
  }

  // ---- incoming connections per node: count and slot order -------------------------------------------------------
  const inputs: number[][] = incoming.map((edges) => edges.map((e) => e.from));
  nodes.forEach((node, i) => {
    if (!isOpKind(node.op)) return;
    const sourceIds = incoming[i].map((e) => nodes[e.from].id);
    const ordered = checkIncoming(node, incoming[i], sourceIds, danglingInto[i], (code, reason, args, breaks) =>
      report(i, code, reason, args, breaks),
    );
    if (ordered) inputs[i] = ordered;
    else broken[i] = true;
  });

  // ---- order, cycles, reachability --------------------------------------------------------------------------------
  const graph: IndexGraph = { size: count, successors, inDegree: incoming.map((edges) => edges.length) };
  const topo = topologicalOrder(graph);
  if (topo.length < count) {
    const inTopo = new Array<boolean>(count).fill(false);
    for (const i of topo) inTopo[i] = true;
    const leftOut: number[] = [];
    for (let i = 0; i < count; i++) if (!inTopo[i]) leftOut.push(i);
    for (const cycle of findCycles(graph, leftOut)) {
      const ids = cycle.loop.map((i) => nodes[i].id);
      const loop = [...ids, ids[0]].join(' → ');
      for (const member of cycle.members) {
        report(member, 'cycle', 'cycle', { loop }, true);
      }
    }
  }
  const reachable = main >= 0 ? reachableFrom(graph, main) : new Array<boolean>(count).fill(false);

  // ---- shapes and parameter counts, in topological order -----------------------------------------------------------
  const shapes: (Shape | null)[] = new Array<Shape | null>(count).fill(null);
  const paramCounts = new Array<number>(count).fill(0);
  const order: number[] = [];
  for (const i of topo) {
    if (!reachable[i]) continue;
    order.push(i);
    const values = paramValues[i];
    if (broken[i] || values === null || !isOpKind(nodes[i].op)) continue;
    const inputShapes: Shape[] = [];
    for (const from of inputs[i]) {
      const shape = shapes[from];
      if (shape === null) break; // an upstream problem, already reported
      inputShapes.push(shape);
    }
    if (inputShapes.length < inputs[i].length) continue;
    const outcome = LAYER_DEFINITIONS[nodes[i].op].shape({
      node: nodes[i],
      params: values,
      inputs: inputShapes,
      inputIds: inputs[i].map((from) => nodes[from].id),
    });
    if (outcome.ok) {
      shapes[i] = outcome.shape;
      paramCounts[i] = outcome.params;
    } else {
      report(i, outcome.code, outcome.reason, outcome.args, true);
    }
  }

  // ---- nodes cut off from the input --------------------------------------------------------------------------------
  if (main >= 0) {
    for (let i = 0; i < count; i++) {
      if (reachable[i] || reported[i]) continue;
      report(
        i,
        'unreachable',
        'unreachable',
        { input: nodes[main].id, feeders: idList(inputs[i].map((from) => nodes[from].id)) },
        true,
      );
    }
  }

  // ---- the one output: the deepest node without outgoing connections -------------------------------------------
  let output = -1;
  if (main >= 0) {
    const depth = new Array<number>(count).fill(-1);
    for (const i of topo) {
      if (depth[i] < 0) depth[i] = 0;
      for (const next of successors[i]) depth[next] = Math.max(depth[next], depth[i] + 1);
    }
    const sinks: number[] = [];
    for (let i = 0; i < count; i++) if (reachable[i] && successors[i].length === 0) sinks.push(i);
    for (const sink of sinks) if (output < 0 || depth[sink] >= depth[output]) output = sink;
    if (output === main) {
      report(main, 'no-output', 'no-output', { input: nodes[main].id }, false);
      output = -1;
    } else {
      for (const sink of sinks) {
        if (sink === output) continue;
        report(sink, 'multiple-outputs', 'second-output', { output: nodes[output].id }, false);
      }
    }
  }

  // ---- result -------------------------------------------------------------------------------------------------------
  const infos: Record<string, NodeInfo> = Object.create(null) as Record<string, NodeInfo>;
  nodes.forEach((node, i) => {
    infos[node.id] = {
      outputShape: shapes[i],
      params: paramCounts[i],
      frozen: node.trainable === false,
      inputs: inputs[i].map((from) => nodes[from].id),
      paramValues: paramValues[i],
    };
  });
  let totalParams = 0;
  let frozenParams = 0;
  for (const i of order) {
    totalParams += paramCounts[i];
    if (nodes[i].trainable === false) frozenParams += paramCounts[i];
  }
  return {
    ok: problems.length === 0,
    problems,
    nodes: infos,
    totalParams,
    frozenParams,
    order: order.map((i) => nodes[i].id),
    inputId: main >= 0 ? nodes[main].id : null,
    outputId: output >= 0 ? nodes[output].id : null,
    warnings: adviseOn({ nodes, inputs, shapes, output, loss: options.loss }),
  };
}

/**
 * Checks a node's incoming connections against what its op takes and returns their sources in slot order
 * (toPort 0 first; edge order when no edge names a port), or null when the count or ports are wrong (reported here,
 * except a shortfall that a connection from a missing layer already explains).
 */
function checkIncoming(
  node: SpecNode,
  edges: readonly InEdge[],
  sourceIds: readonly string[],
  danglingInto: number,
  report: (code: ProblemCode, reason: ProblemReason, args: ProblemArgs, breaks: boolean) => void,
): number[] | null {
  const need = LAYERS[node.op as keyof typeof LAYERS].inputs;
  const have = edges.length;
  const sources = idList(sourceIds);
  if (need === 0) {
    if (have > 0) report('too-many-inputs', 'input-takes-none', { count: have, sources }, true);
    return have > 0 ? null : [];
  }
  if (have < need) {
    // A connection from a missing layer was already reported on this node; do not complain twice.
    if (danglingInto === 0) {
      if (need === 1) report('missing-input', 'no-input-connection', {}, true);
      else report('missing-input', 'needs-two-inputs', { count: have }, true);
    }
    return null;
  }
  if (have > need) {
    report('too-many-inputs', need === 1 ? 'too-many-connections' : 'merge-too-many', { count: have, sources }, true);
    return null;
  }
  const ports = edges.map((e) => e.port).filter((p) => p !== undefined && p !== null);
  if (need === 1) {
    if (ports.length > 0 && ports[0] !== 0)
      report('bad-port', 'port-single', { port: JSON.stringify(ports[0]) }, false);
    return edges.map((e) => e.from);
  }
  if (ports.length === 0) return edges.map((e) => e.from);
  if (ports.length !== edges.length) {
    report('bad-port', 'port-partial', {}, true);
    return null;
  }
  if (!ports.includes(0) || !ports.includes(1)) {
    report('bad-port', 'port-pair', { ports: ports.map((p) => JSON.stringify(p)).join(', ') }, true);
    return null;
  }
  return ports[0] === 0 ? [edges[0].from, edges[1].from] : [edges[1].from, edges[0].from];
}

function emptyAnalysis(problems: Problem[]): Analysis {
  return {
    ok: false,
    problems,
    nodes: Object.create(null) as Record<string, NodeInfo>,
    totalParams: 0,
    frozenParams: 0,
    order: [],
    inputId: null,
    outputId: null,
    warnings: [],
  };
}
