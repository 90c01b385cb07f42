// Engine supervision: starts the engine process, turns a run into a start message, records what the engine
// reports (status, metrics in batched transactions, checkpoints) in the store, and when the process dies
// marks the run failed with the reason, keeps its metrics and checkpoints, and starts a fresh engine next time.
// One run at a time: a start is refused (no run created) while another is training or starting, and the run is owned
// by this process (store/owner.ts) so other processes leave it alone while we live and recover it when we die.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InitialWeights } from '../../../engine/core/io/weightsMatch';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import { EngineClient, type EngineClientOptions, type EngineExit } from '../../../engine/host/parent/client';
import { failureOf, runFailure, type RunFailure } from '../../../engine/core/train/runFailure';
import type { FromEngine } from '../../../engine/host/protocol';
import { currentOwner, toEpochRecord, type MetricsWriter, type Store } from '../store';
import { reconcileRun } from './recovery';
import type { SettingChange, SettingsChangeRequest } from '../../../engine/core/train/settingChanges';
import { busyRefusal, notPausedRefusal, refuseSettingsChange, refuseUnfitRun, trainingMemoryBudget } from './refusals';
import { ServiceError } from '../serviceError';
import { RUN_FAILURES, runFailureText } from '../../api/runFailures';
import { CodedError } from '../../../engine/core/errors/coded';

/**
 * A new run the engine could not start (its data, model or settings failed while setting up; the engine died): no run
 * is kept. Its message is the English; its code and values the run failure's, which the studio and the CLI word.
 */
export class RunStartError extends CodedError<string, Record<string, string | number>> {
  constructor(message: string, failure: RunFailure = failureOf(new Error(message))) {
    super(failure.code, failure.params, message);
  }
}

export interface StartRunRequest {
  projectId: string;
  name?: string;
  spec: ModelSpec;
  config: TrainConfig;
  datasetId: string;
  /** The saved graph version this run trains (the editor saves before starting). */
  graphVersionId?: number;
  tags?: string[];
  /** Start from these weights (planned against spec by main/services/studio/weights.ts). */
  initialWeights?: InitialWeights;
}

export type SupervisorEvent =
  | { runId: string; message: FromEngine }
  | { runId: string; message: { type: 'engine-exit'; reason: string; failure: RunFailure } };

export interface SupervisorOptions {
  /** Folder for run files; each run's checkpoints go to <runsDir>/<runId>. */
  runsDir: string;
  engine?: EngineClientOptions;
  /** Passed to the engine with each run (see engine/host/engine/checkpointSaver.ts); tests that kill mid-run use 0. */
  checkpointIntervalMs?: number;
  /** Bytes training may use (default: refusals.ts's share of this machine's memory). */
  memoryBudget?: () => number;
  /** How long close() waits for a stopped run to end before it ends the engine (default 10 s). */
  stopGraceMs?: number;
}

const DEFAULT_STOP_GRACE_MS = 10_000;

const CONTINUABLE = new Set(['stopped', 'failed', 'interrupted']);

export class EngineSupervisor {
  private engine: EngineClient | null = null;
  /** close() is ending the engine: a run it ends, it ends because the studio closed. */
  private closing = false;
  private engineInfo: { isa: string; threads: number } | null = null;
  private activeRunId: string | null = null;
  private readonly writer: MetricsWriter;
  private readonly listeners = new Set<(event: SupervisorEvent) => void>();
  private finished: Promise<void> = Promise.resolve();
  private resolveFinished: (() => void) | null = null;
  private requests = 0;
  /** A new run sent to the engine that has not yet said it is running: settled by its first status. */
  private starting: {
    runId: string;
    started: () => void;
    failed: (message: string, failure?: RunFailure) => void;
  } | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: SupervisorOptions,
  ) {
    this.writer = store.createMetricsWriter();
  }

  onEvent(listener: (event: SupervisorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get activeRun(): string | null {
    return this.activeRunId;
  }

  /** The engine process in use, started on demand (a dead one is replaced). */
  async ensureEngine(): Promise<EngineClient> {
    if (this.engine && !this.engine.exited) return this.engine;
    const engine = new EngineClient(this.options.engine);
    this.engine = engine;
    engine.onMessage((message) => this.handle(message));
    engine.onExit((exit) => this.engineDied(engine, exit));
    const ready = await engine.ready;
    this.engineInfo = { isa: ready.isa, threads: ready.threads };
    return engine;
  }

  /** The kernels of the engine started last (null before the first start). */
  get engineKernels(): { isa: string; threads: number } | null {
    return this.engineInfo;
  }

  /**
   * Creates a run in the store and starts training it; resolves once the engine has set it up and is training.
   * Refused, with no run created, while another run trains or starts here, when the settings are out of range or do
   * not suit the dataset, every layer is frozen, the graph does not fit the dataset or the model cannot fit in memory
   * (refuseUnfitRun: RunRefusedError). A run the engine fails to
   * set up never started: it is removed again and the start fails with the engine's reason (RunStartError).
   */
  async startRun(request: StartRunRequest): Promise<string> {
    this.refuseWhileBusy();
    const dataset = this.store.datasets.getDataset(request.datasetId);
    refuseUnfitRun(request.spec, request.config, dataset, this.memoryBudget());
    const run = this.store.runs.createRun({
      projectId: request.projectId,
      name: request.name,
      graph: request.spec,
      trainConfig: request.config,
      graphVersionId: request.graphVersionId,
      datasetId: dataset.id,
      splitSeed: dataset.manifest.split.seed,
      tags: request.tags,
      owner: currentOwner(),
      initialWeights: request.initialWeights ?? null,
    });
    const started = new Promise<void>((resolve, reject) => {
      this.starting = {
        runId: run.id,
        started: resolve,
        failed: (message, failure) => reject(new RunStartError(message, failure)),
      };
    });
    started.catch(() => undefined); // awaited below; a failure while launching is thrown by launch instead
    try {
      await this.launch(run.id, request.spec, request.config, dataset.folder, undefined, request.initialWeights);
    } catch (error) {
      this.abandonStart(run.id);
      throw error;
    }
    await started;
    return run.id;
  }

  /** Removes a new run that never started training (its records and any folder the engine made for it). */
  private abandonStart(runId: string): void {
    if (this.starting?.runId !== runId) return; // already removed
    this.starting = null;
    this.store.runs.deleteRun(runId);
    rmSync(this.runDir(runId), { recursive: true, force: true });
    this.ended(runId);
  }

  /**
   * Starts a run already recorded as queued (a group's run, see groupRunner.ts), claiming it for this process.
   * Refused like startRun while another run trains here, or when the model cannot fit in memory.
   */
  async startQueuedRun(runId: string): Promise<void> {
    this.refuseWhileBusy();
    const run = this.store.runs.getRun(runId);
    if (run.status !== 'queued') throw new ServiceError('run-not-queued', { run: run.name, status: run.status });
    if (!run.datasetId) throw new ServiceError('run-no-dataset', { run: run.name });
    const dataset = this.store.datasets.getDataset(run.datasetId);
    refuseUnfitRun(run.graph, run.trainConfig, dataset, this.memoryBudget());
    this.store.runs.claimRun(runId, currentOwner());
    await this.launch(runId, run.graph, run.trainConfig, dataset.folder, undefined);
  }

  /**
   * Continues a stopped, failed or interrupted run from its last whole-epoch checkpoint (from the start when it
   * has none). Its files and records are reconciled first: the checkpoint's own history is the truth.
   */
  async continueRun(runId: string, changes?: SettingsChangeRequest): Promise<void> {
    this.refuseWhileBusy();
    const run = this.store.runs.getRun(runId);
    // A queued, running or paused run belongs to a live process (it would have been recovered otherwise).
    if (!CONTINUABLE.has(run.status))
      throw new ServiceError('run-cannot-continue', { run: run.name, status: run.status });
    if (!run.datasetId) throw new ServiceError('run-no-dataset', { run: run.name });
    const dataset = this.store.datasets.getDataset(run.datasetId);
    refuseUnfitRun(run.graph, run.trainConfig, dataset, this.memoryBudget());
    if (changes) refuseSettingsChange(run.graph, run.trainConfig, changes);
    reconcileRun(this.store, runId, this.runDir(runId));
    const checkpoint = this.store.checkpoints.latestCheckpoint(runId, 'last');
    // Metrics recorded after the checkpoint's epoch are repeated by the continued run.
    if (checkpoint) this.store.metrics.truncateAfterEpoch(runId, checkpoint.epoch);
    else this.store.metrics.restoreEpochs(runId, []);
    this.store.runs.claimRun(runId, currentOwner());
    // Without a checkpoint the run starts over, from the same starting weights as the first time.
    await this.launch(
      runId,
      run.graph,
      run.trainConfig,
      dataset.folder,
      checkpoint?.path,
      checkpoint ? undefined : (run.initialWeights ?? undefined),
      changes,
    );
  }

  /**
   * Changes settings of the paused run (refused, with a code, when it is not paused here or a value is out of
   * range). The engine records the change at the current step and rewrites the run's checkpoints; the store keeps
   * the run's whole list. Returns the changes made.
   */
  async changeSettings(runId: string, changes: SettingsChangeRequest): Promise<SettingChange[]> {
    const run = this.store.runs.getRun(runId);
    if (this.activeRunId !== runId || !this.engine || run.status !== 'paused')
      throw notPausedRefusal(runId, run.status);
    refuseSettingsChange(run.graph, run.trainConfig, changes);
    const answer = await this.engine.request({
      type: 'change-settings',
      requestId: `change-${runId}-${++this.requests}`,
      runId,
      changes,
    });
    return answer.made;
  }

  private refuseWhileBusy(): void {
    if (this.activeRunId) throw busyRefusal(this.activeRunId);
  }

  private memoryBudget(): number {
    return (this.options.memoryBudget ?? trainingMemoryBudget)();
  }

  private runDir(runId: string): string {
    return join(this.options.runsDir, runId);
  }

  pause(runId: string): void {
    this.control(runId, 'pause');
  }
  unpause(runId: string): void {
    this.control(runId, 'resume');
  }
  stop(runId: string): void {
    this.control(runId, 'stop');
  }
  saveCheckpoint(runId: string): void {
    this.control(runId, 'save-checkpoint');
  }

  /** Resolves when the active run (if any) has ended, however it ended. */
  whenIdle(): Promise<void> {
    return this.finished;
  }

  /**
   * Stops the active run, flushes metrics and ends the engine process. Always finishes: a run that has not ended
   * within the grace period is left to the engine's end (killed if it does not exit), which records it as failed.
   */
  async close(): Promise<void> {
    if (this.activeRunId && this.engine && !this.engine.exited) {
      try {
        this.engine.send({ type: 'stop', runId: this.activeRunId });
      } catch {
        /* it died meanwhile */
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
    });
    await Promise.race([this.finished, grace]);
    clearTimeout(timer);
    // An engine ended here (killed when it does not exit) ends its run because the studio closed: that is the reason.
    this.closing = true;
    await this.engine?.shutdown();
    this.engine = null;
    // A run still marked active (its engine never reported the end) ends here.
    const runId = this.activeRunId;
    if (runId) {
      this.writer.flush();
      this.store.runs.updateRunStatus(runId, 'failed', { failure: runFailure('studio-closed') });
      this.ended(runId);
    }
    this.closing = false;
    this.writer.close();
  }

  private async launch(
    runId: string,
    spec: ModelSpec,
    config: TrainConfig,
    datasetDir: string,
    resumeFrom: string | undefined,
    initialWeights?: InitialWeights,
    changes?: SettingsChangeRequest,
  ): Promise<void> {
    // Taken before the first await, so a second start arriving meanwhile is refused (refuseWhileBusy).
    this.activeRunId = runId;
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
    try {
      const engine = await this.ensureEngine();
      this.store.runs.updateRunStatus(runId, 'running');
      engine.send({
        type: 'start',
        runId,
        spec,
        config,
        datasetDir,
        files: { dir: this.runDir(runId) },
        resumeFrom,
        changes,
        initialWeights,
        checkpointIntervalMs: this.options.checkpointIntervalMs,
      });
    } catch (error) {
      // The engine died before it was ready (or could not be sent the run): a continued run fails now, not stays
      // queued; a new one is removed by startRun.
      if (this.activeRunId === runId && this.starting?.runId !== runId) {
        this.store.runs.updateRunStatus(runId, 'failed', failedBecause(error));
        this.ended(runId);
      }
      throw error;
    }
  }

  private control(runId: string, type: 'pause' | 'resume' | 'stop' | 'save-checkpoint'): void {
    if (this.activeRunId !== runId || !this.engine) throw new ServiceError('run-not-training', { runId });
    this.engine.send({ type, runId });
  }

  private handle(message: FromEngine): void {
    if (!('runId' in message) || message.runId === undefined) return;
    const { runId } = message;
    if (this.starting?.runId === runId && this.settleStart(runId, message)) return;
    switch (message.type) {
      case 'progress':
        this.writer.step(runId, {
          step: message.step,
          epoch: message.epoch,
          loss: message.loss,
          lr: null,
          samplesPerSecond: message.samplesPerSecond,
        });
        break;
      case 'epoch':
        this.writer.epoch(runId, toEpochRecord(message.metrics));
        break;
      case 'settings-changed':
        this.store.runs.setSettingChanges(runId, message.all);
        break;
      case 'checkpoint':
        this.writer.flush(); // the metrics up to a checkpoint are on disk before the checkpoint is recorded
        this.store.checkpoints.addCheckpoint({ runId, epoch: message.epoch, kind: message.kind, path: message.path });
        break;
      case 'status':
        this.writer.flush();
        if (message.status === 'running' || message.status === 'paused') {
          this.store.runs.updateRunStatus(runId, message.status);
        } else {
          this.store.runs.updateRunStatus(runId, message.status, {
            ...(message.message ? { error: message.message } : {}),
            ...(message.failure ? { failure: message.failure } : {}),
          });
          this.ended(runId);
        }
        break;
      case 'finished': {
        this.writer.flush(); // every epoch is on disk before the results are read from them
        const outcome = message.outcome;
        if (outcome.status !== 'diverged') {
          const epochs = this.store.metrics.listEpochs(runId);
          const last = epochs.at(-1);
          const best = epochs.reduce<typeof last>(
            (b, e) => (e.valLoss !== null && (b?.valLoss ?? Infinity) > e.valLoss ? e : b),
            undefined,
          );
          const values = (e: typeof last) => {
            if (!e) return null;
            const validation = (e.metrics.validation ?? null) as { mae?: number; r2?: number } | null;
            return Object.fromEntries(
              Object.entries({
                train_loss: e.trainLoss,
                train_accuracy: e.trainAccuracy,
                val_loss: e.valLoss,
                val_accuracy: e.valAccuracy,
                val_mae: validation?.mae,
                val_r2: validation?.r2,
              }).filter(([, v]) => typeof v === 'number'),
            ) as Record<string, number>;
          };
          // Final metrics all come from the weights the run ends with (the best epoch's when early stopping restored
          // them), so the test score is never paired with another epoch's validation score; `epoch` says which.
          const ending = epochs.find((e) => e.epoch === outcome.weightsEpoch) ?? last;
          const finalMetrics = values(ending);
          if (finalMetrics && ending) finalMetrics.epoch = ending.epoch;
          if (finalMetrics && outcome.test) {
            finalMetrics.test_loss = outcome.test.loss;
            if (outcome.test.accuracy !== undefined) finalMetrics.test_accuracy = outcome.test.accuracy;
            if (outcome.test.mae !== undefined) finalMetrics.test_mae = outcome.test.mae;
            if (outcome.test.r2 !== undefined) finalMetrics.test_r2 = outcome.test.r2;
          }
          this.store.runs.setRunResults(runId, {
            bestMetrics: values(best),
            finalMetrics,
            bestEpoch: outcome.bestEpoch ?? best?.epoch ?? null,
          });
        }
        break;
      }
      default:
        break;
    }
    for (const listener of this.listeners) listener({ runId, message });
  }

  /**
   * While a new run is being set up: its first 'running' status confirms the start (and is handled as usual); a
   * failure before it removes the run and fails the start. Returns true when the message was used up here.
   */
  private settleStart(runId: string, message: FromEngine): boolean {
    const starting = this.starting!;
    if (message.type === 'status' && message.status === 'running') {
      this.starting = null;
      starting.started();
      return false;
    }
    if (message.type === 'error') return true; // its 'failed' status follows with the same message
    if (message.type === 'status' && message.status === 'failed') {
      this.abandonStart(runId);
      const failure = message.failure ?? runFailure('no-reason');
      starting.failed(message.message ?? runFailureText(failure, RUN_FAILURES) ?? failure.code, failure);
      return true;
    }
    return false;
  }

  private ended(runId: string): void {
    if (this.activeRunId !== runId) return;
    this.activeRunId = null;
    this.resolveFinished?.();
    this.resolveFinished = null;
  }

  private engineDied(engine: EngineClient, exit: EngineExit): void {
    const { reason, failure } = this.closing
      ? { reason: RUN_FAILURES['studio-closed'], failure: runFailure('studio-closed') }
      : exit;
    if (this.engine === engine) this.engine = null;
    const runId = this.activeRunId;
    if (!runId) return;
    const starting = this.starting;
    if (starting?.runId === runId) {
      this.abandonStart(runId);
      starting.failed(reason, failure);
      return;
    }
    this.writer.flush();
    this.store.runs.updateRunStatus(runId, 'failed', { error: reason, failure });
    for (const listener of this.listeners) listener({ runId, message: { type: 'engine-exit', reason, failure } });
    this.ended(runId);
  }
}

/** A run failed by `error` (the engine died before it was ready, it could not be sent the run): its code and message. */
export function failedBecause(error: unknown): { error: string; failure: RunFailure } {
  return { error: error instanceof Error ? error.message : String(error), failure: failureOf(error) };
}
