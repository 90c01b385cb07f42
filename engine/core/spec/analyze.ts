// Validates a model spec and infers every node's output shape and parameter count in one linear pass.
// Each problem names the node that causes it; nodes downstream of a broken one get no shape and no second complaint.

import type { LossKind } from '../train/config';
import { adviseOn } from './advice';
import { LAYERS, isOpKind } from './catalogue';
import { findCycles, reachableFrom, topologicalOrder, type IndexGraph } from './graph';
import { listText, nodeName } from './names';
import { resolveParams } from './params';
import { SHAPE_RULES } from './shapes';
import { SPEC_VERSION, type Analysis, type ModelSpec, type NodeInfo, type ParamValue, type Problem, type ProblemCode, type Shape, type SpecNode } from './types';

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
  const graphWide = (code: ProblemCode, message: string): void => {
    problems.push({ nodeId: null, code, message });
  };

  if (typeof spec !== 'object' || spec === null) {
    graphWide('malformed', `A model must be an object with version, nodes and edges, got ${JSON.stringify(spec)}.`);
    return emptyAnalysis(problems);
  }
  if (spec.version !== SPEC_VERSION) {
    graphWide('bad-version', `The model has version ${JSON.stringify(spec.version)}, but this Netwright reads version ${SPEC_VERSION}: save it again from the editor or set "version": ${SPEC_VERSION}.`);
  }
  const rawNodes: unknown[] = Array.isArray(spec.nodes) ? spec.nodes : [];
  if (!Array.isArray(spec.nodes)) graphWide('malformed', 'The model has no list of nodes ("nodes": [...]).');
  const rawEdges: unknown[] = Array.isArray(spec.edges) ? spec.edges : [];
  if (!Array.isArray(spec.edges)) graphWide('malformed', 'The model has no list of connections ("edges": [...]).');

  // ---- nodes: ids, ops, params --------------------------------------------------------------------------------
  const nodes: SpecNode[] = [];
  const indexOf = new Map<string, number>();
  const paramValues: (Record<string, ParamValue> | null)[] = [];
  /** A problem was reported on the node (so 'unreachable' would only repeat it). */
  const reported: boolean[] = [];
  /** The node cannot compute an output shape. */
  const broken: boolean[] = [];
  const report = (i: number, code: ProblemCode, message: string, breaks: boolean): void => {
    problems.push({ nodeId: nodes[i].id, code, message });
    reported[i] = true;
    if (breaks) broken[i] = true;
  };

  rawNodes.forEach((raw, position) => {
    const node = raw as SpecNode;
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string') {
      graphWide('malformed', `Node #${position + 1} is not a layer with a text id: every node needs "id", "op" and optional "params".`);
      return;
    }
    const first = indexOf.get(node.id);
    if (first !== undefined) {
      problems.push({ nodeId: node.id, code: 'duplicate-id', message: `Two layers have the id '${node.id}' (${nodeName(nodes[first])} and ${nodeName(node)}): give each layer its own id.` });
      return;
    }
    const i = nodes.length;
    nodes.push(node);
    indexOf.set(node.id, i);
    reported.push(false);
    broken.push(false);
    if (!ID_PATTERN.test(node.id)) {
      report(i, 'bad-id', `${nodeName(node)} has an id that is empty or uses characters other than letters, digits, '_' and '-': rename it.`, true);
    }
    const resolved = resolveParams(node);
    paramValues.push(resolved.problems.length === 0 ? resolved.params : null);
    for (const problem of resolved.problems) report(i, problem.code, problem.message, true);
  });
  const count = nodes.length;

  // ---- edges ------------------------------------------------------------------------------------------------------
  const incoming: InEdge[][] = Array.from({ length: count }, () => []);
  const successors: number[][] = Array.from({ length: count }, () => []);
  const danglingInto = new Array<number>(count).fill(0);
  rawEdges.forEach((raw, position) => {
    const edge = raw as { from?: unknown; to?: unknown; toPort?: unknown };
    if (typeof edge !== 'object' || edge === null) {
      graphWide('malformed', `Connection #${position + 1} is not an object with "from" and "to".`);
      return;
    }
    const from = typeof edge.from === 'string' ? indexOf.get(edge.from) : undefined;
    const to = typeof edge.to === 'string' ? indexOf.get(edge.to) : undefined;
    if (from !== undefined && to !== undefined) {
      incoming[to].push({ from, port: edge.toPort });
      successors[from].push(to);
    } else if (to !== undefined) {
      danglingInto[to] += 1;
      report(to, 'dangling-edge', `${nodeName(nodes[to])} has a connection from ${JSON.stringify(edge.from)}, which is not a layer in this model: delete that connection.`, false);
    } else if (from !== undefined) {
      report(from, 'dangling-edge', `${nodeName(nodes[from])} has a connection to ${JSON.stringify(edge.to)}, which is not a layer in this model: delete that connection.`, false);
    } else {
      graphWide('dangling-edge', `Connection #${position + 1} goes from ${JSON.stringify(edge.from)} to ${JSON.stringify(edge.to)}, and neither is a layer in this model: delete it.`);
    }
  });

  // ---- the one input --------------------------------------------------------------------------------------------
  const inputNodes: number[] = [];
  nodes.forEach((node, i) => {
    if (node.op === 'input') inputNodes.push(i);
  });
  const main = inputNodes.length > 0 ? inputNodes[0] : -1;
  if (main < 0) graphWide('no-input', 'The model has no Input layer: add one from the palette and connect it to the first layer.');
  for (const extra of inputNodes.slice(1)) {
    report(extra, 'multiple-inputs', `${nodeName(nodes[extra])} is a second Input layer, but a model has exactly one ('${nodes[main].id}'): delete it or connect its layers to '${nodes[main].id}'.`, true);
  }

  // ---- incoming connections per node: count and slot order -------------------------------------------------------
  const inputs: number[][] = incoming.map((edges) => edges.map((e) => e.from));
  nodes.forEach((node, i) => {
    if (!isOpKind(node.op)) return;
    const sourceIds = incoming[i].map((e) => nodes[e.from].id);
    const ordered = checkIncoming(node, incoming[i], sourceIds, danglingInto[i], (code, message, breaks) => report(i, code, message, breaks));
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
      const loopText = [...ids, ids[0]].join(' → ');
      for (const member of cycle.members) {
        report(member, 'cycle', `${nodeName(nodes[member])} is part of a loop (${loopText}): data must flow one way from the input to the output, so remove one of these connections.`, true);
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
    const outcome = SHAPE_RULES[nodes[i].op](
      { node: nodes[i], params: values, inputs: inputShapes, inputIds: inputs[i].map((from) => nodes[from].id) });
    if (outcome.ok) {
      shapes[i] = outcome.shape;
      paramCounts[i] = outcome.params;
    } else {
      report(i, outcome.code, outcome.message, true);
    }
  }

  // ---- nodes cut off from the input --------------------------------------------------------------------------------
  if (main >= 0) {
    for (let i = 0; i < count; i++) {
      if (reachable[i] || reported[i]) continue;
      const feeders = listText(inputs[i].map((from) => nodes[from].id));
      report(i, 'unreachable', `${nodeName(nodes[i])} is not connected to the input '${nodes[main].id}' (it is fed by ${feeders}): connect its branch to the network or delete it.`, true);
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
      report(main, 'no-output', `Nothing is connected after the input '${nodes[main].id}': connect the first layer to it.`, false);
      output = -1;
    } else {
      for (const sink of sinks) {
        if (sink === output) continue;
        report(sink, 'multiple-outputs', `${nodeName(nodes[sink])} has no outgoing connection, so the model would have a second output besides '${nodes[output].id}': connect it onward or delete it.`, false);
      }
    }
  }

  // ---- result -------------------------------------------------------------------------------------------------------
  const infos: Record<string, NodeInfo> = Object.create(null) as Record<string, NodeInfo>;
  nodes.forEach((node, i) => {
    infos[node.id] = {
      outputShape: shapes[i],
      params: paramCounts[i],
      inputs: inputs[i].map((from) => nodes[from].id),
      paramValues: paramValues[i],
    };
  });
  let totalParams = 0;
  for (const i of order) totalParams += paramCounts[i];
  return {
    ok: problems.length === 0,
    problems,
    nodes: infos,
    totalParams,
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
  report: (code: ProblemCode, message: string, breaks: boolean) => void,
): number[] | null {
  const need = LAYERS[node.op as keyof typeof LAYERS].inputs;
  const have = edges.length;
  const name = nodeName(node);
  const sources = `from ${listText(sourceIds)}`;
  if (need === 0) {
    if (have > 0) report('too-many-inputs', `${name} is where data enters the model, so it takes no incoming connections: remove the connection${have > 1 ? 's' : ''} ${sources}.`, true);
    return have > 0 ? null : [];
  }
  if (have < need) {
    // A connection from a missing layer was already reported on this node; do not complain twice.
    if (danglingInto === 0) {
      const message = need === 1
        ? `${name} has no input: connect a layer into it.`
        : `${name} needs two inputs but has ${have === 0 ? 'none' : 'one'}: connect ${have === 0 ? 'two layers' : 'another layer'} into it.`;
      report('missing-input', message, true);
    }
    return null;
  }
  if (have > need) {
    const message = need === 1
      ? `${name} has ${have} incoming connections (${sources}) but takes one: merge them with an Add or Concat layer first.`
      : `${name} takes two inputs but has ${have} (${sources}): remove the extra connections, or merge in several steps.`;
    report('too-many-inputs', message, true);
    return null;
  }
  const ports = edges.map((e) => e.port).filter((p) => p !== undefined && p !== null);
  if (need === 1) {
    if (ports.length > 0 && ports[0] !== 0) {
      report('bad-port', `${name} has one input slot, but its connection names toPort ${JSON.stringify(ports[0])}: remove toPort or set it to 0.`, false);
    }
    return edges.map((e) => e.from);
  }
  if (ports.length === 0) return edges.map((e) => e.from);
  if (ports.length !== edges.length) {
    report('bad-port', `${name} names toPort on only one of its two connections: set toPort 0 and 1 on both, or on neither.`, true);
    return null;
  }
  if (!ports.includes(0) || !ports.includes(1)) {
    report('bad-port', `${name} needs its two connections on toPort 0 and 1, but they use ${ports.map((p) => JSON.stringify(p)).join(' and ')}.`, true);
    return null;
  }
  return ports[0] === 0 ? [edges[0].from, edges[1].from] : [edges[1].from, edges[0].from];
}

function emptyAnalysis(problems: Problem[]): Analysis {
  return { ok: false, problems, nodes: Object.create(null) as Record<string, NodeInfo>, totalParams: 0, order: [], inputId: null, outputId: null, warnings: [] };
}
