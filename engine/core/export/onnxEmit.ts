// What a layer module's ONNX translation receives and the helpers they share: each layer kind emits its own ONNX
// nodes (engine/core/layers/<kind>.ts), and onnx.ts walks the graph and calls them in topological order.

import type { ParamValue, Shape, SpecNode } from '../spec/types';
import { windowGeometry, type WindowOp } from '../spec/window';
import type { OnnxAttribute, OnnxGraphBuilder } from './onnxGraph';

/** Everything an op translation needs about one node. */
export interface EmitContext {
  g: OnnxGraphBuilder;
  node: SpecNode;
  params: Record<string, ParamValue>;
  /** Value names of the inputs, in slot order. */
  inputs: string[];
  inputShapes: Shape[];
  /** The value name this node should produce. */
  out: string;
  /** The initializer holding the node's tensor `field` (added on first use). */
  /** `dims`: the initializer's shape when ONNX wants another than the tensor's (the same values). */
  tensor(field: string, dims?: number[]): string;
}

/** Emits the ONNX nodes for one spec node; returns the value name holding its output (`out`, or an input it aliases). */
export type OnnxEmitter = (ctx: EmitContext) => string;

export const ints = (value: readonly number[]): OnnxAttribute => ({ kind: 'ints', value });
export const int = (value: number): OnnxAttribute => ({ kind: 'int', value });
export const float = (value: number): OnnxAttribute => ({ kind: 'float', value });

/** One ONNX node of type `opType` from the inputs to `out`. */
export function single(
  opType: string,
  attributes: (ctx: EmitContext) => Record<string, OnnxAttribute> = () => ({}),
): OnnxEmitter {
  return (ctx) => {
    ctx.g.node(opType, ctx.node.id, ctx.inputs, [ctx.out], attributes(ctx));
    return ctx.out;
  };
}

/**
 * x times a gate computed from x by a chain of one-input operators, `Mul(x, gate[-1](… gate[0](x)))`, as PyTorch
 * exports activations ONNX had no operator for at opset 17 (SiLU: Sigmoid; Mish: Softplus, Tanh). Each gate node is
 * named `<node id>/<operator in lower case>`, the Mul by the node's id.
 */
export function gated(...gate: string[]): OnnxEmitter {
  return ({ g, node, inputs: [x], out }) => {
    let value = x;
    for (const opType of gate) {
      const name = `${node.id}/${opType.toLowerCase()}`;
      g.node(opType, name, [value], [name]);
      value = name;
    }
    g.node('Mul', node.id, [x, value], [out]);
    return out;
  };
}

/** kernel_shape, strides and pads of a conv or pooling node. */
export function windowAttributes(op: WindowOp, ctx: EmitContext): Record<string, OnnxAttribute> {
  const w = windowGeometry(op, ctx.params, ctx.inputShapes[0]);
  // ONNX pads are [top, left, bottom, right]; the engine pads symmetrically.
  return { kernel_shape: ints([w.kh, w.kw]), strides: ints([w.sh, w.sw]), pads: ints([w.ph, w.pw, w.ph, w.pw]) };
}
