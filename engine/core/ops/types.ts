// What an op module receives when the engine compiles a node, and what it gives back: forward and backward
// closures over buffers allocated once for the largest batch.
import type { Kernels } from '../kernels';
import type { ParamValue, Shape, SpecNode } from '../spec/types';

/** An activation tensor: per-sample shape; data and grad hold maxBatch samples, row-major, batch first. */
export interface Tensor {
  shape: Shape;
  /** Elements per sample. */
  size: number;
  data: Float32Array;
  /** Null where no gradient is needed (the network's input). */
  grad: Float32Array | null;
}

export type InitKind =
  | 'xavier_uniform'
  | 'xavier_normal'
  | 'kaiming_uniform'
  | 'kaiming_normal'
  | 'zeros'
  | 'ones'
  /** 0.25: PReLU's starting slope, as PyTorch's nn.PReLU. */
  | 'quarter';

/** A trainable tensor. value and grad are views into the model's parameter and gradient arenas, set after every op is built. */
export interface ParamTensor {
  /** `<nodeId>.<field>`, the name used in checkpoints and exports. */
  name: string;
  nodeId: string;
  field: string;
  shape: number[];
  size: number;
  init: InitKind;
  /** Weights that L1/L2 penalties apply to (not biases or normalization parameters). */
  regularized: boolean;
  /** In a frozen layer (spec `trainable: false`): placed after every trainable tensor, never updated. */
  frozen: boolean;
  value: Float32Array;
  grad: Float32Array;
}

/** A non-trainable tensor saved with the model (batch-norm running statistics). */
export interface StateTensor {
  name: string;
  shape: number[];
  value: Float32Array;
}

export interface InputGrad {
  /** False for the network's input: its gradient is never computed. */
  needed: boolean;
  /** True when another consumer of the same tensor writes its gradient first (backward order), so this one adds. */
  accumulate: boolean;
}

export interface BuildContext {
  node: SpecNode;
  params: Record<string, ParamValue>;
  inputs: Tensor[];
  output: Tensor;
  inputGrads: InputGrad[];
  maxBatch: number;
  kernels: Kernels;
  /** The op this node feeds, when it feeds exactly one (chooses 'auto' initialization). */
  successorOp: string | null;
  /** The layer is frozen: a batch norm then uses and keeps its running statistics even in training. */
  frozen: boolean;
  /** Seed and index for ops that draw random numbers per step (dropout). */
  seed: number;
  nodeIndex: number;
  /**
   * The model's weights version now (CompiledModel.weightsVersion): moves whenever parameter values may have changed,
   * so what an op derives from its weights for eval-mode forwards is rebuilt when it differs.
   */
  weightsVersion(): number;
  param(field: string, shape: number[], init: InitKind, regularized: boolean): ParamTensor;
  state(field: string, shape: number[], fill: number): StateTensor;
}

export interface LayerRuntime {
  /** step numbers the training steps, so random masks differ per step and repeat on resume. */
  forward(batch: number, training: boolean, step: number): void;
  /** Backward of the most recent forward (training or eval mode). */
  backward(batch: number): void;
  /**
   * Optional, eval mode only (dense, conv2d): this forward and the ReLU it feeds in one kernel, writing the ReLU's
   * output tensor `relu`, bitwise as the two layers would; this layer's own output tensor is not written.
   */
  forwardRelu?(batch: number, relu: Tensor): void;
  /**
   * Optional, eval mode only (conv2d): as forwardRelu, then the 2x2 stride-2 max pool the ReLU feeds, writing only
   * the pool's output tensor `pooled` (the ReLU's is used as scratch).
   */
  forwardReluPool?(batch: number, relu: Tensor, pooled: Tensor): void;
  /**
   * Optional (batch norm): forward with the ReLU this layer alone feeds, in training as in evaluation, writing the
   * ReLU's output tensor `relu` bitwise as the two layers would; in training this layer's own output is not written.
   */
  forwardWithRelu?(batch: number, training: boolean, step: number, relu: Tensor): void;
  /**
   * Optional, with forwardWithRelu: the backward of both, from `relu`'s output and gradient; in training this layer's
   * output gradient (which the ReLU's backward would have written) is not written either.
   */
  backwardWithRelu?(batch: number, relu: Tensor): void;
}

export type OpBuilder = (ctx: BuildContext) => LayerRuntime;

export function num(params: Record<string, ParamValue>, name: string): number {
  const value = params[name];
  if (typeof value !== 'number')
    throw new Error(`parameter '${name}' should be a number, got ${JSON.stringify(value)}`);
  return value;
}
