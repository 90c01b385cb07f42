import { describe, expect, it } from 'vitest';
import { analyze } from '../../../engine/core/spec/analyze';
import { TEMPLATES } from '../../../engine/core/spec/templates';
import { tidyLayout } from './layout';

describe('tidy layout', () => {
  for (const template of TEMPLATES) {
    it(`places every node of ${template.name} apart, each below the layers feeding it`, () => {
      const spec = template.build();
      const scrambled = { ...spec, nodes: spec.nodes.map((n, i) => ({ ...n, position: { x: (i * 37) % 100, y: 0 } })) };
      const laid = tidyLayout(scrambled);
      const at = new Map(laid.nodes.map((n) => [n.id, n.position!]));
      expect(new Set(laid.nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(laid.nodes.length);
      for (const edge of laid.edges)
        expect(at.get(edge.to)!.y, `${edge.from} → ${edge.to}`).toBeGreaterThan(at.get(edge.from)!.y);
      const order = analyze(laid).order;
      for (let i = 1; i < order.length; i++)
        expect(at.get(order[i])!.y).toBeGreaterThanOrEqual(at.get(order[i - 1])!.y);
    });
  }

  it('keeps every other part of the spec', () => {
    const spec = TEMPLATES[1].build();
    const laid = tidyLayout(spec);
    expect(laid.edges).toBe(spec.edges);
    expect(laid.nodes.map(({ position: _, ...rest }) => rest)).toEqual(
      spec.nodes.map(({ position: _, ...rest }) => rest),
    );
  });
});
