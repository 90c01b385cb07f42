// Compiles a model spec into a plan: layers in topological order over tensors allocated once for the largest
// batch, all parameters in one arena (trainable weights that penalties apply to first, then the other trainable
// parameters, then frozen layers' parameters) and all gradients in another.
import type { Kernels } from '../kernels';
import {
  OPS,
  type BuildContext,
  type InputGrad,
  type LayerRuntime,
  type ParamTensor,
  type StateTensor,
  type Tensor,
} from '../ops';
import { initialize } from '../ops/init';
import { Rng } from '../rng';
import { analyze, problemText } from '../spec';
import type { ModelSpec, OpKind, ParamValue, Problem, Shape } from '../spec/types';
import { evalSteps, type EvalStep } from './evalPlan';
import { trainPlan, type TrainPlan } from './trainPlan';

export class SpecError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `the model has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ` +
        problems.map((p) => (p.nodeId ? `${p.nodeId}: ${problemText(p)}` : problemText(p))).join('; '),
    );
    this.name = 'SpecError';
  }
}

export interface CompileOptions {
  maxBatch: number;
  /** Seeds initialization and dropout. */
  seed: number;
  /**
   * Run each batch norm and the ReLU it alone feeds as one kernel each way in training (trainPlan.ts); the same
   * bits either way. Default true; false runs every layer on its own (to compare the two).
   */
  fuseTraining?: boolean;
}

interface PlannedLayer {
  nodeId: string;
  op: string;
  runtime: LayerRuntime;
  /** The layer's resolved params, which its runtime reads (a dropout layer reads `p` at every forward). */
  params: Record<string, ParamValue>;
}

/** Arena offsets are rounded up to whole cache lines (16 floats) so each tensor starts on its own line. */
const ALIGN = 16;
const roundUp = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export class CompiledModel {
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly input: Tensor;
  readonly output: Tensor;
  /** Tensors saved with the model but not trained (batch-norm running statistics). */
  readonly states: StateTensor[];
  /** All gradients; parameters' grad fields are views into it. */
  readonly gradArena: Float32Array;
  /** Elements [0, regularizedLength) of the arenas are the weights L1/L2 penalties apply to. */
  readonly regularizedLength: number;
  /**
   * Elements [0, trainableLength) are the parameters that train; frozen layers' parameters follow, so the
   * optimizer, clipping and penalties each stay one call over a prefix and keep no state for frozen ones.
   */
  readonly trainableLength: number;
  readonly maxBatch: number;
  private readonly layers: PlannedLayer[];
  /** The eval-mode forward with each dense/conv → ReLU (→ 2x2 max pool) chain in one kernel (evalPlan.ts). */
  private readonly evalSteps: EvalStep[];
  /** The training passes with each batch norm → ReLU in one kernel each way (trainPlan.ts). */
  private readonly trainSteps: TrainPlan;
  private readonly activations: ReadonlyMap<string, Tensor>;
  /** All parameter values (tensors' value fields are views into it), and those tensors; see paramArena and params. */
  private readonly arena: Float32Array;
  private readonly paramTensors: ParamTensor[];
  /** See weightsVersion. */
  private version = 0;

  constructor(
    readonly spec: ModelSpec,
    readonly kernels: Kernels,
    options: CompileOptions,
  ) {
    const analysis = analyze(spec);
    if (!analysis.ok) throw new SpecError(analysis.problems);
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1)
      throw new Error(`batch size must be a positive integer, got ${options.maxBatch}`);
    this.maxBatch = options.maxBatch;
    const byId = new Map(spec.nodes.map((n) => [n.id, n]));
    // Inputs of each node in slot order (analysis resolves ports); consumers follow from them.
    const incoming = new Map<string, string[]>(analysis.order.map((id) => [id, analysis.nodes[id].inputs]));
    const outgoing = new Map<string, string[]>(analysis.order.map((id) => [id, []]));
    for (const id of analysis.order) for (const src of incoming.get(id)!) outgoing.get(src)!.push(id);

    const inputId = analysis.inputId!;
    const tensors = new Map<string, Tensor>();
    for (const id of analysis.order) {
      const shape = analysis.nodes[id].outputShape!;
      const size = shape.reduce((a, b) => a * b, 1);
      tensors.set(id, {
        shape,
        size,
        data: new Float32Array(this.maxBatch * size),
        grad: id === inputId ? null : new Float32Array(this.maxBatch * size),
      });
    }

    // In backward (reverse topological order) the last consumer of a tensor writes its gradient first;
    // every other consumer adds to it.
    const position = new Map(analysis.order.map((id, i) => [id, i]));
    const firstGradWriter = new Map<string, string>();
    for (const id of analysis.order) {
      const consumers = outgoing.get(id)!;
      if (consumers.length)
        firstGradWriter.set(
          id,
          consumers.reduce((a, b) => (position.get(a)! > position.get(b)! ? a : b)),
        );
    }

    const declared: ParamTensor[] = [];
    const states: StateTensor[] = [];
    const layers: PlannedLayer[] = [];
    analysis.order.forEach((id, nodeIndex) => {
      if (id === inputId) return;
      const node = byId.get(id)!;
      const params = analysis.nodes[id].paramValues!;
      const inputIds = incoming.get(id)!;
      const seenInputs = new Set<string>();
      const inputGrads: InputGrad[] = inputIds.map((src) => {
        // The same tensor wired into both slots: the second slot adds to the first.
        const repeated = seenInputs.has(src);
        seenInputs.add(src);
        return { needed: src !== inputId, accumulate: repeated || firstGradWriter.get(src) !== id };
      });
      const consumers = outgoing.get(id)!;
      const ctx: BuildContext = {
        node,
        params,
        inputs: inputIds.map((src) => tensors.get(src)!),
        output: tensors.get(id)!,
        inputGrads,
        maxBatch: this.maxBatch,
        kernels,
        successorOp: consumers.length === 1 ? byId.get(consumers[0])!.op : null,
        frozen: node.trainable === false,
        seed: options.seed,
        nodeIndex,
        weightsVersion: () => this.version,
        param: (field, shape, init, regularized) => {
          const size = shape.reduce((a, b) => a * b, 1);
          const tensor: ParamTensor = {
            name: `${id}.${field}`,
            nodeId: id,
            field,
            shape,
            size,
            init,
            regularized,
            frozen: node.trainable === false,
            value: new Float32Array(0),
            grad: new Float32Array(0),
          };
          declared.push(tensor);
          return tensor;
        },
        state: (field, shape, fill) => {
          const tensor: StateTensor = {
            name: `${id}.${field}`,
            shape,
            value: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(fill),
          };
          states.push(tensor);
          return tensor;
        },
      };
      layers.push({ nodeId: id, op: node.op, params, runtime: OPS[node.op as Exclude<OpKind, 'input'>](ctx) });
    });

    // Arena layout: trainable regularized weights first so penalties are one call over a prefix, frozen last so
    // the optimizer's buffers cover only what trains. Without frozen layers this is the layout it always was.
    const trainable = declared.filter((p) => !p.frozen);
    const ordered = [
      ...trainable.filter((p) => p.regularized),
      ...trainable.filter((p) => !p.regularized),
      ...declared.filter((p) => p.frozen),
    ];
    let offset = 0;
    let regularizedLength = 0;
    let trainableLength = 0;
    const offsets: number[] = [];
    for (const p of ordered) {
      offsets.push(offset);
      offset = roundUp(offset + p.size);
      if (p.regularized && !p.frozen) regularizedLength = offset;
      if (!p.frozen) trainableLength = offset;
    }
    this.arena = new Float32Array(Math.max(offset, ALIGN));
    this.gradArena = new Float32Array(Math.max(offset, ALIGN));
    ordered.forEach((p, i) => {
      p.value = this.arena.subarray(offsets[i], offsets[i] + p.size);
      p.grad = this.gradArena.subarray(offsets[i], offsets[i] + p.size);
    });
    this.regularizedLength = regularizedLength;
    // With nothing frozen the whole arena (padding included) trains, as before frozen layers existed.
    this.trainableLength = ordered.some((p) => p.frozen) ? trainableLength : this.arena.length;

    // Initialize in topological (declaration) order so a seed always gives the same weights.
    const rng = new Rng(options.seed);
    for (const p of declared) initialize(p.value, p.shape, p.init, rng);

    this.paramTensors = ordered;
    this.states = states;
    this.layers = layers;
    const planned = layers.map((layer) => ({
      ...layer,
      output: tensors.get(layer.nodeId)!,
      consumers: outgoing.get(layer.nodeId)!,
    }));
    this.evalSteps = evalSteps(planned);
    this.trainSteps = trainPlan(planned, options.fuseTraining ?? true);
    this.input = tensors.get(inputId)!;
    this.output = tensors.get(analysis.outputId!)!;
    this.activations = tensors;
    this.inputShape = this.input.shape;
    this.outputShape = this.output.shape;
  }

  /**
   * All parameter values; every parameter tensor's value is a view into it. Taking it counts as changing the weights
   * (weightsChanged), since the caller may write through it: hold it only across writes, not across predictions.
   */
  get paramArena(): Float32Array {
    this.weightsChanged();
    return this.arena;
  }

  /**
   * Learnable tensors in arena order: trainable regularized weights, other trainable tensors, frozen tensors. Taking
   * them counts as changing the weights, as for paramArena.
   */
  get params(): readonly ParamTensor[] {
    this.weightsChanged();
    return this.paramTensors;
  }

  /**
   * A number that moves whenever the parameter values may have changed. What is built from the weights for eval-mode
   * forwards (a dense layer's packed copy) is rebuilt when this differs from the number it was built at, so each way
   * of writing weights moves it: the optimizer's step (the session calls weightsChanged), loadTensors, and taking
   * writable views through paramArena, params or namedTensors().
   */
  get weightsVersion(): number {
    return this.version;
  }

  /** Says the parameter values may have changed since the last forward: call it after writing them by hand. */
  weightsChanged(): void {
    this.version++;
  }

  /**
   * Runs every layer forward on the first `batch` samples of the input tensor. Fused chains (eval mode: dense/conv →
   * ReLU; training: batch norm → ReLU) leave the output tensors of the layers folded into the next one unwritten
   * unless `everyLayer` (for `activation()`).
   */
  forward(batch: number, training: boolean, step = 0, everyLayer = false): Float32Array {
    this.checkBatch(batch);
    if (everyLayer) {
      for (const layer of this.layers) layer.runtime.forward(batch, training, step);
    } else if (training) {
      for (const run of this.trainSteps.forward) run(batch, training, step);
    } else {
      for (const run of this.evalSteps) run(batch);
    }
    return this.output.data;
  }

  /**
   * Backward from the output gradient (written by the loss into output.grad) to every parameter gradient. A batch
   * norm's output gradient is not written where its ReLU's backward is folded into its own.
   */
  backward(batch: number): void {
    this.checkBatch(batch);
    for (const run of this.trainSteps.backward) run(batch);
  }

  /**
   * A node's output tensor: after a forward with `everyLayer` its first `batch` samples hold that layer's
   * activations; after one without, those of every layer not folded into the next (see forward).
   */
  activation(nodeId: string): Tensor {
    const tensor = this.activations.get(nodeId);
    if (!tensor) throw new Error(`the model has no node '${nodeId}'`);
    return tensor;
  }

  /** A dropout layer's drop probability now (a run paused and changed may differ from its spec). */
  dropoutRate(nodeId: string): number {
    return this.dropoutLayer(nodeId).params.p as number;
  }

  /** Sets a dropout layer's drop probability in [0, 1) for the forward passes from now on. */
  setDropoutRate(nodeId: string, p: number): void {
    if (!(p >= 0 && p < 1)) throw new Error(`dropout '${nodeId}': the drop probability must be in [0, 1), got ${p}`);
    this.dropoutLayer(nodeId).params.p = p;
  }

  private dropoutLayer(nodeId: string): PlannedLayer {
    const layer = this.layers.find((l) => l.nodeId === nodeId);
    if (!layer || layer.op !== 'dropout') throw new Error(`the model has no dropout layer '${nodeId}'`);
    return layer;
  }

  /**
   * The parameter and state tensors by name, as checkpoints and exports name them. Their values are the model's own
   * memory, so taking them counts as changing the weights (weightsChanged).
   */
  namedTensors(): Map<string, { shape: number[]; value: Float32Array }> {
    this.weightsChanged();
    const named = new Map<string, { shape: number[]; value: Float32Array }>();
    for (const p of this.paramTensors) named.set(p.name, p);
    for (const s of this.states) named.set(s.name, s);
    return named;
  }

  /** Overwrites parameters and states from named arrays; refuses a missing tensor or one whose size differs. */
  loadTensors(
    source:
      | Map<string, { shape: number[]; data: ArrayLike<number> }>
      | Record<string, { shape: number[]; data: ArrayLike<number> }>,
  ): void {
    const get = (name: string) => (source instanceof Map ? source.get(name) : source[name]);
    for (const [name, target] of this.namedTensors()) {
      const given = get(name);
      if (!given) throw new Error(`tensor '${name}' is missing`);
      if (given.shape.join('x') !== target.shape.join('x')) {
        throw new Error(
          `tensor '${name}' has shape [${given.shape.join(', ')}], the model needs [${target.shape.join(', ')}]`,
        );
      }
      target.value.set(given.data);
    }
  }

  private checkBatch(batch: number): void {
    if (!(batch >= 1 && batch <= this.maxBatch && Number.isInteger(batch))) {
      throw new Error(`batch of ${batch} samples: the model was compiled for 1 to ${this.maxBatch}`);
    }
  }
}
