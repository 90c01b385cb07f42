// What a layer's shape rule receives and returns, and the helpers the layer modules' rules share: the output shape
// (without the batch dimension) and trainable-parameter count for the shapes a layer is fed, or why it cannot take them.

import type { ProblemArgs, ProblemReason } from './problemReasons';
import type { ParamValue, Shape, SpecNode } from './types';

export interface ShapeContext {
  node: SpecNode;
  /** Resolved params (defaults applied, all valid). */
  params: Record<string, ParamValue>;
  /** Output shapes of the nodes feeding this one, in input-slot order; the right count for the op. */
  inputs: readonly Shape[];
  inputIds: readonly string[];
}

/** A refusal names its reason and arguments; analyze() adds `node` (the layer as messages name it). */
export type ShapeOutcome =
  | { ok: true; shape: Shape; params: number }
  | { ok: false; code: 'shape-mismatch' | 'kernel-too-large'; reason: ProblemReason; args: ProblemArgs };

export type ShapeRule = (ctx: ShapeContext) => ShapeOutcome;

export function out(shape: Shape, params = 0): ShapeOutcome {
  return { ok: true, shape, params };
}

export function mismatch(reason: ProblemReason, args: ProblemArgs): ShapeOutcome {
  return { ok: false, code: 'shape-mismatch', reason, args };
}

/** Pointwise layers (activations, dropout, identity) keep any shape. */
export const sameShape: ShapeRule = (ctx) => out(ctx.inputs[0]);

/** A refusal with `reason` unless the (first) input is a [channels, height, width] image. */
export function needsImage(ctx: ShapeContext, reason: ProblemReason): ShapeOutcome | null {
  const shape = ctx.inputs[0];
  return shape.length === 3 ? null : mismatch(reason, { shape: shapeText(shape) });
}

/** A refusal with `reason` unless the (first) input is a [features] vector. */
export function needsVector(ctx: ShapeContext, reason: ProblemReason): ShapeOutcome | null {
  const shape = ctx.inputs[0];
  return shape.length === 1 ? null : mismatch(reason, { shape: shapeText(shape) });
}

/** "[16, 5, 5]" */
export function shapeText(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** "3×3" for a window or image size. */
export function sizeText(height: number, width: number): string {
  return `${height}×${width}`;
}

export function sameDims(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
