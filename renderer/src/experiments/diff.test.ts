import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { layerName } from '../editor/layerName';
import { catalogueMessages } from '../editor/messages';
import { diffGraphs, graphSummary } from './graphDiff';
import { diffSettings, flatten } from './settingsDiff';

describe('settings diff', () => {
  it('flattens nested settings to dotted key paths, arrays as one value', () => {
    expect(
      flatten({
        optimizer: { type: 'adam', lr: 0.01 },
        schedule: { type: 'multistep', milestones: [3, 6] },
        epochs: 5,
      }),
    ).toEqual({
      'optimizer.type': 'adam',
      'optimizer.lr': 0.01,
      'schedule.type': 'multistep',
      'schedule.milestones': '[3, 6]',
      epochs: 5,
    });
  });

  it('lists every path of any run, in the training form’s order, and marks the ones that differ', () => {
    const rows = diffSettings([
      { optimizer: { type: 'adam', lr: 0.01 }, epochs: 5 },
      { optimizer: { type: 'adam', lr: 0.001 }, epochs: 5, l2: 0.001 },
    ]);
    expect(rows).toEqual([
      { path: 'optimizer.type', values: ['adam', 'adam'], differs: false },
      { path: 'optimizer.lr', values: [0.01, 0.001], differs: true },
      { path: 'epochs', values: [5, 5], differs: false },
      { path: 'l2', values: [null, 0.001], differs: true },
    ]);
  });
});

const base: ModelSpec = {
  version: 1,
  nodes: [
    { id: 'in', op: 'input', params: { shape: [2] }, position: { x: 0, y: 0 } },
    { id: 'fc1', op: 'dense', params: { units: 16 } },
    { id: 'act', op: 'relu' },
    { id: 'out', op: 'dense', params: { units: 3 } },
  ],
  edges: [
    { from: 'in', to: 'fc1' },
    { from: 'fc1', to: 'act' },
    { from: 'act', to: 'out' },
  ],
};

describe('graph diff', () => {
  it('finds nothing between a graph and itself moved around', () => {
    const moved = { ...base, nodes: base.nodes.map((n) => ({ ...n, position: { x: 50, y: 50 }, label: 'x' })) };
    expect(diffGraphs(base, moved)).toEqual([]);
  });

  it('reports added and removed nodes and edges', () => {
    const after: ModelSpec = {
      version: 1,
      nodes: [base.nodes[0], base.nodes[1], { id: 'drop', op: 'dropout', params: { p: 0.2 } }, base.nodes[3]],
      edges: [
        { from: 'in', to: 'fc1' },
        { from: 'fc1', to: 'drop' },
        { from: 'drop', to: 'out' },
      ],
    };
    expect(diffGraphs(base, after)).toEqual([
      { type: 'node-removed', nodeId: 'act', op: 'relu' },
      { type: 'node-added', nodeId: 'drop', op: 'dropout' },
      { type: 'edge-removed', from: 'fc1', to: 'act' },
      { type: 'edge-removed', from: 'act', to: 'out' },
      { type: 'edge-added', from: 'fc1', to: 'drop' },
      { type: 'edge-added', from: 'drop', to: 'out' },
    ]);
  });

  it('reports changed parameters and layer kinds of the same node id', () => {
    const after: ModelSpec = {
      ...base,
      nodes: [
        base.nodes[0],
        { id: 'fc1', op: 'dense', params: { units: 64, bias: false } },
        { id: 'act', op: 'gelu' },
        base.nodes[3],
      ],
    };
    expect(diffGraphs(base, after)).toEqual([
      {
        type: 'node-changed',
        nodeId: 'fc1',
        opBefore: 'dense',
        opAfter: 'dense',
        params: [
          { name: 'bias', before: undefined, after: false },
          { name: 'units', before: 16, after: 64 },
        ],
      },
      { type: 'node-changed', nodeId: 'act', opBefore: 'relu', opAfter: 'gelu', params: [] },
    ]);
  });

  it('finds nothing between a param left out and the same param written at its default', () => {
    const explicit = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === 'fc1' ? { ...n, params: { units: 16, bias: true, init: 'auto' } } : n)),
    };
    expect(diffGraphs(base, explicit)).toEqual([]);
    expect(diffGraphs(explicit, base)).toEqual([]);
  });

  it('compares list parameters by value', () => {
    const same = { ...base, nodes: base.nodes.map((n) => (n.id === 'in' ? { ...n, params: { shape: [2] } } : n)) };
    expect(diffGraphs(base, same)).toEqual([]);
  });

  it('summarizes a graph as its node count and first layers in order', () => {
    expect(graphSummary(base, 3)).toBe('4: Input → Dense(16) → ReLU → …');
    expect(graphSummary(base)).toBe('4: Input → Dense(16) → ReLU → Dense(3)');
    const zh = (op: string) => layerName(op, (key) => catalogueMessages['zh-CN'][key]);
    expect(graphSummary(base, 2, zh)).toBe('4: 输入 → 全连接(16) → …');
  });
});
