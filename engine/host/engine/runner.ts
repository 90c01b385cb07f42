// Runs the engine's side of the protocol: one training run at a time (pause, resume, stop, checkpoints),
// plus evaluation and prediction from checkpoint files, and probes of the live model between steps.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointInfo } from '../../core/io/checkpoint';
import type { TrainerSnapshot } from '../../core/train/trainer';
import { decodeSafetensors } from '../../core/io/safetensors';
import { applyWeights } from '../../core/io/weightsMatch';
import { CheckpointSaver } from './checkpointSaver';
import type { Kernels } from '../../core/kernels';
import { checkTrainConfig } from '../../core/train/configCheck';
import { checkSettingsChange, type SettingsChangeRequest } from '../../core/train/settingChanges';
import { failureOf } from '../../core/train/runFailure';
import { createTrainingSession } from '../../core/train/session';
import { checkTargetNormalization, unstandardizeTargets } from '../../core/data/targetNormalization';
import { predictedClasses } from '../../core/train/metrics';
import { Trainer } from '../../core/train/trainer';
import { writeFileAtomic } from '../common/atomicWrite';
import { loadTrainingData } from '../common/datasetFiles';
import { predictRows, standardizedRows, type Normalization } from './rows';
import type { EnginePort, StartRun, ToEngine } from '../protocol';

interface ActiveRun {
  runId: string;
  paused: boolean;
  stopRequested: boolean;
  checkpointRequested: boolean;
  resumeWaiter: (() => void) | null;
  /** Probes waiting for the next step boundary. */
  probes: Array<{ requestId: string; inputs: Float32Array; count: number }>;
  /** Answers the waiting probes on the live model (set once the model exists). */
  answerProbes: (() => void) | null;
  /** Writes the requested manual checkpoint of the live model (set once the model exists). */
  saveRequested: (() => void) | null;
  /** Changes settings of the live model and rewrites its checkpoints (set once the model exists). */
  changeSettings: ((requestId: string | undefined, changes: SettingsChangeRequest) => void) | null;
}

export class EngineHost {
  private active: ActiveRun | null = null;

  constructor(
    private readonly port: EnginePort,
    private readonly kernels: Kernels,
  ) {}

  handle(message: ToEngine): void {
    switch (message.type) {
      case 'start':
        if (this.active) {
          this.port.post({
            type: 'error',
            runId: message.runId,
            message: `the engine is already training run ${this.active.runId}`,
          });
          return;
        }
        void this.train(message);
        return;
      case 'pause':
      case 'resume':
      case 'stop':
      case 'save-checkpoint': {
        const run = this.active;
        if (!run || run.runId !== message.runId) {
          this.port.post({ type: 'error', runId: message.runId, message: `run ${message.runId} is not training` });
          return;
        }
        if (message.type === 'pause') {
          run.paused = true;
        } else if (message.type === 'save-checkpoint') {
          run.checkpointRequested = true;
          if (run.resumeWaiter) run.saveRequested?.(); // paused: save the weights as they stand, now
        } else {
          if (message.type === 'stop') run.stopRequested = true;
          run.paused = false;
        }
        if (!run.paused) run.resumeWaiter?.();
        return;
      }
      case 'change-settings': {
        const run = this.active;
        const problem =
          !run || run.runId !== message.runId ? 'is not training' : !run.resumeWaiter ? 'is not paused' : null;
        if (problem || !run?.changeSettings) {
          this.port.post({
            type: 'error',
            runId: message.runId,
            requestId: message.requestId,
            message: `run ${message.runId} ${problem ?? 'is not ready'}: settings change only while it is paused`,
          });
          return;
        }
        const change = run.changeSettings;
        this.guard(message.requestId, () => change(message.requestId, message.changes));
        return;
      }
      case 'evaluate':
        this.guard(message.requestId, () =>
          this.evaluate(message.requestId, message.checkpoint, message.datasetDir, message.split),
        );
        return;
      case 'predict':
        this.guard(message.requestId, () =>
          this.predict(message.requestId, message.checkpoint, message.inputs, message.count),
        );
        return;
      case 'activations':
        this.guard(message.requestId, () =>
          this.activations(message.requestId, message.checkpoint, message.inputs, message.nodeId),
        );
        return;
      case 'probe-grid': {
        const run = this.active;
        if (!run || run.runId !== message.runId) {
          this.port.post({
            type: 'error',
            requestId: message.requestId,
            message: `run ${message.runId} is not training`,
          });
          return;
        }
        run.probes.push({ requestId: message.requestId, inputs: message.inputs, count: message.count });
        if (run.resumeWaiter) run.answerProbes?.(); // paused: the model does not change, answer now
        return;
      }
      case 'set-threads':
        this.kernels.setThreads(message.threads);
        return;
      case 'shutdown':
        if (this.active) this.active.stopRequested = true;
        this.active?.resumeWaiter?.();
        return;
      default:
        throw new Error(`unknown message ${JSON.stringify(message)}`);
    }
  }

  /** The parent process went away (it was killed): stop training and write nothing more. */
  private parentGone(): boolean {
    return this.port.parentConnected?.() === false;
  }

  private guard(requestId: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.port.post({ type: 'error', requestId, message: (error as Error).message });
    }
  }

  private async train(start: StartRun): Promise<void> {
    const { runId } = start;
    const run: ActiveRun = {
      runId,
      paused: false,
      stopRequested: false,
      checkpointRequested: false,
      resumeWaiter: null,
      probes: [],
      answerProbes: null,
      saveRequested: null,
      changeSettings: null,
    };
    this.active = run;
    const post = this.port.post.bind(this.port);
    let saver: CheckpointSaver | null = null;
    try {
      // The parent checks first and words the refusal; this only keeps a bad config from reaching the trainer.
      const problem = checkTrainConfig(start.config)[0];
      if (problem) throw new Error(`${problem.code}: ${problem.setting}`);
      const { manifest, data } = loadTrainingData(start.datasetDir);
      const trainer = new Trainer(start.spec, start.config, data, this.kernels);
      let resumed: TrainerSnapshot | null = null;
      if (start.resumeFrom) {
        resumed = decodeCheckpoint(readFileSync(start.resumeFrom), start.resumeFrom).snapshot;
        trainer.restore(resumed);
      } else if (start.initialWeights) {
        // The plan was made against this spec by the parent; layers it does not cover keep their seeded values.
        const { file, plan } = start.initialWeights;
        const { tensors } = decodeSafetensors(new Uint8Array(readFileSync(file)), file);
        applyWeights(trainer.session.model.namedTensors(), tensors, plan.copies, file);
      }
      const targetNormalization = manifest.task === 'regression' ? (manifest.targetNormalization ?? null) : null;
      run.answerProbes = () => {
        for (const probe of run.probes.splice(0)) {
          this.guard(probe.requestId, () => {
            const x = standardizedRows(
              trainer.session,
              probe.inputs,
              probe.count,
              manifest.normalization,
              'probe-grid',
            );
            const outputs = predictRows(trainer.session, x, probe.count, start.config.batchSize);
            if (targetNormalization) unstandardizeTargets(outputs, targetNormalization); // the label's units
            post({
              type: 'grid',
              requestId: probe.requestId,
              epoch: trainer.epoch,
              step: trainer.session.steps,
              outputs,
              outputSize: trainer.session.model.output.size,
            });
          });
        }
      };
      mkdirSync(start.files.dir, { recursive: true });
      const info = (kind: CheckpointInfo['kind']): CheckpointInfo => ({
        spec: start.spec,
        config: start.config,
        normalization: manifest.normalization,
        targetNormalization,
        kind,
      });
      const writeCheckpoint = (kind: CheckpointInfo['kind'], epoch: number, bytes: Uint8Array) => {
        if (this.parentGone()) return; // nobody would record it: the store keeps what it knows, the file stays as it was
        const name = kind === 'manual' ? `manual-epoch-${epoch}.safetensors` : `${kind}.safetensors`;
        const path = join(start.files.dir, name);
        writeFileAtomic(path, bytes);
        post({ type: 'checkpoint', runId, epoch, kind, path });
      };
      // The state now (a copy), encoded later only if it is written. The latest 'last' and 'best' are kept so a
      // settings change can rewrite them with the new change list.
      // A continued run starts from its 'last' checkpoint, which a change made now rewrites too.
      const captured: Partial<Record<CheckpointInfo['kind'], TrainerSnapshot>> = resumed ? { last: resumed } : {};
      const capture = (kind: CheckpointInfo['kind']) => {
        const snapshot = trainer.snapshot();
        captured[kind] = snapshot;
        return () => encodeCheckpoint(snapshot, info(kind));
      };
      run.saveRequested = () => {
        if (!run.checkpointRequested) return;
        run.checkpointRequested = false;
        writeCheckpoint('manual', trainer.epoch, capture('manual')());
      };
      run.changeSettings = (requestId, changes) => {
        const problem = checkSettingsChange(start.spec, start.config, changes)[0];
        if (problem) throw new Error(`${problem.code}: ${problem.setting}`);
        const made = trainer.changeSettings(changes);
        checkpoints.flush(); // nothing of the old list waits to be written after the rewrite below
        for (const kind of ['last', 'best'] as const) {
          const snapshot = captured[kind];
          if (!snapshot) continue; // before the first epoch's end: the run restarts from scratch, its list in the store
          snapshot.changes = [...trainer.settingChanges];
          writeCheckpoint(kind, snapshot.epoch, encodeCheckpoint(snapshot, info(kind)));
        }
        post({ type: 'settings-changed', runId, requestId, made, all: [...trainer.settingChanges] });
      };
      const checkpoints = new CheckpointSaver(
        (kind, c) => writeCheckpoint(kind, c.epoch, c.bytes),
        start.checkpointIntervalMs,
      );
      saver = checkpoints;
      if (start.changes) run.changeSettings(undefined, start.changes);
      const every = Math.max(1, start.checkpointEvery ?? 1);
      let bestLoss = Infinity;
      for (const past of trainer.history) bestLoss = Math.min(bestLoss, past.validation?.loss ?? past.trainLoss);

      post({ type: 'status', runId, status: 'running' });
      const outcome = await trainer.run({
        onBatch: (progress) => post({ type: 'progress', runId, ...progress }),
        onEpoch: (metrics, _trainer, improved) => {
          post({ type: 'epoch', runId, metrics, improved });
          const monitored = metrics.validation?.loss ?? metrics.trainLoss;
          if (monitored < bestLoss) {
            bestLoss = monitored;
            checkpoints.offer('best', trainer.epoch, capture('best'));
          }
          if (metrics.epoch % every === 0 || metrics.epoch === start.config.epochs)
            checkpoints.offer('last', trainer.epoch, capture('last'));
          checkpoints.writeDue();
        },
        checkpoint: async () => {
          await new Promise<void>((resolve) => setImmediate(resolve)); // let pause/stop messages (and a disconnect) arrive
          if (this.parentGone()) return 'stop';
          run.answerProbes?.();
          run.saveRequested?.();
          if (run.paused && !run.stopRequested) {
            checkpoints.flush(); // a paused run has everything on disk, in case it is never resumed
            post({ type: 'status', runId, status: 'paused' });
            await new Promise<void>((resolve) => {
              run.resumeWaiter = resolve;
            });
            run.resumeWaiter = null;
            if (!run.stopRequested) post({ type: 'status', runId, status: 'running' });
          }
          return run.stopRequested ? 'stop' : 'continue';
        },
      });
      if (this.parentGone()) return; // the parent left: nothing to report to, nothing more to write
      checkpoints.flush();
      if (outcome.status === 'diverged') {
        post({ type: 'finished', runId, outcome });
        post({ type: 'status', runId, status: 'failed', failure: outcome.failure });
      } else {
        // A stop mid-epoch keeps the checkpoint of the last whole epoch: resuming from it repeats the
        // interrupted epoch and continues exactly as an uninterrupted run would.
        post({ type: 'finished', runId, outcome });
        post({ type: 'status', runId, status: outcome.status === 'stopped' ? 'stopped' : 'completed' });
      }
    } catch (error) {
      // The last whole epoch's checkpoints still reach the disk (best effort: the error may be the disk's).
      try {
        saver?.flush();
      } catch {
        /* reported below */
      }
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'error', runId, message });
      post({ type: 'status', runId, status: 'failed', message, failure: failureOf(error) });
    } finally {
      for (const probe of run.probes.splice(0))
        post({
          type: 'error',
          requestId: probe.requestId,
          message: `run ${runId} ended before the probe was answered`,
        });
      this.active = null;
    }
  }

  private evaluate(
    requestId: string,
    checkpoint: string,
    datasetDir: string,
    split: 'train' | 'validation' | 'test' | 'all',
  ): void {
    const { snapshot, info } = decodeCheckpoint(readFileSync(checkpoint), checkpoint);
    const { data } = loadTrainingData(datasetDir);
    const trainer = new Trainer(info.spec, info.config, data, this.kernels);
    trainer.restore(snapshot);
    const indices =
      split === 'all'
        ? Int32Array.from({ length: data.features.length / data.featureSize }, (_, i) => i)
        : data.split[split];
    if (indices.length === 0) throw new Error(`the ${split} split of ${datasetDir} is empty`);
    this.port.post({ type: 'evaluation', requestId, metrics: trainer.evaluate(indices) });
  }

  /** A session holding a checkpoint's weights, and the inputs standardized as in training. */
  private restored(checkpoint: string, inputs: Float32Array, count: number, what: string) {
    const { snapshot, info } = decodeCheckpoint(readFileSync(checkpoint), checkpoint);
    const config = { ...info.config, batchSize: Math.min(Math.max(count, 1), 256) };
    const session = createTrainingSession(info.spec, config, this.kernels);
    session.model.loadTensors(new Map([...snapshot.tensors].map(([k, v]) => [k, { shape: v.shape, data: v.value }])));
    const x = standardizedRows(session, inputs, count, info.normalization as Normalization, what);
    return { info, config, session, x };
  }

  private activations(requestId: string, checkpoint: string, inputs: Float32Array, nodeId: string): void {
    const { session, x } = this.restored(checkpoint, inputs, 1, 'activations');
    session.predict(x, 1, { everyLayer: true }); // every layer's own output, fused ones included
    const tensor = session.model.activation(nodeId);
    const size = tensor.size;
    this.port.post({
      type: 'activations',
      requestId,
      nodeId,
      shape: [...tensor.shape],
      values: tensor.data.slice(0, size),
    });
  }

  private predict(requestId: string, checkpoint: string, inputs: Float32Array, count: number): void {
    const { info, config, session, x } = this.restored(checkpoint, inputs, count, 'predict');
    const outSize = session.model.output.size;
    const outputs = predictRows(session, x, count, config.batchSize);
    if (info.targetNormalization && info.config.loss === 'mse') {
      // Trained on standardized targets: back to the label's units (one statistic per output).
      checkTargetNormalization(info.targetNormalization, outSize);
      unstandardizeTargets(outputs, info.targetNormalization);
    }
    let classes: Int32Array | undefined;
    if (info.config.loss !== 'mse') {
      classes = new Int32Array(count);
      predictedClasses(outputs, count, outSize, classes);
    }
    this.port.post({ type: 'prediction', requestId, outputs, outputSize: outSize, classes });
  }
}
