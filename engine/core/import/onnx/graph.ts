// The ONNX graph as the import passes rewrite it: nodes in file (topological) order, constants (initializers and
// Constant nodes) by value name, and who consumes each value. Passes fuse patterns here before any conversion.

import type { OnnxAttributeValue, OnnxModelProto, OnnxNodeProto, OnnxTensor } from './proto';
import type { RewriteCode } from './rewrites';

export type OnnxNode = OnnxNodeProto;

export class OnnxGraph {
  nodes: OnnxNode[];
  readonly constants: Map<string, OnnxTensor>;
  /** The default domain's opset. */
  readonly opset: number;
  /** How many times each pass removed or fused something, by what it did. */
  readonly rewrites = new Map<RewriteCode, number>();

  constructor(model: OnnxModelProto) {
    this.nodes = model.nodes.map((n) => ({ ...n, inputs: [...n.inputs], outputs: [...n.outputs] }));
    this.constants = new Map(model.initializers);
    this.opset = model.opsets.get('') ?? 1;
  }

  count(code: RewriteCode, n = 1): void {
    this.rewrites.set(code, (this.rewrites.get(code) ?? 0) + n);
  }

  producer(value: string): OnnxNode | undefined {
    return this.nodes.find((n) => n.outputs.includes(value));
  }

  consumers(value: string): OnnxNode[] {
    return this.nodes.filter((n) => n.inputs.includes(value));
  }

  /** Every use of `from` (node inputs and the graph outputs given) now reads `to`. */
  replaceUses(from: string, to: string, graphOutputs: string[]): void {
    for (const node of this.nodes) node.inputs = node.inputs.map((v) => (v === from ? to : v));
    for (let i = 0; i < graphOutputs.length; i++) if (graphOutputs[i] === from) graphOutputs[i] = to;
  }

  remove(dead: readonly OnnxNode[]): void {
    const set = new Set(dead);
    this.nodes = this.nodes.filter((n) => !set.has(n));
  }

  /** `node`'s input i as a constant tensor, or null when it is computed (or absent). */
  constantInput(node: OnnxNode, i: number): OnnxTensor | null {
    const name = node.inputs[i];
    return name ? (this.constants.get(name) ?? null) : null;
  }

  /** The one consumer of `value`, or null when it has none or several (or is a graph output). */
  soleConsumer(value: string, graphOutputs: readonly string[]): OnnxNode | null {
    if (graphOutputs.includes(value)) return null;
    const users = this.consumers(value);
    return users.length === 1 ? users[0] : null;
  }

  /** Keeps only the nodes whose outputs some kept node or the graph's first output needs. */
  removeUnused(output: string): void {
    const needed = new Set([output]);
    const kept: OnnxNode[] = [];
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const node = this.nodes[i];
      if (!node.outputs.some((o) => needed.has(o))) continue;
      kept.push(node);
      for (const input of node.inputs) if (input) needed.add(input);
    }
    this.nodes = kept.reverse();
  }
}

/** A scalar constant's value (a one-element tensor of any shape), or null. */
export function scalarOf(tensor: OnnxTensor | null): number | null {
  if (!tensor) return null;
  const values = tensor.floats ?? tensor.ints;
  return values && values.length === 1 ? Number(values[0]) : null;
}

/** Attribute readers with ONNX defaults. */
export function attributeInt(node: OnnxNode, name: string, fallback: number): number {
  const a = node.attributes.get(name);
  return a && a.type === 'int' ? a.value : fallback;
}

export function attributeFloat(node: OnnxNode, name: string, fallback: number): number {
  const a = node.attributes.get(name);
  return a && a.type === 'float' ? a.value : a && a.type === 'int' ? a.value : fallback;
}

export function attributeInts(node: OnnxNode, name: string): number[] | null {
  const a = node.attributes.get(name);
  return a && a.type === 'ints' ? a.value : a && a.type === 'int' ? [a.value] : null;
}

export function attributeString(node: OnnxNode, name: string, fallback: string): string {
  const a = node.attributes.get(name);
  return a && a.type === 'string' ? a.value : fallback;
}

/** An attribute as users read it in messages: 2, [1, 1, 0, 0], 'SAME_UPPER'. */
export function attributeText(value: OnnxAttributeValue | undefined): string {
  if (!value) return '—';
  switch (value.type) {
    case 'ints':
    case 'floats':
      return `[${value.value.join(', ')}]`;
    case 'string':
      return `'${value.value}'`;
    case 'tensor':
      return `tensor [${value.value.dims.join(', ')}]`;
    case 'float':
    case 'int':
      return String(value.value);
    case 'other':
      return '?';
    default:
      throw new Error(`unknown attribute type ${(value as { type: string }).type}`);
  }
}
