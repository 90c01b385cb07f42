// Shape rules and trainable-parameter counts, one per op kind: what a layer outputs for the shapes it is fed
// (without the batch dimension), or why it cannot take them.

import { nodeName, shapeDescription, shapeText, sizeText } from './names';
import { windowGeometry, type WindowOp } from './params';
import type { OpKind, ParamValue, Shape, SpecNode } from './types';

export interface ShapeContext {
  node: SpecNode;
  /** Resolved params (defaults applied, all valid). */
  params: Record<string, ParamValue>;
  /** Output shapes of the nodes feeding this one, in input-slot order; the right count for the op. */
  inputs: readonly Shape[];
  inputIds: readonly string[];
}

export type ShapeOutcome =
  | { ok: true; shape: Shape; params: number }
  | { ok: false; code: 'shape-mismatch' | 'kernel-too-large'; message: string };

type ShapeRule = (ctx: ShapeContext) => ShapeOutcome;

function out(shape: Shape, params = 0): ShapeOutcome {
  return { ok: true, shape, params };
}

function mismatch(message: string): ShapeOutcome {
  return { ok: false, code: 'shape-mismatch', message };
}

/** Pointwise layers (activations, dropout, identity) keep any shape. */
const sameShape: ShapeRule = (ctx) => out(ctx.inputs[0]);

function needsImage(ctx: ShapeContext, fix: string): ShapeOutcome | null {
  const shape = ctx.inputs[0];
  if (shape.length === 3) return null;
  return mismatch(`${nodeName(ctx.node)} needs a [channels, height, width] image but gets ${shapeDescription(shape)}: ${fix}.`);
}

function needsVector(ctx: ShapeContext, fix: string): ShapeOutcome | null {
  const shape = ctx.inputs[0];
  if (shape.length === 1) return null;
  return mismatch(`${nodeName(ctx.node)} gets ${shapeDescription(shape)}: ${fix}.`);
}

const IMAGE_FIX = 'set the input shape to [channels, height, width], or use Dense layers for feature vectors';

function windowRule(op: WindowOp): ShapeRule {
  return (ctx) => {
    const problem = needsImage(ctx, IMAGE_FIX);
    if (problem) return problem;
    const [channels, height, width] = ctx.inputs[0];
    const g = windowGeometry(op, ctx.params, ctx.inputs[0]);
    if (height + 2 * g.ph < g.kh || width + 2 * g.pw < g.kw) {
      const padded = g.ph || g.pw ? ` (${sizeText(height + 2 * g.ph, width + 2 * g.pw)} with padding)` : '';
      return {
        ok: false,
        code: 'kernel-too-large',
        message: `${nodeName(ctx.node)} has a ${sizeText(g.kh, g.kw)} window but its input ${shapeText(ctx.inputs[0])} is only ${sizeText(height, width)}${padded}: use a smaller window, more padding, or less downsampling before it.`,
      };
    }
    if (op !== 'conv2d') return out([channels, g.oh, g.ow]);
    const filters = ctx.params.filters as number;
    const bias = ctx.params.bias === false ? 0 : filters;
    return out([filters, g.oh, g.ow], filters * channels * g.kh * g.kw + bias);
  };
}

const batchNormParams = (channels: number): number => 2 * channels; // gamma and beta per channel

/** Every op kind's shape rule; a Record so the compiler checks that no kind is missing. */
export const SHAPE_RULES: Readonly<Record<OpKind, ShapeRule>> = {
  input: (ctx) => out([...(ctx.params.shape as number[])]),
  dense: (ctx) => {
    const problem = needsVector(ctx, 'add a Flatten (or Global Avg Pool) before it');
    if (problem) return problem;
    const units = ctx.params.units as number;
    const inFeatures = ctx.inputs[0][0];
    return out([units], inFeatures * units + (ctx.params.bias === false ? 0 : units));
  },
  conv2d: windowRule('conv2d'),
  maxpool2d: windowRule('maxpool2d'),
  avgpool2d: windowRule('avgpool2d'),
  globalavgpool2d: (ctx) => needsImage(ctx, IMAGE_FIX) ?? out([ctx.inputs[0][0]]),
  flatten: (ctx) => out([ctx.inputs[0].reduce((a, b) => a * b, 1)]),
  dropout: sameShape,
  batchnorm1d: (ctx) => needsVector(ctx, 'use BatchNorm2D for images') ?? out(ctx.inputs[0], batchNormParams(ctx.inputs[0][0])),
  batchnorm2d: (ctx) => needsImage(ctx, 'use BatchNorm1D for feature vectors') ?? out(ctx.inputs[0], batchNormParams(ctx.inputs[0][0])),
  relu: sameShape,
  leakyrelu: sameShape,
  sigmoid: sameShape,
  tanh: sameShape,
  softmax: (ctx) => needsVector(ctx, 'it works over the features of a vector, so add a Flatten (or Global Avg Pool) before it') ?? out(ctx.inputs[0]),
  gelu: sameShape,
  identity: sameShape,
  add: (ctx) => {
    const [a, b] = ctx.inputs;
    if (sameDims(a, b)) return out(a);
    return mismatch(`${nodeName(ctx.node)} adds ${shapeText(a)} from '${ctx.inputIds[0]}' to ${shapeText(b)} from '${ctx.inputIds[1]}': both inputs must have the same shape.`);
  },
  concat: (ctx) => {
    const [a, b] = ctx.inputs;
    if (a.length === b.length && sameDims(a.slice(1), b.slice(1))) return out([a[0] + b[0], ...a.slice(1)]);
    return mismatch(`${nodeName(ctx.node)} joins ${shapeText(a)} from '${ctx.inputIds[0]}' and ${shapeText(b)} from '${ctx.inputIds[1]}': join two images of the same height and width (channels may differ) or two feature vectors.`);
  },
};

function sameDims(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
