// The epoch loop: seeded shuffling, mini-batches, evaluation on the validation split, the learning-rate
// schedule, early stopping, per-layer norms and a full snapshot of the state for checkpoints and resume.
import type { Kernels } from '../kernels';
import { Rng, type RngState } from '../rng';
import { createSchedule, type Schedule, type ScheduleState } from '../schedule';
import type { ModelSpec } from '../spec/types';
import { augmentationActive, augmentBatch, type ChannelNormalization } from './augment';
import type { AugmentationConfig, TrainConfig } from './config';
import type { TrainingData } from './data';
import type { NonFiniteLossInfo } from './diagnose';
import { EarlyStopping } from './earlyStopping';
import { ClassificationMetrics, predictedClasses, RegressionMetrics } from './metrics';
import { createTrainingSession, NonFiniteLossError, type TrainingSession } from './session';
import { shuffledOrder } from './split';
import { divergedFailure, type RunFailure } from './runFailure';
import { dropoutNodes, type SettingChange, type SettingsChangeRequest } from './settingChanges';

export interface SplitMetrics {
  loss: number;
  accuracy?: number;
  perClassAccuracy?: number[];
  confusion?: number[][];
  /** Regression: in the label's units, also when the targets are standardized for training. */
  mae?: number;
  rmse?: number;
  r2?: number;
  /** Regression: the loss of predicting the mean, in the loss's units (RegressionResult.baselineLoss). */
  baselineLoss?: number;
  count: number;
}

export interface EpochMetrics {
  epoch: number; // 1-based, as users count
  trainLoss: number;
  trainAccuracy?: number;
  validation: SplitMetrics | null;
  lr: number;
  /** L1 + L2 penalty at the end of the epoch (not included in the losses). */
  penalty: number;
  /** Per layer (node id): mean gradient L2 norm over sampled steps, and weight L2 norm at the epoch's end. */
  gradNorms: Record<string, number>;
  weightNorms: Record<string, number>;
  seconds: number;
  samplesPerSecond: number;
}

export interface BatchProgress {
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
  samplesPerSecond: number;
  step: number;
}

export type RunOutcome =
  | {
      status: 'completed' | 'stopped' | 'early-stopped';
      epochs: number;
      bestEpoch: number | null;
      /** The epoch whose weights the model ends with, and `test` is measured on: the best one's when early stopping restored them. */
      weightsEpoch: number;
      test: SplitMetrics | null;
    }
  | { status: 'diverged'; epochs: number; failure: RunFailure; at: NonFiniteLossInfo };

/** Everything needed to continue a run exactly where it stopped. Tensors by name; the rest JSON. */
export interface TrainerSnapshot {
  epoch: number; // epochs completed
  steps: number;
  shuffleRng: RngState;
  schedule: ScheduleState;
  learningRate: number;
  earlyStopping: unknown;
  optimizerSteps: number;
  tensors: Map<string, { shape: number[]; value: Float32Array }>;
  optimizer: Record<string, Float32Array>;
  best: { epoch: number; tensors: Map<string, Float32Array> } | null;
  history: EpochMetrics[];
  /**
   * Every setting changed at a pause, in order, including those after this snapshot's epoch (a run resumed from it
   * replays them at the same step). Absent in checkpoints written before changes existed.
   */
  changes?: SettingChange[];
}

export interface TrainerHooks {
  onBatch?(progress: BatchProgress): void;
  onEpoch?(metrics: EpochMetrics, trainer: Trainer, improved: boolean): void | Promise<void>;
  /** Called about every `yieldEveryMs` so the host can read messages; return 'stop' to end the run after this batch. */
  checkpoint?(): Promise<'continue' | 'stop'>;
}

const YIELD_EVERY_MS = 50;
/**
 * Steps between two reports are kept (the latest this many) and reported when the loss turns NaN or infinite, so the
 * curve shows the climb that ended the run even when it took a few milliseconds (a high rate in the first epoch).
 */
const STEPS_KEPT_FOR_DIVERGENCE = 256;
const NORM_SAMPLES_PER_EPOCH = 8; // per-layer gradient norms are averaged over this many evenly spaced steps

export class Trainer {
  readonly session: TrainingSession;
  readonly schedule: Schedule;
  readonly history: EpochMetrics[] = [];
  epoch = 0; // epochs completed
  private shuffleRng: Rng;
  private readonly earlyStopping: EarlyStopping | null;
  private best: { epoch: number; tensors: Map<string, Float32Array> } | null = null;
  /** Settings changed at pauses, in the order made; those from `nextChange` on are still ahead (a resumed run). */
  private changes: SettingChange[] = [];
  private nextChange = 0;
  private readonly order: Int32Array;
  private readonly classTargets: Int32Array;
  private readonly valueTargets: Float32Array;
  private readonly predicted: Int32Array;
  /** Each layer's parameter values and gradients (views), for per-layer norms. */
  private readonly layerParams = new Map<string, Float32Array[]>();
  private readonly layerGrads = new Map<string, Float32Array[]>();
  /** Augmentation of training batches (null: off), and the standardization to undo for it. */
  private readonly augmentation: AugmentationConfig | null;
  private readonly channelNormalization: ChannelNormalization | null;

  constructor(
    readonly spec: ModelSpec,
    readonly config: TrainConfig,
    readonly data: TrainingData,
    readonly kernels: Kernels,
  ) {
    checkConfig(config, data);
    this.augmentation = augmentationActive(config.augmentation) ? config.augmentation! : null;
    this.channelNormalization = data.normalization ?? null;
    this.session = createTrainingSession(spec, config, kernels, { maxBatch: config.batchSize });
    const model = this.session.model;
    const featureSize = model.input.size;
    if (featureSize !== data.featureSize) {
      throw new Error(
        `the model's input takes [${model.inputShape.join(', ')}] (${featureSize} values) but the data has [${data.featureShape.join(', ')}] (${data.featureSize} values): change the Input node's shape`,
      );
    }
    const outputWidth = model.output.size;
    if (data.task === 'classification') {
      if (config.loss === 'cross_entropy' && outputWidth !== data.numClasses) {
        throw new Error(
          `the data has ${data.numClasses} classes but the model's last layer has ${outputWidth} units: set it to ${data.numClasses}`,
        );
      }
      if (config.loss === 'bce_with_logits' && !(outputWidth === 1 && data.numClasses === 2)) {
        throw new Error(
          `binary cross-entropy needs 2 classes and 1 output unit; the data has ${data.numClasses} classes and the model ${outputWidth} units`,
        );
      }
      if (config.loss === 'mse') throw new Error('mean squared error is for regression: use cross-entropy for classes');
    } else {
      if (config.loss !== 'mse')
        throw new Error(`${config.loss} needs class labels, but this dataset is a regression task: use mse`);
      if (outputWidth !== data.targetSize)
        throw new Error(
          `the data has ${data.targetSize} target value(s) per row but the model's output has ${outputWidth}: set the last layer's units to ${data.targetSize}`,
        );
    }
    this.schedule = createSchedule(config.schedule, config.optimizer.lr);
    this.session.learningRate = this.schedule.lr;
    this.shuffleRng = new Rng((config.seed ^ 0x5bd1e995) >>> 0);
    this.earlyStopping = config.earlyStopping ? new EarlyStopping(config.earlyStopping) : null;
    this.order = new Int32Array(data.split.train.length);
    this.classTargets = new Int32Array(config.batchSize);
    this.valueTargets = new Float32Array(config.batchSize * Math.max(outputWidth, 1));
    this.predicted = new Int32Array(config.batchSize);
    for (const p of model.params) {
      if (!this.layerParams.has(p.nodeId)) {
        this.layerParams.set(p.nodeId, []);
        this.layerGrads.set(p.nodeId, []);
      }
      this.layerParams.get(p.nodeId)!.push(p.value);
      this.layerGrads.get(p.nodeId)!.push(p.grad);
    }
  }

  /** Trains from the current epoch to config.epochs. */
  async run(hooks: TrainerHooks = {}): Promise<RunOutcome> {
    const { session, config, data } = this;
    const train = data.split.train;
    const batchSize = config.batchSize;
    const batches = Math.ceil(train.length / batchSize);
    const normEvery = Math.max(1, Math.floor(batches / NORM_SAMPLES_PER_EPOCH));
    let lastYield = now();
    let unreported: BatchProgress[] = [];
    let stopRequested = false;

    while (this.epoch < config.epochs && !stopRequested) {
      const epochStart = now();
      const epochNumber = this.epoch + 1;
      this.applyChangesDue(epochNumber);
      if (config.shuffle === false) this.order.set(train);
      else shuffledOrder(train, this.shuffleRng, this.order);
      const metrics = data.task === 'classification' ? new ClassificationMetrics(data.numClasses) : null;
      const gradSums = new Map<string, number>();
      let normSamples = 0;
      let lossSum = 0;
      let seen = 0;
      for (let b = 0; b < batches; b++) {
        const start = b * batchSize;
        const batch = Math.min(batchSize, train.length - start);
        const targets = this.gather(this.order, start, batch, this.epoch);
        let loss: number;
        try {
          loss = session.step(session.model.input.data, targets, batch);
        } catch (error) {
          if (error instanceof NonFiniteLossError) {
            for (const progress of unreported) hooks.onBatch?.(progress);
            const at: NonFiniteLossInfo = {
              epoch: epochNumber,
              step: error.step + 1,
              lr: session.learningRate,
              gradNorm: error.gradNorm ?? undefined,
              optimizer: config.optimizer.type,
            };
            return { status: 'diverged', epochs: this.epoch, failure: divergedFailure(at), at };
          }
          throw error;
        }
        this.applyChangesDue(epochNumber);
        lossSum += loss * batch;
        seen += batch;
        if (metrics) metrics.add(this.predictClasses(batch), this.labelsOf(this.order, start, batch), batch);
        if (b % normEvery === 0) {
          this.accumulateGradNorms(gradSums);
          normSamples++;
        }
        const t = now();
        const report = t - lastYield >= YIELD_EVERY_MS || b === batches - 1;
        if (hooks.onBatch) {
          // Each step's record, only where someone listens (the studio, the CLI; not the bench's or a test's loop).
          const progress: BatchProgress = {
            epoch: epochNumber,
            batch: b + 1,
            batches,
            loss,
            step: session.steps,
            samplesPerSecond: seen / Math.max((t - epochStart) / 1000, 1e-9),
          };
          if (report) {
            unreported = [];
            hooks.onBatch(progress);
          } else {
            unreported.push(progress);
            if (unreported.length >= 2 * STEPS_KEPT_FOR_DIVERGENCE)
              unreported = unreported.slice(-STEPS_KEPT_FOR_DIVERGENCE);
          }
        }
        if (report) {
          if (hooks.checkpoint && (await hooks.checkpoint()) === 'stop') {
            stopRequested = true;
            if (b < batches - 1) return this.stoppedOutcome();
          }
          lastYield = now();
        }
      }

      const validation = data.split.validation.length ? this.evaluate(data.split.validation) : null;
      const seconds = (now() - epochStart) / 1000;
      const penalties = session.penalties();
      const record: EpochMetrics = {
        epoch: epochNumber,
        trainLoss: lossSum / seen,
        trainAccuracy: metrics ? metrics.result().accuracy : undefined,
        validation,
        lr: session.learningRate,
        penalty: penalties.l1 + penalties.l2,
        gradNorms: Object.fromEntries([...gradSums].map(([id, sum]) => [id, sum / normSamples])),
        weightNorms: this.weightNorms(),
        seconds,
        samplesPerSecond: seen / Math.max(seconds, 1e-9),
      };
      this.history.push(record);
      this.epoch = epochNumber;

      const monitoredLoss = validation ? validation.loss : record.trainLoss;
      this.schedule.endEpoch(monitoredLoss);
      session.learningRate = this.schedule.lr;

      let improved = false;
      let stopEarly = false;
      if (this.earlyStopping && validation) {
        const verdict = this.earlyStopping.update(epochNumber, {
          val_loss: validation.loss,
          val_accuracy: validation.accuracy,
        });
        improved = verdict.improved;
        stopEarly = verdict.stop;
        if (improved && config.earlyStopping?.restoreBest)
          this.best = { epoch: epochNumber, tensors: this.copyTensors() };
      }
      await hooks.onEpoch?.(record, this, improved);
      if (stopEarly) {
        if (this.best) this.restoreTensors(this.best.tensors);
        return {
          status: 'early-stopped',
          epochs: this.epoch,
          bestEpoch: this.earlyStopping!.bestEpoch,
          weightsEpoch: this.best?.epoch ?? this.epoch,
          test: this.testMetrics(),
        };
      }
    }
    if (stopRequested) return this.stoppedOutcome();
    return {
      status: 'completed',
      epochs: this.epoch,
      bestEpoch: this.earlyStopping?.bestEpoch ?? null,
      weightsEpoch: this.epoch,
      test: this.testMetrics(),
    };
  }

  /** Stopped by the user: the weights are the last whole epoch's (see the checkpoint), not tested. */
  private stoppedOutcome(): RunOutcome {
    return {
      status: 'stopped',
      epochs: this.epoch,
      bestEpoch: this.best?.epoch ?? null,
      weightsEpoch: this.epoch,
      test: null,
    };
  }

  /** Loss and metrics of a split in eval mode (dropout off, batch norm on running statistics). */
  evaluate(indices: Int32Array): SplitMetrics {
    const { session, data, config } = this;
    const batchSize = config.batchSize;
    const classification = data.task === 'classification' ? new ClassificationMetrics(data.numClasses) : null;
    const regression =
      data.task === 'regression' ? new RegressionMetrics(data.targetSize, data.targetNormalization ?? null) : null;
    let lossSum = 0;
    for (let start = 0; start < indices.length; start += batchSize) {
      const batch = Math.min(batchSize, indices.length - start);
      const targets = this.gather(indices, start, batch);
      lossSum += session.evaluate(session.model.input.data, targets, batch) * batch;
      if (classification) classification.add(this.predictClasses(batch), this.labelsOf(indices, start, batch), batch);
      if (regression) regression.add(session.model.output.data, this.valueTargets, batch);
    }
    const result: SplitMetrics = { loss: lossSum / indices.length, count: indices.length };
    if (classification) {
      const c = classification.result();
      Object.assign(result, { accuracy: c.accuracy, perClassAccuracy: c.perClassAccuracy, confusion: c.confusion });
    }
    if (regression) {
      const r = regression.result();
      Object.assign(result, { mae: r.mae, rmse: r.rmse, r2: r.r2, baselineLoss: r.baselineLoss });
    }
    return result;
  }

  testMetrics(): SplitMetrics | null {
    return this.data.split.test.length ? this.evaluate(this.data.split.test) : null;
  }

  /** The whole training state, copied, for a checkpoint. */
  snapshot(): TrainerSnapshot {
    const optimizerState = this.session.optimizer.state();
    const tensors = new Map<string, { shape: number[]; value: Float32Array }>();
    for (const [name, t] of this.session.model.namedTensors())
      tensors.set(name, { shape: t.shape, value: t.value.slice() });
    return {
      epoch: this.epoch,
      steps: this.session.steps,
      shuffleRng: this.shuffleRng.state(),
      schedule: this.schedule.state(),
      learningRate: this.session.learningRate,
      earlyStopping: this.earlyStopping?.state() ?? null,
      optimizerSteps: optimizerState.steps,
      tensors,
      optimizer: Object.fromEntries(Object.entries(optimizerState.buffers).map(([k, v]) => [k, v.slice()])),
      best: this.best,
      history: [...this.history],
      changes: [...this.changes],
    };
  }

  /** Continues from a snapshot taken by a trainer with the same spec, config and data. */
  restore(snapshot: TrainerSnapshot): void {
    this.session.model.loadTensors(
      new Map([...snapshot.tensors].map(([k, v]) => [k, { shape: v.shape, data: v.value }])),
    );
    this.session.optimizer.restore(snapshot.optimizerSteps, snapshot.optimizer);
    this.session.steps = snapshot.steps;
    this.shuffleRng = Rng.fromState(snapshot.shuffleRng);
    this.schedule.restore(snapshot.schedule);
    this.session.learningRate = snapshot.learningRate;
    if (this.earlyStopping && snapshot.earlyStopping) this.earlyStopping.restore(snapshot.earlyStopping as never);
    this.best = snapshot.best;
    this.history.splice(0, this.history.length, ...snapshot.history);
    this.epoch = snapshot.epoch;
    // Changes made up to the snapshot's epoch are in effect: the learning rate through the schedule's state and
    // the restored rate, the rest set again here. Later ones wait for their step.
    this.changes = [...(snapshot.changes ?? [])];
    this.nextChange = 0;
    while (this.nextChange < this.changes.length && this.changes[this.nextChange].epoch <= snapshot.epoch) {
      const change = this.changes[this.nextChange++];
      if (change.setting !== 'learningRate') this.apply(change);
    }
  }

  /** The settings changed so far (and, in a resumed run, those still ahead), in order. */
  get settingChanges(): readonly SettingChange[] {
    return this.changes;
  }

  /**
   * Changes settings now, between steps (a paused run, or one about to continue), and records each change at the
   * epoch in progress and the steps taken, so a run resumed from an earlier checkpoint makes it at the same point.
   * The request must have passed checkSettingsChange. Returns the recorded changes (a setting already at the
   * asked value records nothing); a continued run's changes still ahead stay after them.
   */
  changeSettings(request: SettingsChangeRequest): SettingChange[] {
    const at = { epoch: this.epoch + 1, step: this.session.steps };
    const made: SettingChange[] = [];
    const record = (change: SettingChange) => {
      if (change.from === change.to) return;
      this.apply(change);
      made.push(change);
    };
    const strengths = this.session.penaltyStrengths;
    if (request.learningRate !== undefined)
      record({ ...at, setting: 'learningRate', from: this.session.learningRate, to: request.learningRate });
    if (request.l1 !== undefined) record({ ...at, setting: 'l1', from: strengths.l1, to: request.l1 });
    if (request.l2 !== undefined) record({ ...at, setting: 'l2', from: strengths.l2, to: request.l2 });
    if (request.dropout !== undefined) {
      const rates =
        typeof request.dropout === 'number'
          ? dropoutNodes(this.spec).map((id) => [id, request.dropout as number] as const)
          : Object.entries(request.dropout);
      for (const [nodeId, to] of rates)
        record({ ...at, setting: 'dropout', nodeId, from: this.session.model.dropoutRate(nodeId), to });
    }
    if (request.patience !== undefined) {
      if (!this.earlyStopping) throw new Error('this run does not use early stopping: its patience cannot change');
      record({ ...at, setting: 'patience', from: this.earlyStopping.patience, to: request.patience });
    }
    // Changes still ahead (made at later steps before this run was stopped and continued) are replayed after these.
    this.changes.splice(this.nextChange, 0, ...made);
    this.nextChange += made.length;
    return made;
  }

  /** Makes the recorded changes due at this point of a resumed run (epoch in progress, steps taken). */
  private applyChangesDue(epochNumber: number): void {
    while (this.nextChange < this.changes.length) {
      const change = this.changes[this.nextChange];
      if (change.epoch !== epochNumber || change.step !== this.session.steps) return;
      this.apply(change);
      this.nextChange++;
    }
  }

  private apply(change: SettingChange): void {
    switch (change.setting) {
      case 'learningRate':
        // The schedule continues from the new rate (see Schedule.rebase); this epoch uses it from the next step.
        this.schedule.rebase(change.to);
        this.session.learningRate = this.schedule.lr;
        return;
      case 'l1':
      case 'l2':
        this.session.setPenaltyStrength(change.setting, change.to);
        return;
      case 'dropout':
        this.session.model.setDropoutRate(change.nodeId!, change.to);
        return;
      case 'patience':
        if (!this.earlyStopping) throw new Error('a recorded patience change needs a run that uses early stopping');
        this.earlyStopping.patience = change.to;
        return;
      default:
        throw new Error(`unknown setting change ${JSON.stringify(change.setting satisfies never)}`);
    }
  }

  /**
   * Copies the rows of `indices[start..start+batch)` into the model input and returns their targets; with
   * `trainingEpoch` (0-based) and augmentation on, writes each row's augmented image instead.
   */
  private gather(indices: Int32Array, start: number, batch: number, trainingEpoch?: number): Int32Array | Float32Array {
    const { data } = this;
    const input = this.session.model.input.data;
    const size = data.featureSize;
    if (this.augmentation && trainingEpoch !== undefined) {
      augmentBatch(
        this.kernels,
        this.augmentation,
        data.features,
        data.featureShape,
        this.channelNormalization,
        indices,
        start,
        batch,
        this.config.seed,
        trainingEpoch,
        input,
      );
    } else {
      for (let i = 0; i < batch; i++) {
        const row = indices[start + i];
        input.set(data.features.subarray(row * size, row * size + size), i * size);
      }
    }
    if (data.task === 'regression') {
      const t = data.targetSize;
      for (let i = 0; i < batch; i++) {
        const row = indices[start + i];
        this.valueTargets.set(data.targets!.subarray(row * t, row * t + t), i * t);
      }
      return this.valueTargets;
    }
    const labels = this.labelsOf(indices, start, batch);
    if (this.session.loss.targets === 'class') return labels;
    for (let i = 0; i < batch; i++) this.valueTargets[i] = labels[i]; // binary cross-entropy takes 0/1 as floats
    return this.valueTargets;
  }

  private labelsOf(indices: Int32Array, start: number, batch: number): Int32Array {
    const labels = this.data.labels!;
    for (let i = 0; i < batch; i++) this.classTargets[i] = labels[indices[start + i]];
    return this.classTargets;
  }

  /** Predicted classes of the last forward pass: arg max of the logits, or logit > 0 for one output unit. */
  private predictClasses(batch: number): Int32Array {
    const output = this.session.model.output;
    predictedClasses(output.data, batch, output.size, this.predicted);
    return this.predicted;
  }

  /** Adds each layer's gradient L2 norm (all its parameters together) to the epoch's running sums. */
  private accumulateGradNorms(sums: Map<string, number>): void {
    for (const [id, grads] of this.layerGrads) {
      const squared = grads.reduce((s, g) => s + this.kernels.sumOfSquares(g, g.length), 0);
      sums.set(id, (sums.get(id) ?? 0) + Math.sqrt(squared));
    }
  }

  private weightNorms(): Record<string, number> {
    const norms: Record<string, number> = {};
    for (const [id, values] of this.layerParams) {
      norms[id] = Math.sqrt(values.reduce((s, v) => s + this.kernels.sumOfSquares(v, v.length), 0));
    }
    return norms;
  }

  private copyTensors(): Map<string, Float32Array> {
    const copies = new Map<string, Float32Array>();
    for (const [name, t] of this.session.model.namedTensors()) copies.set(name, t.value.slice());
    return copies;
  }

  private restoreTensors(tensors: Map<string, Float32Array>): void {
    for (const [name, t] of this.session.model.namedTensors()) t.value.set(tensors.get(name)!);
  }
}

function checkConfig(config: TrainConfig, data: TrainingData): void {
  if (!Number.isInteger(config.epochs) || config.epochs < 1)
    throw new Error(`epochs must be a whole number of at least 1, got ${config.epochs}`);
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1)
    throw new Error(`batch size must be a whole number of at least 1, got ${config.batchSize}`);
  if (data.split.train.length === 0) throw new Error('the training split is empty: give it a larger share of the data');
  if (config.earlyStopping && data.split.validation.length === 0) {
    throw new Error(
      'early stopping watches the validation split, which is empty: give validation a share of the data or turn early stopping off',
    );
  }
  if (augmentationActive(config.augmentation)) {
    if (data.featureShape.length !== 3)
      throw new Error(
        `augmentation-needs-images: augmentation changes images, and this dataset's rows are [${data.featureShape.join(', ')}]: turn augmentation off`,
      );
    if (data.normalization && data.normalization.axis !== 'channel')
      throw new Error('augmentation needs images standardized per channel (axis "channel")');
  }
  if (config.earlyStopping?.metric === 'val_accuracy' && data.task === 'regression') {
    throw new Error('early stopping on validation accuracy needs classes; for regression watch the validation loss');
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
