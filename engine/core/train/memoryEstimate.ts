// How much memory training a spec will take, estimated before the engine allocates anything: parameters, their
// gradients, the optimizer's state, the copies a checkpoint makes, and every node's activations and their gradients
// for one batch. `checkMemory` compares it with what the machine can give and names the largest node when it
// does not fit. All sizes in bytes (fp32: 4 bytes a value).
import { analyze } from '../spec/analyze';
import type { ModelSpec, NodeInfo, Shape } from '../spec/types';
import { groupsOf, windowGeometry } from '../spec/window';
import type { OptimizerConfig, TrainConfig } from './config';

const BYTES_PER_VALUE = 4;

export interface MemoryEstimate {
  parameters: number;
  gradients: number;
  /**
   * Moment buffers of the optimizer, the snapshot copies a checkpoint (and early stopping's best weights) hold, and
   * the dense layers' weights once more: evaluation keeps them packed for the GEMM (engine/native gemm/prepack.cpp).
   */
  optimizerAndCopies: number;
  /** Forward outputs and their gradients for one batch, and the buffers grouped and dilated convolutions add. */
  activations: number;
  total: number;
  /** The node with the most bytes of parameters and activations together. */
  largest: { nodeId: string; bytes: number } | null;
}

export type MemoryProblem = {
  code: 'model-too-large';
  /** The node holding the most memory, and its share in bytes. */
  nodeId: string;
  nodeBytes: number;
  estimateBytes: number;
  availableBytes: number;
};

/** Moment buffers per parameter. */
function optimizerBuffers(optimizer: OptimizerConfig): number {
  switch (optimizer.type) {
    case 'sgd':
      return optimizer.momentum ? 1 : 0;
    case 'adagrad':
      return 1;
    case 'rmsprop':
      return optimizer.momentum ? 2 : 1;
    case 'adam':
    case 'adamw':
      return 2;
    default:
      throw new Error(`unknown optimizer ${JSON.stringify(optimizer satisfies never)}`);
  }
}

/**
 * Values a grouped or dilated convolution keeps for one batch besides its output (layers/shared/groupedConv.ts: one
 * group's input, output and input gradient; dilatedConv.ts: the largest phase's, and a weight gradient's), 0 else.
 */
function convScratchValues(info: NodeInfo, input: Shape | null, batch: number): number {
  const params = info.paramValues;
  if (!params || !input || !info.outputShape) return 0;
  const [channels, height, width] = input;
  const [filters, oh, ow] = info.outputShape;
  const g = windowGeometry('conv2d', params, input);
  const groups = groupsOf(params);
  const [c, o] = [channels / groups, filters / groups];
  let values = groups > 1 ? batch * (2 * c * height * width + o * oh * ow) : 0;
  if (g.dh > 1 || g.dw > 1) {
    const [rows, cols] = [Math.ceil(oh / g.dh), Math.ceil(ow / g.dw)];
    const phaseIn = batch * c * (rows + g.kh - 1) * (cols + g.kw - 1);
    values += 2 * phaseIn + batch * o * rows * cols + o * c * g.kh * g.kw + o;
  }
  return values;
}

/** The estimate for training `spec` with `config`, or null when the spec does not compile (analyze reports why). */
export function estimateTrainingMemory(spec: ModelSpec, config: TrainConfig): MemoryEstimate | null {
  const analysis = analyze(spec, { loss: config.loss });
  if (!analysis.ok) return null;
  const batch = Math.max(1, config.batchSize);
  const buffers = optimizerBuffers(config.optimizer);
  // A checkpoint captures a copy of the weights and the optimizer state (and the best weights with restoreBest).
  const copies = 1 + buffers + (config.earlyStopping?.restoreBest ? 1 : 0);
  const specNodes = new Map(spec.nodes.map((node) => [node.id, node]));
  let parameters = 0;
  let packedWeights = 0;
  let activations = 0;
  let largest: MemoryEstimate['largest'] = null;
  for (const nodeId of analysis.order) {
    const info = analysis.nodes[nodeId];
    const values = (info.outputShape ?? []).reduce((n, d) => n * d, 1);
    const nodeParameters = info.params * BYTES_PER_VALUE;
    const node = specNodes.get(nodeId);
    const input = info.inputs.length > 0 ? (analysis.nodes[info.inputs[0]]?.outputShape ?? null) : null;
    const scratch = node?.op === 'conv2d' ? convScratchValues(info, input, batch) : 0;
    // (N, ...shape) forward and its gradient, and a grouped or dilated convolution's buffers
    const nodeActivations = (2 * values * batch + scratch) * BYTES_PER_VALUE;
    parameters += nodeParameters;
    activations += nodeActivations;
    // A dense layer's weight matrix without its bias: units x inputs of its parameters.
    const nodePacked =
      node?.op === 'dense'
        ? nodeParameters - (node.params?.bias === false ? 0 : Number(node.params?.units ?? 0)) * BYTES_PER_VALUE
        : 0;
    packedWeights += nodePacked;
    // weights, gradients, moments, copies, the packed copy
    const nodeBytes = nodeParameters * (2 + buffers + copies) + nodePacked + nodeActivations;
    if (!largest || nodeBytes > largest.bytes) largest = { nodeId, bytes: nodeBytes };
  }
  const gradients = parameters;
  const optimizerAndCopies = parameters * (buffers + copies) + packedWeights;
  return {
    parameters,
    gradients,
    optimizerAndCopies,
    activations,
    total: parameters + gradients + optimizerAndCopies + activations,
    largest,
  };
}

/** A refusal when `estimate` needs more than `availableBytes`, else null. */
export function checkMemory(estimate: MemoryEstimate, availableBytes: number): MemoryProblem | null {
  if (estimate.total <= availableBytes) return null;
  return {
    code: 'model-too-large',
    nodeId: estimate.largest?.nodeId ?? '',
    nodeBytes: estimate.largest?.bytes ?? 0,
    estimateBytes: estimate.total,
    availableBytes,
  };
}
