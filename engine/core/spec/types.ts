// The model spec: a versioned JSON graph the renderer writes, the engine compiles and exporters translate.
// Pure data types; positions belong to the editor and are ignored by the engine.

import type { LAYER_DEFINITIONS } from '../layers';
import type { ProblemArgs, ProblemReason } from './problemReasons';

export const SPEC_VERSION = 1;

/** Every layer kind the studio knows: the keys of the one list of layer modules (engine/core/layers/index.ts). */
export type OpKind = keyof typeof LAYER_DEFINITIONS;

/** Weight initialization schemes; 'auto' picks He for ReLU-family successors and Xavier otherwise. */
export type InitScheme = 'auto' | 'xavier_uniform' | 'xavier_normal' | 'kaiming_uniform' | 'kaiming_normal';

export type ParamValue = number | boolean | string | number[];

export interface SpecNode {
  /** Stable id; also the prefix of the node's tensor names (`<id>.weight`). Letters, digits, '_' and '-'. */
  id: string;
  op: string; // an OpKind when valid; validation reports anything else on this node
  params?: Record<string, ParamValue>;
  /** Display name in the editor (optional). */
  label?: string;
  /**
   * False freezes the layer: its parameters get no update, no optimizer state and no weight decay, and a frozen
   * batch norm normalizes with its running statistics (eval mode) and leaves them as they are. Default true.
   */
  trainable?: boolean;
  position?: { x: number; y: number };
}

export interface SpecEdge {
  from: string;
  to: string;
  /** Input slot on the target for multi-input nodes (add, concat): 0 or 1. Defaults to the edge order. */
  toPort?: number;
}

export interface ModelSpec {
  version: number;
  name?: string;
  /** One line saying what the model is (templates carry one). */
  description?: string;
  nodes: SpecNode[];
  edges: SpecEdge[];
}

/** A tensor shape without the batch dimension: [features] or [channels, height, width]. */
export type Shape = readonly number[];

export type ProblemCode =
  | 'unknown-op'
  | 'bad-param'
  | 'missing-input'
  | 'too-many-inputs'
  | 'cycle'
  | 'shape-mismatch'
  | 'kernel-too-large'
  | 'no-input'
  | 'no-output'
  | 'multiple-outputs'
  | 'duplicate-id'
  | 'dangling-edge'
  | 'unreachable'
  | 'bad-version'
  | 'multiple-inputs' // reported on every input node after the first
  | 'bad-port' // toPort out of range, repeated, or given on only some edges into a node
  | 'bad-id' // empty id or characters other than letters, digits, '_' and '-'
  | 'onnx-unsupported' // an imported ONNX node Netwright cannot run ('onnx:<OpType>'), with the reason
  | 'malformed'; // the document's structure is wrong (nodes/edges not arrays, a node that is not an object)

export interface Problem {
  /** The node that causes the problem; null for graph-wide problems (version, no input). */
  nodeId: string | null;
  code: ProblemCode;
  /** What exactly is wrong; the user interfaces word it from their message tables (see problemReasons.ts). */
  reason: ProblemReason;
  args: ProblemArgs;
}

export interface NodeInfo {
  /** Output shape without batch, or null when it cannot be inferred (an upstream or local error). */
  outputShape: Shape | null;
  /** Learnable parameter count (batch-norm running statistics excluded), frozen or not. */
  params: number;
  /** The layer is frozen (`trainable: false`); its params count as frozen. */
  frozen: boolean;
  /** Ids of the nodes feeding this one, in input-slot order (slot 0 first); the same id twice for x + x. */
  inputs: string[];
  /** Parameter values with defaults applied (see resolveParams), or null for an unknown op or bad params. */
  paramValues: Record<string, ParamValue> | null;
}

/** Non-fatal advice: the model trains, but probably not as the learner intends. */
export type WarningCode =
  | 'softmax-before-loss' // the loss applies softmax itself
  | 'sigmoid-before-loss' // bce_with_logits applies sigmoid itself
  | 'dropout-at-output' // zeroes predictions at random during training
  | 'scores-bounded' // an activation at the output keeps a classifier's scores within [low, high]
  | 'scores-floored' // ... or at or above low
  | 'predictions-bounded' // an activation at the output keeps a regression's predictions within [low, high]
  | 'predictions-floored' // ... or at or above low
  | 'flatten-no-op'; // Flatten on a vector changes nothing

/**
 * A warning as a code with its arguments (`node`: the layer's display name; `low`, `high`: the range an activation
 * at the output keeps values in); each interface words it.
 */
export interface SpecWarning {
  nodeId: string | null;
  code: WarningCode;
  args: { node: string; low?: number; high?: number };
}

export interface Analysis {
  ok: boolean;
  problems: Problem[];
  nodes: Record<string, NodeInfo>;
  totalParams: number;
  /** The part of totalParams in frozen layers (the rest trains). */
  frozenParams: number;
  /** Node ids in a topological order (inputs first); only nodes reachable from the input. */
  order: string[];
  inputId: string | null;
  outputId: string | null;
  /** Advice that does not stop training (ok stays true). */
  warnings: SpecWarning[];
}
