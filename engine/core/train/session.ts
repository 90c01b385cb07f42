// A training session: one compiled model with its loss, optimizer, penalties and clipping, advanced one
// mini-batch at a time. The epoch loop, schedule and metrics live in trainer.ts; this is the hot path.
import type { Kernels } from '../kernels';
import { createLoss, type Loss } from '../losses';
import { createOptimizer, type Optimizer } from '../optim';
import type { ModelSpec } from '../spec/types';
import type { ClippingConfig, TrainConfig } from './config';
import { checkClipping, clipGradients } from './clipping';
import { CompiledModel } from './model';

export class NonFiniteLossError extends Error {
  constructor(
    readonly step: number,
    readonly loss: number,
    readonly gradNorm: number | null,
  ) {
    super(`the loss became ${loss} at step ${step + 1}`);
    this.name = 'NonFiniteLossError';
  }
}

export interface SessionOptions {
  /** Largest batch the buffers are sized for (default: the config's batch size). */
  maxBatch?: number;
  /** CompileOptions.fuseTraining (default true). */
  fuseTraining?: boolean;
}

export interface TrainingSession {
  readonly model: CompiledModel;
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  /** The learning rate the next step uses; the trainer's schedule sets it each epoch. */
  learningRate: number;
  /** Optimizer steps taken (also numbers the dropout masks). */
  steps: number;
  /** Global gradient norm before clipping at the last step, when clipping by norm (otherwise null). */
  readonly lastGradNorm: number | null;
  /**
   * One optimizer step on `batch` samples: x is [batch, ...inputShape] row-major (copied into the model
   * unless it is model.input.data itself); targets are class indices or target values. Returns the mean loss.
   */
  step(x: Float32Array, targets: Int32Array | Float32Array, batch: number): number;
  /**
   * Eval-mode forward; returns a view of the output buffer (valid until the next call). Layers fused with the ReLU
   * after them leave their own outputs unwritten unless `everyLayer` (to read them with model.activation()).
   */
  predict(x: Float32Array, batch: number, options?: { everyLayer?: boolean }): Float32Array;
  /** Eval-mode loss of a batch without updating anything; output gradient scratch is overwritten. */
  evaluate(x: Float32Array, targets: Int32Array | Float32Array, batch: number): number;
  /** The L1 and L2 penalty values for the current weights (not part of the reported data loss). */
  penalties(): { l1: number; l2: number };
  /** The L1 and L2 strengths in use (the config's, or as changed at a pause). */
  readonly penaltyStrengths: { l1: number; l2: number };
  /** Changes the L1 or L2 strength for the steps from now on. */
  setPenaltyStrength(kind: 'l1' | 'l2', value: number): void;
}

export function createTrainingSession(
  spec: ModelSpec,
  config: TrainConfig,
  kernels: Kernels,
  options: SessionOptions = {},
): TrainingSession {
  const maxBatch = options.maxBatch ?? config.batchSize;
  const model = new CompiledModel(spec, kernels, { maxBatch, seed: config.seed, fuseTraining: options.fuseTraining });
  return new Session(model, config, kernels);
}

class Session implements TrainingSession {
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  learningRate: number;
  steps = 0;
  lastGradNorm: number | null = null;
  private l1: number;
  private l2: number;
  private readonly clipping: ClippingConfig | null;
  private readonly penaltyLength: number;
  /** Views of the arenas' trainable prefix (everything when no layer is frozen). */
  private readonly trainable: { params: Float32Array; grads: Float32Array };

  constructor(
    readonly model: CompiledModel,
    config: TrainConfig,
    private readonly kernels: Kernels,
  ) {
    this.loss = createLoss(config.loss, kernels, model.outputShape);
    if (model.params.length > 0 && model.params.every((p) => p.frozen))
      throw new Error('every layer with parameters is frozen, so nothing would train: unfreeze at least one layer');
    // The optimizer sees only the trainable prefix: frozen parameters get no update and no state.
    this.trainable = {
      params: model.paramArena.subarray(0, model.trainableLength),
      grads: model.gradArena.subarray(0, model.trainableLength),
    };
    this.optimizer = createOptimizer(config.optimizer, kernels, this.trainable);
    this.learningRate = config.optimizer.lr;
    this.l1 = nonNegative('l1', config.l1 ?? 0);
    this.l2 = nonNegative('l2', config.l2 ?? 0);
    // Penalties cover the regularized prefix of the arena (weights), or every trainable parameter when asked.
    this.penaltyLength = config.l1IncludeBias ? model.trainableLength : model.regularizedLength;
    this.clipping = checkClipping(config.clipping);
  }

  step(x: Float32Array, targets: Int32Array | Float32Array, batch: number): number {
    const { model, kernels } = this;
    this.load(x, batch);
    model.forward(batch, true, this.steps);
    const loss = this.loss.compute(model.output, targets, batch);
    if (!Number.isFinite(loss)) throw new NonFiniteLossError(this.steps, loss, this.lastGradNorm);
    model.backward(batch);

    const { params, grads } = this.trainable;
    // L1: d/dw (l1 * sum|w|) = l1 * sign(w). L2 as the penalty (l2 / 2) * sum w^2, whose gradient is l2 * w.
    if (this.l1 > 0) kernels.l1Grad(params, grads, this.penaltyLength, this.l1);
    if (this.l2 > 0) kernels.axpy(this.l2, params, grads, this.penaltyLength);
    if (this.clipping) {
      this.lastGradNorm = clipGradients(kernels, grads, this.clipping);
      if (this.lastGradNorm !== null && !Number.isFinite(this.lastGradNorm))
        throw new NonFiniteLossError(this.steps, loss, this.lastGradNorm);
    }
    this.optimizer.step(this.learningRate);
    model.weightsChanged(); // written through the optimizer's view of the arena, taken once at construction
    this.steps++;
    return loss;
  }

  predict(x: Float32Array, batch: number, options?: { everyLayer?: boolean }): Float32Array {
    const { model } = this;
    if (options?.everyLayer || x === model.input.data) {
      this.load(x, batch);
      return model.forward(batch, false, 0, options?.everyLayer ?? false);
    }
    // Layers read the input tensor's data when they run: for this pass it is x itself, not a copy of it (a batch of
    // 256 MNIST images is 800 KB to copy). The input tensor keeps its own buffer, and its contents, afterwards.
    this.checkLength(x, batch);
    const own = model.input.data;
    model.input.data = x;
    try {
      return model.forward(batch, false);
    } finally {
      model.input.data = own;
    }
  }

  evaluate(x: Float32Array, targets: Int32Array | Float32Array, batch: number): number {
    this.predict(x, batch);
    return this.loss.compute(this.model.output, targets, batch);
  }

  get penaltyStrengths(): { l1: number; l2: number } {
    return { l1: this.l1, l2: this.l2 };
  }

  setPenaltyStrength(kind: 'l1' | 'l2', value: number): void {
    this[kind] = nonNegative(kind, value);
  }

  penalties(): { l1: number; l2: number } {
    const { kernels, model } = this;
    return {
      l1: this.l1 > 0 ? this.l1 * kernels.sumOfAbs(model.paramArena, this.penaltyLength) : 0,
      l2: this.l2 > 0 ? 0.5 * this.l2 * kernels.sumOfSquares(model.paramArena, this.penaltyLength) : 0,
    };
  }

  private load(x: Float32Array, batch: number): void {
    const input = this.model.input;
    if (x === input.data) return;
    const needed = this.checkLength(x, batch);
    input.data.set(needed === x.length ? x : x.subarray(0, needed));
  }

  /** The values `batch` samples need; throws when x holds fewer. */
  private checkLength(x: Float32Array, batch: number): number {
    const input = this.model.input;
    const needed = batch * input.size;
    if (x.length < needed)
      throw new Error(`input holds ${x.length} values, ${batch} samples of [${input.shape.join(', ')}] need ${needed}`);
    return needed;
  }
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) throw new Error(`${name} must be 0 or more, got ${value}`);
  return value;
}
