// Deleting layers: a layer with one input and one output is bridged (its feeder connected to what it fed) when the
// shapes allow, so deleting a middle layer keeps the network whole; otherwise the gap is left for the user. Adding a
// layer after a middle one puts it into the chain, with room made below it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../engine/core/spec/analyze';
import { mlp, smallCnn } from '../../../engine/core/spec/templates';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { addLayer, removeElements, ROW } from './ops';

const edgesOf = (spec: ModelSpec) => spec.edges.map((e) => `${e.from}->${e.to}`);

describe('deleting layers', () => {
  it('reconnects the neighbours of a deleted middle layer', () => {
    const spec = mlp(4, 3, [8, 8]); // input → fc1 → relu1 → fc2 → relu2 → fc3
    const after = removeElements(spec, ['relu1']);
    expect(edgesOf(after)).toContain('fc1->fc2');
    expect(after.nodes.map((n) => n.id)).not.toContain('relu1');
    expect(analyze(after).ok).toBe(true);
  });

  it('bridges a chain of deleted layers, and the edges the canvas deleted with them', () => {
    const spec = mlp(4, 3, [8, 8]);
    const after = removeElements(spec, ['fc2', 'relu2'], ['relu1->fc2', 'fc2->relu2', 'relu2->fc3']);
    expect(edgesOf(after)).toContain('relu1->fc3');
    expect(analyze(after).ok).toBe(true);
  });

  it('leaves the gap when the shapes do not allow the bridge (a Flatten between a convolution and a Dense)', () => {
    const spec = smallCnn({ inputShape: [1, 28, 28], outputs: 10 });
    const flatten = spec.nodes.find((n) => n.op === 'flatten')!;
    const feeder = spec.edges.find((e) => e.to === flatten.id)!.from;
    const fed = spec.edges.find((e) => e.from === flatten.id)!.to;
    const after = removeElements(spec, [flatten.id]);
    expect(edgesOf(after)).not.toContain(`${feeder}->${fed}`);
  });

  it('leaves the gap around a deleted layer with two inputs (nothing says which one to keep)', () => {
    const spec: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'input', op: 'input', params: { shape: [4] } },
        { id: 'a', op: 'dense', params: { units: 4 } },
        { id: 'add', op: 'add' },
        { id: 'out', op: 'dense', params: { units: 2 } },
      ],
      edges: [
        { from: 'input', to: 'a' },
        { from: 'input', to: 'add', toPort: 0 },
        { from: 'a', to: 'add', toPort: 1 },
        { from: 'add', to: 'out' },
      ],
    };
    expect(edgesOf(removeElements(spec, ['add']))).toEqual(['input->a']);
  });

  it('deletes only the named edge when no node is deleted', () => {
    const spec = mlp(4, 3, [8]);
    expect(edgesOf(removeElements(spec, [], ['fc1->relu1']))).not.toContain('fc1->relu1');
    expect(removeElements(spec, [], ['fc1->relu1']).nodes).toHaveLength(spec.nodes.length);
  });
});

describe('adding a layer after the selected one', () => {
  const y = (spec: ModelSpec, id: string) => spec.nodes.find((n) => n.id === id)!.position!.y;

  it('goes into the chain after a middle layer: what it fed is fed by the new layer, the layers below move down', () => {
    const spec = mlp(4, 3, [8, 8]); // input → fc1 → relu1 → fc2 → relu2 → fc3
    const { spec: after, id } = addLayer(spec, 'layernorm', null, 'fc1');
    expect(edgesOf(after)).toEqual(expect.arrayContaining(['fc1->' + id, id + '->relu1']));
    expect(edgesOf(after)).not.toContain('fc1->relu1');
    expect(y(after, id)).toBe(y(spec, 'fc1') + ROW);
    for (const below of ['relu1', 'fc2', 'relu2', 'fc3']) expect(y(after, below)).toBe(y(spec, below) + ROW);
    for (const above of ['input', 'fc1']) expect(y(after, above)).toBe(y(spec, above));
    expect(analyze(after).ok).toBe(true);
  });

  it('after the last layer it is appended and becomes the output', () => {
    const spec = mlp(4, 3, [8]);
    const { spec: after, id } = addLayer(spec, 'dropout', null, 'fc2');
    expect(edgesOf(after)).toEqual([...edgesOf(spec), 'fc2->' + id]);
    expect(analyze(after).outputId).toBe(id);
  });

  it('takes over every branch a fork fed; a merge layer branches off instead', () => {
    const fork: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
        { id: 'fc', op: 'dense', params: { units: 4 }, position: { x: 0, y: 90 } },
        { id: 'side', op: 'dense', params: { units: 4 }, position: { x: 200, y: 180 } },
        { id: 'sum', op: 'add', position: { x: 0, y: 270 } },
      ],
      edges: [
        { from: 'in', to: 'fc' },
        { from: 'fc', to: 'side' },
        { from: 'fc', to: 'sum', toPort: 0 },
        { from: 'side', to: 'sum', toPort: 1 },
      ],
    };
    const inserted = addLayer(fork, 'relu', null, 'fc');
    expect(edgesOf(inserted.spec).filter((e) => e.startsWith(inserted.id))).toEqual([
      inserted.id + '->side',
      inserted.id + '->sum',
    ]);
    expect(inserted.spec.edges.find((e) => e.to === 'sum' && e.from === inserted.id)?.toPort).toBe(0);
    expect(analyze(inserted.spec).ok).toBe(true);
    const merged = addLayer(fork, 'add', null, 'fc');
    expect(edgesOf(merged.spec)).toEqual([...edgesOf(fork), 'fc->' + merged.id]);
    expect(y(merged.spec, 'sum')).toBe(270);
  });
});
