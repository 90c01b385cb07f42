// What a converter receives and returns: one ONNX node (after the pattern passes) with its inputs' shapes and
// constants, turned into a Netwright layer, an alias of one of its inputs, or a reason it cannot be imported.

import type { ComputedKind, TensorField } from '../../layers';
import type { OnnxProblemReason } from '../../spec/problemReasons';
import type { ParamValue, Shape } from '../../spec/types';
import type { OnnxNode } from './graph';
import type { OnnxTensor } from './proto';
import type { ShapeElement } from './shapeValues';

export interface ConvertContext {
  node: OnnxNode;
  /** The default domain's opset the model imports. */
  opset: number;
  /** Whether input i is a computed tensor (the data path), not a constant or absent. */
  isData(i: number): boolean;
  /** Input i's shape without the batch as Netwright holds it ([F] or [C, H, W]), or null (unknown or not data). */
  shape(i: number): Shape | null;
  constant(i: number): OnnxTensor | null;
  /** Input i as a shape computation's elements (Reshape's target), or null. */
  shapeElements(i: number): ShapeElement[] | null;
  /**
   * The file fixes the batch at 1 (exported from one sample without a dynamic batch axis, as torch.onnx.export does
   * by default), so a literal 1 where the batch goes (x.view(x.size(0), -1) written as [1, -1]) is the batch.
   */
  batchIsOne: boolean;
}

export interface ImportedTensor {
  shape: number[];
  value: Float32Array;
}

export type Conversion =
  | {
      kind: 'layer';
      op: ComputedKind;
      params: Record<string, ParamValue>;
      /** The ONNX inputs (indices) that become the layer's incoming connections, in slot order. */
      inputs: number[];
      tensors?: Partial<Record<TensorField, ImportedTensor>>;
      /** The name of the constant holding the layer's weight: its prefix names the layer (`fc1.weight` -> fc1). */
      weightName?: string;
    }
  /** The node changes nothing Netwright keeps (a Flatten of a vector): its output is input i. */
  | { kind: 'alias'; input: number }
  /** `shape`: the output's shape when the converter knows it, so the layers after it still get theirs. */
  | { kind: 'unsupported'; reason: OnnxProblemReason; args: Record<string, string | number>; shape?: Shape };

export type Converter = (ctx: ConvertContext) => Conversion;

export const layer = (
  op: ComputedKind,
  params: Record<string, ParamValue> = {},
  inputs: number[] = [0],
  extra: { tensors?: Partial<Record<TensorField, ImportedTensor>>; weightName?: string } = {},
): Conversion => ({ kind: 'layer', op, params, inputs, ...extra });

export const unsupportedAttribute = (
  ctx: ConvertContext,
  attribute: string,
  value: string | number,
  supported: string,
): Conversion => ({
  kind: 'unsupported',
  reason: 'onnx-unsupported-attribute',
  args: { op: ctx.node.opType, attribute, value: String(value), supported },
});

export const unsupported = (
  ctx: ConvertContext,
  reason: OnnxProblemReason,
  args: Record<string, string | number> = {},
): Conversion => ({ kind: 'unsupported', reason, args: { op: ctx.node.opType, ...args } });

/** A converter for one data input that must be a known shape of the given rank (1: vector, 3: image). */
export function needsRank(ctx: ConvertContext, rank: 1 | 3): Conversion | null {
  if (!ctx.isData(0)) return unsupported(ctx, 'onnx-unexpected-constant', { input: 1 });
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  if (shape.length !== rank)
    return unsupported(ctx, 'onnx-unsupported-rank', { shape: `[batch, ${shape.join(', ')}]` });
  return null;
}

/**
 * Input `input` (0-based) as `count` stored values: a float constant of that many, or, when `broadcast`, of one value
 * that stands for all of them (a scalar Scale); otherwise the problem (computed at run time, or the wrong size).
 */
export function storedValues(
  ctx: ConvertContext,
  input: number,
  count: number,
  broadcast = false,
): Float32Array | Conversion {
  const t = ctx.constant(input);
  if (!t?.floats) return unsupported(ctx, 'onnx-needs-constant', { input: input + 1 });
  if (t.floats.length === count) return t.floats;
  if (broadcast && t.floats.length === 1) return new Float32Array(count).fill(t.floats[0]);
  return unsupported(ctx, 'onnx-constant-size', { input: input + 1, shape: `[${t.dims.join(', ')}]`, expected: count });
}

/**
 * A normalization's weight or bias (input `input`, 0-based) as `count` stored values: one value stands for all of them
 * (a scalar Scale, or the 1 and the 0 PyTorch writes for nn.GroupNorm(affine=False)), and an absent input is `absent`
 * for each (no B: zeros).
 */
export function affineValues(
  ctx: ConvertContext,
  input: number,
  count: number,
  absent: number,
): Float32Array | Conversion {
  if ((ctx.node.inputs[input] ?? '') === '') return new Float32Array(count).fill(absent);
  return storedValues(ctx, input, count, true);
}

/** The float32 value nearest the decimal with the fewest digits (0.2 rather than 0.20000000298023224). */
export function tidy(value: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === Math.fround(value)) return short;
  }
  return value;
}
