// Small helpers for the spec tests: write a graph as a list of nodes and a list of edges.

import { SPEC_VERSION, type ModelSpec, type ParamValue, type SpecEdge, type SpecNode } from './types';

export type NodeRow = [id: string, op: string, params?: Record<string, ParamValue>];
export type EdgeRow = [from: string, to: string, toPort?: number];

export function graph(nodes: NodeRow[], edges: EdgeRow[]): ModelSpec {
  return {
    version: SPEC_VERSION,
    nodes: nodes.map(([id, op, params]): SpecNode => (params ? { id, op, params } : { id, op })),
    edges: edges.map(([from, to, toPort]): SpecEdge => (toPort === undefined ? { from, to } : { from, to, toPort })),
  };
}

/** A straight chain: each node feeds the next. */
export function chain(nodes: NodeRow[]): ModelSpec {
  const edges: EdgeRow[] = [];
  for (let i = 1; i < nodes.length; i++) edges.push([nodes[i - 1][0], nodes[i][0]]);
  return graph(nodes, edges);
}
