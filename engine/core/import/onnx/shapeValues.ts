// The integer values PyTorch computes from tensor shapes (Shape -> Gather -> Unsqueeze -> Concat -> Reshape for
// x.view(x.size(0), -1)), evaluated symbolically: each element is a number or "dimension k of value v". A node
// whose outputs all have such a value only computes a shape; it becomes no layer, and Reshape reads the result.

import { attributeInt, attributeInts, type OnnxGraph } from './graph';

/** One element of a shape computation: a known number, or dimension `axis` of the data value `of`. */
export type ShapeElement = number | { of: string; axis: number };

/** A whole shape not yet indexed (Shape's output), or a list of elements. */
type ShapeValue = { kind: 'shape'; of: string; start: number } | { kind: 'list'; items: ShapeElement[] };

export class ShapeValues {
  private readonly values = new Map<string, ShapeValue>();

  constructor(private readonly g: OnnxGraph) {
    for (const node of g.nodes) {
      if (node.domain !== '') continue;
      const value = this.evaluate(node.opType, node);
      if (value) this.values.set(node.outputs[0], value);
    }
  }

  /** Whether the node only computes a shape (every output has a symbolic value). */
  isShapeNode(outputs: readonly string[]): boolean {
    return outputs.length > 0 && outputs.every((o) => this.values.has(o));
  }

  /** The elements of a value (a computed shape or an integer constant), or null. */
  elements(name: string): ShapeElement[] | null {
    const value = this.lookup(name);
    return value?.kind === 'list' ? value.items : null;
  }

  private lookup(name: string): ShapeValue | null {
    const known = this.values.get(name);
    if (known) return known;
    const constant = this.g.constants.get(name);
    return constant?.ints ? { kind: 'list', items: [...constant.ints] } : null;
  }

  private evaluate(
    opType: string,
    node: { inputs: string[]; outputs: string[] } & Parameters<typeof attributeInt>[0],
  ): ShapeValue | null {
    const input = (i: number) => (node.inputs[i] ? this.lookup(node.inputs[i]) : null);
    switch (opType) {
      case 'Shape':
        // The data input is a computed tensor, not a shape; opset 15's start attribute skips leading axes.
        return this.g.constants.has(node.inputs[0])
          ? null
          : { kind: 'shape', of: node.inputs[0], start: attributeInt(node, 'start', 0) };
      case 'Gather': {
        const from = input(0);
        const index = input(1);
        if (!from || index?.kind !== 'list' || index.items.length !== 1 || typeof index.items[0] !== 'number')
          return null;
        const k = index.items[0];
        if (from.kind === 'shape')
          return k >= 0 ? { kind: 'list', items: [{ of: from.of, axis: from.start + k }] } : null;
        const item = from.items.at(k);
        return item === undefined ? null : { kind: 'list', items: [item] };
      }
      case 'Slice': {
        // Slice(shape, starts, ends) of one axis with constant bounds; only the leading part of a Shape is known.
        const from = input(0);
        const starts = this.g.opset >= 10 ? input(1) : null;
        const ends = this.g.opset >= 10 ? input(2) : null;
        const start = starts?.kind === 'list' ? starts.items[0] : attributeInts(node, 'starts')?.[0];
        const end = ends?.kind === 'list' ? ends.items[0] : attributeInts(node, 'ends')?.[0];
        if (
          from?.kind !== 'shape' ||
          typeof start !== 'number' ||
          typeof end !== 'number' ||
          start < 0 ||
          end < start ||
          end > 8
        )
          return null;
        return {
          kind: 'list',
          items: Array.from({ length: end - start }, (_, i) => ({ of: from.of, axis: from.start + start + i })),
        };
      }
      case 'Unsqueeze':
      case 'Squeeze':
      case 'Cast': {
        // A scalar and a one-element list hold the same elements.
        const from = input(0);
        return from?.kind === 'list' ? from : null;
      }
      case 'Concat': {
        const items: ShapeElement[] = [];
        for (let i = 0; i < node.inputs.length; i++) {
          const part = input(i);
          if (part?.kind !== 'list') return null;
          items.push(...part.items);
        }
        return { kind: 'list', items };
      }
      default:
        return null;
    }
  }
}
