// Training runs for the studio: start one from the editor's graph, continue a stopped one, read a run with its
// metrics and files, and turn the engine's reports into StudioEvents for the renderer.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../../../engine/core/errors/coded';
import { analyze, nodeName, problemText } from '../../../engine/core/spec';
import type {
  FileRef,
  RunChanges,
  RunDetail,
  SettingsChangeRequest,
  StartRunRequest,
  StudioEvent,
} from '../../api/types';
import type { EngineSupervisor, SupervisorEvent } from '../engine/supervisor';
import { toEpochRecord, type Store } from '../store';
import type { RunSummary } from '../store/types';
import type { GraphService } from './graphs';
import { planWeights, runWeightsFile } from './weights';
import { ServiceError } from '../serviceError';

/** Charts need the shape of the loss curve, not every step of a long run. */
const MAX_STEP_POINTS = 2000;

/** A spec that does not compile, refused before a run is created: the message names the node. */
export class GraphProblemError extends CodedError<'graph-problem', Record<string, never>> {
  constructor(message: string, nodeId: string | undefined) {
    super('graph-problem', {}, message, nodeId);
  }
}

export class RunService {
  private readonly epochsOf = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly supervisor: EngineSupervisor,
    private readonly graphs: GraphService,
    private readonly emit: (event: StudioEvent) => void,
    private readonly resolveFile: (ref: FileRef) => string,
  ) {
    this.follow(supervisor);
  }

  /** Relays the events of another supervisor's runs too (a group's lanes, see groupRunner.ts). */
  follow(supervisor: EngineSupervisor): void {
    supervisor.onEvent((event) => this.relay(event));
  }

  async start(request: StartRunRequest): Promise<RunSummary> {
    const analysis = analyze(request.spec);
    if (!analysis.ok) {
      const problem = analysis.problems[0];
      const node = request.spec.nodes.find((n) => n.id === problem.nodeId);
      const message = problemText(problem);
      const named = node && !message.includes(node.id) ? `${nodeName(node)}: ${message}` : message;
      throw new GraphProblemError(`the graph cannot train: ${named}`, problem.nodeId ?? undefined);
    }
    if (request.fromRun !== undefined && request.weights !== undefined) throw new ServiceError('start-from-both');
    const initialWeights =
      request.fromRun !== undefined
        ? planWeights(request.spec, runWeightsFile(this.store, request.fromRun), 'fit', request.fromRun)
        : request.weights !== undefined
          ? planWeights(request.spec, this.resolveFile(request.weights), 'strict', null)
          : undefined;
    const graphVersionId = request.graphId ? this.graphs.latestVersionId(request.graphId) : undefined;
    const runId = await this.supervisor.startRun({
      initialWeights,
      projectId: this.graphs.projectId(),
      name: request.name,
      spec: request.spec,
      config: request.config,
      datasetId: request.datasetId,
      tags: request.tags,
      graphVersionId,
    });
    this.epochsOf.set(runId, request.config.epochs);
    const run = this.store.runs.getRun(runId);
    this.emit({ type: 'run-status', runId, status: run.status });
    return run;
  }

  async continueRun(runId: string, changes?: SettingsChangeRequest): Promise<RunSummary> {
    await this.supervisor.continueRun(runId, changes);
    const run = this.store.runs.getRun(runId);
    this.epochsOf.set(runId, run.trainConfig.epochs);
    this.emit({ type: 'run-status', runId, status: run.status });
    return run;
  }

  detail(runId: string): RunDetail {
    const run = this.store.runs.getRun(runId);
    return {
      run,
      epochs: this.store.metrics.listEpochs(runId),
      steps: this.store.metrics.listSteps(runId, { maxPoints: MAX_STEP_POINTS }),
      checkpoints: this.store.checkpoints.listCheckpoints(runId),
      exports: this.store.exports.listExports(runId),
      dataset: run.datasetId ? this.store.datasets.getDataset(run.datasetId) : null,
    };
  }

  update(runId: string, changes: RunChanges): RunSummary {
    let run = this.store.runs.getRun(runId) as RunSummary;
    if (changes.name !== undefined) run = this.store.runs.renameRun(runId, changes.name);
    if (changes.tags !== undefined) run = this.store.runs.setRunTags(runId, changes.tags);
    if (changes.notes !== undefined) run = this.store.runs.setRunNotes(runId, changes.notes);
    return run;
  }

  remove(runId: string): void {
    if (this.supervisor.activeRun === runId) throw new ServiceError('run-training-delete');
    const { checkpointPaths } = this.store.runs.deleteRun(runId);
    const folders = new Set(checkpointPaths.map((p) => dirname(p)));
    for (const path of checkpointPaths) rmSync(path, { force: true });
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }

  private relay({ runId, message }: SupervisorEvent): void {
    switch (message.type) {
      case 'progress':
        this.emit({
          type: 'run-progress',
          runId,
          epoch: message.epoch,
          batch: message.batch,
          batches: message.batches,
          step: message.step,
          loss: message.loss,
          samplesPerSecond: message.samplesPerSecond,
        });
        break;
      case 'epoch':
        this.emit({ type: 'run-epoch', runId, record: toEpochRecord(message.metrics), epochs: this.epochs(runId) });
        break;
      case 'checkpoint': {
        const checkpoint = this.store.checkpoints.latestCheckpoint(runId, message.kind);
        if (checkpoint) this.emit({ type: 'run-checkpoint', runId, checkpoint });
        break;
      }
      case 'status':
        this.emit({
          type: 'run-status',
          runId,
          status: message.status,
          ...(message.message ? { error: message.message } : {}),
          ...(message.failure ? { failure: message.failure } : {}),
        });
        if (message.status !== 'running' && message.status !== 'paused') this.finished(runId);
        break;
      case 'engine-exit':
        this.emit({ type: 'run-status', runId, status: 'failed', error: message.reason, failure: message.failure });
        this.finished(runId);
        break;
      default:
        break;
    }
  }

  private finished(runId: string): void {
    this.epochsOf.delete(runId);
    this.emit({ type: 'run-finished', runId, run: this.store.runs.getRun(runId) });
  }

  private epochs(runId: string): number {
    let epochs = this.epochsOf.get(runId);
    if (epochs === undefined) {
      epochs = this.store.runs.getRun(runId).trainConfig.epochs;
      this.epochsOf.set(runId, epochs);
    }
    return epochs;
  }
}
