// What every exporter needs first: a spec that analyzes cleanly, and for each node the tensors it owns
// (`<node id>.<field>`, shapes as the engine declares them), checked against the tensors being exported.

import { analyze } from '../spec/analyze';
import { nodeName } from '../spec/names';
import { problemText } from '../spec/problemText';
import { computedLayer, isComputedKind, type TensorField } from '../layers';
import type { Analysis, ModelSpec, SpecNode } from '../spec/types';

/** Named tensors as the engine and checkpoints hold them (`fc1.weight` -> shape and values). */
export type TensorMap = ReadonlyMap<string, { shape: readonly number[]; value: Float32Array }>;

export type { TensorField } from '../layers';

export interface ExpectedTensor {
  name: string;
  nodeId: string;
  field: TensorField;
  shape: number[];
  /** Running statistics are saved with the model but not trained. */
  trainable: boolean;
  /** Weights that L1/L2 penalties apply to (dense and conv kernels; not biases or normalization). */
  regularized: boolean;
}

export interface CheckedModel {
  analysis: Analysis;
  /** Nodes by id. */
  nodes: ReadonlyMap<string, SpecNode>;
  /** Every tensor the model owns, in topological order of the nodes. */
  expected: ExpectedTensor[];
}

/** Analyzes the spec and throws one Error listing its problems (each names its node) when it is not valid. */
export function checkedModel(spec: ModelSpec, format: string): CheckedModel {
  const analysis = analyze(spec);
  if (!analysis.ok) {
    const problems = analysis.problems.map(problemText).join(' ');
    throw new Error(`cannot export the model to ${format}: ${problems}`);
  }
  const nodes = new Map(spec.nodes.map((n) => [n.id, n]));
  const expected: ExpectedTensor[] = [];
  for (const id of analysis.order) {
    const node = nodes.get(id)!;
    const info = analysis.nodes[id];
    const params = info.paramValues!;
    const inputShape = info.inputs.length ? analysis.nodes[info.inputs[0]].outputShape! : [];
    // Each layer kind's module declares the tensors it owns; a kind without tensors leaves `tensors` out.
    const declare = isComputedKind(node.op) ? computedLayer(node.op).tensors : undefined;
    for (const t of declare ? declare({ params, inputShape, outputShape: info.outputShape! }) : []) {
      expected.push({ name: `${id}.${t.field}`, nodeId: id, ...t });
    }
  }
  return { analysis, nodes, expected };
}

/** The values of every expected tensor; throws naming the node when one is missing, misshapen or not finite. */
export function checkTensors(model: CheckedModel, tensors: TensorMap, format: string): Map<string, Float32Array> {
  const values = new Map<string, Float32Array>();
  for (const t of model.expected) {
    const owner = nodeName(model.nodes.get(t.nodeId)!);
    const given = tensors.get(t.name);
    if (!given)
      throw new Error(
        `cannot export the model to ${format}: ${owner} needs the tensor '${t.name}' [${t.shape.join(', ')}], which is missing`,
      );
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (given.shape.join('x') !== t.shape.join('x') || given.value.length !== count) {
      throw new Error(
        `cannot export the model to ${format}: ${owner} needs '${t.name}' of shape [${t.shape.join(', ')}], got [${given.shape.join(', ')}] with ${given.value.length} values`,
      );
    }
    const bad = given.value.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new Error(
        `cannot export the model to ${format}: '${t.name}' of ${owner} holds ${given.value[bad]} at element ${bad}; retrain or restore a checkpoint with finite weights`,
      );
    values.set(t.name, given.value);
  }
  return values;
}

/** Standardization statistics as the dataset manifest stores them. */
export interface ExportNormalization {
  axis: 'feature' | 'channel';
  mean: readonly number[];
  std: readonly number[];
}

/** Checks that the statistics fit the model's input ([features] or [C, H, W]); returns the number of groups. */
export function checkNormalization(
  normalization: ExportNormalization,
  inputShape: readonly number[],
  format: string,
): number {
  const { axis, mean, std } = normalization;
  if (axis !== 'feature' && axis !== 'channel')
    throw new Error(
      `cannot export the model to ${format}: the normalization axis must be 'feature' or 'channel', got ${JSON.stringify(axis)}`,
    );
  if (axis === 'channel' && inputShape.length !== 3) {
    throw new Error(
      `cannot export the model to ${format}: per-channel normalization needs an image input [channels, height, width], the input is [${inputShape.join(', ')}]`,
    );
  }
  const groups = axis === 'feature' ? inputShape.reduce((a, b) => a * b, 1) : inputShape[0];
  if (!Array.isArray(mean) || !Array.isArray(std) || mean.length !== groups || std.length !== groups) {
    throw new Error(
      `cannot export the model to ${format}: the input [${inputShape.join(', ')}] needs ${groups} means and standard deviations (one per ${axis}), got ${mean?.length} and ${std?.length}`,
    );
  }
  for (let i = 0; i < groups; i++) {
    if (!Number.isFinite(mean[i]) || !Number.isFinite(std[i]) || std[i] < 0) {
      throw new Error(
        `cannot export the model to ${format}: normalization ${axis} ${i} has mean ${mean[i]} and standard deviation ${std[i]}; both must be finite and the deviation not negative`,
      );
    }
  }
  return groups;
}

/** The divisor the engine uses for a standard deviation (data.ts: a zero deviation leaves the value unscaled). */
export function divisorOf(std: number): number {
  return std > 0 ? std : 1;
}
