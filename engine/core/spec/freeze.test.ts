// Freezing by name or up to a node, and sizing a graph's output for another dataset.
import { describe, expect, it } from 'vitest';
import { freezeLayers, freezeUntil } from './freeze';
import { withOutputs } from './outputs';
import { lenet, mlp } from './templates';

const frozenIds = (spec: { nodes: Array<{ id: string; trainable?: boolean }> }) =>
  spec.nodes.filter((n) => n.trainable === false).map((n) => n.id);

describe('freezing layers', () => {
  it('freezes every layer with parameters up to and including the node, in topological order', () => {
    const result = freezeUntil(lenet(), 'conv2');
    expect(result.ok && frozenIds(result.spec)).toEqual(['conv1', 'conv2']);
  });

  it('freezes the named layers and refuses unknown names, all of them', () => {
    const result = freezeLayers(mlp(2, 3), ['fc2']);
    expect(result.ok && frozenIds(result.spec)).toEqual(['fc2']);
    expect(freezeLayers(mlp(2, 3), ['fc1', 'nope', 'conv1'])).toEqual({ ok: false, unknown: ['nope', 'conv1'] });
    expect(freezeUntil(mlp(2, 3), 'nope')).toEqual({ ok: false, unknown: ['nope'] });
  });
});

describe('sizing the output for another dataset', () => {
  it('sets the units of the last dense layer, also behind a softmax', () => {
    const spec = mlp(2, 3);
    expect(withOutputs(spec, 5).nodes.find((n) => n.id === 'fc3')!.params!.units).toBe(5);
    const withSoftmax = {
      ...spec,
      nodes: [...spec.nodes, { id: 'sm', op: 'softmax' }],
      edges: [...spec.edges, { from: 'fc3', to: 'sm' }],
    };
    expect(withOutputs(withSoftmax, 2).nodes.find((n) => n.id === 'fc3')!.params!.units).toBe(2);
    expect(withOutputs(spec, 3)).toBe(spec);
  });
});
