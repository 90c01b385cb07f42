import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../engine/core/spec/templates';
import { edgeOfConnection, flowToSpec, specToFlow } from './flow';
import { setParam, setTrainable } from './ops';

describe('spec ↔ flow conversion', () => {
  for (const template of TEMPLATES) {
    it(`round-trips the ${template.name} template`, () => {
      const spec = template.build();
      const { nodes, edges } = specToFlow(spec);
      expect(flowToSpec(nodes, edges, spec)).toEqual(spec);
    });
  }

  it('keeps a frozen layer frozen through the canvas, and unfreezing leaves the default out of the spec', () => {
    const spec = setTrainable(TEMPLATES[0].build(), 'fc1', false);
    expect(spec.nodes.find((n) => n.id === 'fc1')!.trainable).toBe(false);
    const { nodes, edges } = specToFlow(spec);
    expect(flowToSpec(nodes, edges, spec)).toEqual(spec);
    const thawed = setTrainable(spec, 'fc1', true);
    expect('trainable' in thawed.nodes.find((n) => n.id === 'fc1')!).toBe(false);
  });

  it('gives nodes their family, accessible name and merge handles', () => {
    const spec = TEMPLATES.find((t) => t.name === 'residual')!.build();
    const { nodes, edges } = specToFlow(spec);
    expect(nodes[0]).toMatchObject({ type: 'entry', ariaLabel: 'Input input' });
    const merge = nodes.find((n) => n.data.op === 'add')!;
    expect(merge.type).toBe('merge');
    expect(
      edges
        .filter((e) => e.target === merge.id)
        .map((e) => e.targetHandle)
        .sort(),
    ).toEqual(['in0', 'in1']);
  });

  it('reuses unchanged nodes and keeps the selection', () => {
    const spec = TEMPLATES[0].build();
    const first = specToFlow(spec, { select: new Set(['fc1']) });
    const edited = setParam(spec, 'fc2', 'units', 5);
    const second = specToFlow(edited, { previous: first });
    expect(second.nodes[0]).toBe(first.nodes[0]);
    const fc2 = second.nodes.findIndex((n) => n.id === 'fc2');
    expect(second.nodes[fc2]).not.toBe(first.nodes[fc2]);
    expect(second.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['fc1']);
  });

  it('reads the port of a drawn connection from the target handle', () => {
    expect(edgeOfConnection({ source: 'a', target: 'm', targetHandle: 'in1' })).toEqual({
      from: 'a',
      to: 'm',
      toPort: 1,
    });
    expect(edgeOfConnection({ source: 'a', target: 'b', targetHandle: 'in' })).toEqual({ from: 'a', to: 'b' });
  });
});
