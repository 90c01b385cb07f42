// The empty graph: one Input node, sized to the data when a shape is given.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { emptySpec } from './empty';
import { SPEC_VERSION } from './types';

describe('emptySpec', () => {
  it('holds only an Input node, at the current spec version', () => {
    const spec = emptySpec();
    expect(spec.version).toBe(SPEC_VERSION);
    expect(spec.nodes.map((n) => n.op)).toEqual(['input']);
    expect(spec.edges).toEqual([]);
  });

  it("sizes the Input to the samples' shape, copying it", () => {
    const shape = [1, 28, 28];
    const spec = emptySpec(shape);
    shape[0] = 3;
    expect(spec.nodes[0].params).toEqual({ shape: [1, 28, 28] });
    expect(analyze(spec).nodes.input.outputShape).toEqual([1, 28, 28]);
  });

  it('returns a new graph each time (editing one never changes the next)', () => {
    const first = emptySpec([2]);
    first.nodes.push({ id: 'fc', op: 'dense' });
    expect(emptySpec([2]).nodes).toHaveLength(1);
  });
});
