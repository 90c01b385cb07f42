// The studio's services behind StudioApi: the store, the importers, engine supervision, insight and exports,
// wired together once. The Electron preload, the web server and tests all call this one object.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { TEMPLATES } from '../../../engine/core/spec';
import type { EngineClientOptions } from '../../../engine/host/parent/client';
import type {
  BoundaryMap,
  CsvImportOptions,
  DatasetImportResult,
  ExportFormat,
  CheckpointWeights,
  ExportOptions,
  ExportResult,
  AugmentPreview,
  FeatureMaps,
  GroupDetail,
  GroupRequest,
  GroupSummary,
  FileRef,
  GraphDocument,
  GraphListItem,
  ImageImportOptions,
  ImagePredictionReport,
  LayerWeights,
  ModelImportResult,
  PredictionReport,
  RunChanges,
  RunDetail,
  SettingChange,
  SettingsChangeRequest,
  StartRunRequest,
  StudioApi,
  StudioEvent,
  StudioInfo,
  StudioPlace,
} from '../../api/types';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { reconcileRecoveredRuns } from '../engine/recovery';
import { BoundaryService } from './boundary';
import { EngineSupervisor } from '../engine/supervisor';
import { GroupRunner } from '../engine/groupRunner';
import { openStore, ownerAlive, type RunQuery, type RunSummary, type Store } from '../store';
import { APP_VERSION } from '../version';
import type { AugmentationConfig } from '../../../engine/core/train/config';
import { augmentPreview } from './augmentPreview';
import { DatasetService } from './datasets';
import { GraphService } from './graphs';
import { InsightService, runWeights } from './insight';
import { runImageModel } from './imageModel';
import { predictImages } from './imagePredictions';
import { ModelImportService } from './models';
import { defaultResourcesDir, homeLayout, type HomeLayout } from './layout';
import { PlaceService } from './place';
import { RunService } from './runs';
import { RunGroupService } from './runGroups';
import { SAMPLES } from './samples';
import { exportToFile } from './exports';
import { planWeights } from './weights';
import type { InitialWeights } from '../../../engine/core/io/weightsMatch';
import { ServiceError } from '../serviceError';

export interface StudioOptions {
  home: string;
  mode: 'desktop' | 'web' | 'cli';
  /** Turns a FileRef into a path on this machine; the web server resolves uploads, the desktop accepts paths. */
  resolveFile?(ref: FileRef): string;
  resourcesDir?: string;
  engine?: EngineClientOptions;
  /**
   * Turn runs left queued, running or paused by a process that has gone into 'interrupted' on open, their records
   * reconciled with their files (default true; runs owned by a live process, here or elsewhere, are left alone).
   */
  recoverInterruptedRuns?: boolean;
  /**
   * Take over groups of runs whose process has gone and go on with their queues (default: true for the desktop and
   * web studio, false for the command line, which does it when asked: `netwright sweep --continue`).
   */
  resumeGroups?: boolean;
  /** Cores a group divides between its parallel runs (default: this machine's). */
  cores?: number;
}

export class Studio implements StudioApi {
  readonly layout: HomeLayout;
  readonly store: Store;
  readonly supervisor: EngineSupervisor;
  readonly groupRunner: GroupRunner;
  private readonly events = new EventEmitter();
  private readonly graphs: GraphService;
  private readonly datasets: DatasetService;
  private readonly runs: RunService;
  private readonly insight: InsightService;
  private readonly boundaries: BoundaryService;
  private readonly resolveFile: (ref: FileRef) => string;
  private readonly groups: RunGroupService;
  private readonly place: PlaceService;
  private readonly models: ModelImportService;

  constructor(private readonly options: StudioOptions) {
    this.layout = homeLayout(options.home);
    for (const dir of [this.layout.datasets, this.layout.runs, this.layout.exports, this.layout.uploads])
      mkdirSync(dir, { recursive: true });
    this.store = openStore(this.layout.database, { recoverInterruptedRuns: options.recoverInterruptedRuns ?? true });
    reconcileRecoveredRuns(this.store, this.layout.runs);
    this.supervisor = new EngineSupervisor(this.store, { runsDir: this.layout.runs, engine: options.engine });
    const emit = (event: StudioEvent) => this.events.emit('event', event);
    const resolveFile = (this.resolveFile =
      options.resolveFile ??
      ((ref: FileRef) => {
        if (ref.kind !== 'path') throw new ServiceError('upload-not-path', { file: ref.name });
        return ref.path;
      }));
    this.graphs = new GraphService(this.store);
    this.datasets = new DatasetService(
      this.store,
      this.layout,
      options.resourcesDir ?? defaultResourcesDir(),
      resolveFile,
      emit,
    );
    this.runs = new RunService(this.store, this.supervisor, this.graphs, emit, resolveFile);
    this.resolveFile = resolveFile;
    this.groupRunner = new GroupRunner(this.store, {
      runsDir: this.layout.runs,
      engine: options.engine,
      cores: options.cores,
    });
    this.groupRunner.onLane((lane) => this.runs.follow(lane));
    this.groupRunner.onGroup(({ groupId, status }) => emit({ type: 'group-status', groupId, status }));
    this.groups = new RunGroupService(this.store, this.groupRunner, this.graphs);
    this.insight = new InsightService(this.store, this.supervisor);
    this.boundaries = new BoundaryService(this.store, this.supervisor);
    this.place = new PlaceService(this.store);
    this.models = new ModelImportService(this.store, this.graphs, this.layout.runs, resolveFile);
    if (options.resumeGroups ?? options.mode !== 'cli') this.resumeGroups();
  }

  /** Takes over the groups whose process has gone and goes on with their queues; returns their ids. */
  resumeGroups(): string[] {
    return this.store.groups
      .orphanedGroups(ownerAlive)
      .map((g) => g.id)
      .filter((id) => this.groupRunner.run(id));
  }

  /** Every StudioEvent as it happens; returns the unsubscribe function. */
  onEvent(listener: (event: StudioEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  /** Stops a training run (keeping its last checkpoint), ends the engine, flushes metrics and closes the store. */
  async close(): Promise<void> {
    await this.groupRunner.close();
    await this.supervisor.close();
    this.store.close();
  }

  async getInfo(): Promise<StudioInfo> {
    return {
      version: APP_VERSION,
      mode: this.options.mode,
      home: this.layout.home,
      engine: this.supervisor.engineKernels,
      samples: SAMPLES.map(({ name, description, task, suggestedTemplate }) => ({
        name,
        description,
        task,
        suggestedTemplate,
      })),
      templates: TEMPLATES.map(({ name, title, description }) => ({ name, title, description })),
    };
  }

  async listGraphs(): Promise<GraphListItem[]> {
    return this.graphs.list();
  }
  async createGraph(name: string, spec: ModelSpec): Promise<GraphDocument> {
    return this.graphs.create(name, spec);
  }
  async saveGraph(graphId: string, spec: ModelSpec, note?: string) {
    return this.graphs.save(graphId, spec, note);
  }
  async openGraph(graphId: string): Promise<GraphDocument> {
    return this.graphs.open(graphId);
  }
  async renameGraph(graphId: string, name: string): Promise<void> {
    this.graphs.rename(graphId, name);
  }
  async duplicateGraph(graphId: string, name: string): Promise<GraphDocument> {
    return this.graphs.duplicate(graphId, name);
  }
  async deleteGraph(graphId: string): Promise<void> {
    this.graphs.remove(graphId);
  }
  async templateSpec(name: string, datasetId?: string): Promise<ModelSpec> {
    return this.graphs.template(name, datasetId ? this.store.datasets.getDataset(datasetId).manifest : undefined);
  }

  async getPlace(): Promise<StudioPlace> {
    return this.place.get();
  }
  async savePlace(place: StudioPlace): Promise<void> {
    this.place.save(place);
  }

  async listDatasets() {
    return this.store.datasets.listDatasets();
  }
  async useSample(name: string) {
    return this.datasets.useSample(name);
  }
  async previewCsv(file: FileRef) {
    return this.datasets.previewCsv(file);
  }
  async importCsv(file: FileRef, options: CsvImportOptions, importId?: string): Promise<DatasetImportResult> {
    return this.datasets.importCsv(file, options, importId);
  }
  async importModel(file: FileRef, name?: string): Promise<ModelImportResult> {
    return this.models.importModel(file, name);
  }
  async previewImages(folder: FileRef) {
    return this.datasets.previewImages(folder);
  }
  async importImages(folder: FileRef, options: ImageImportOptions, importId?: string): Promise<DatasetImportResult> {
    return this.datasets.importImages(folder, options, importId);
  }
  async renameDataset(datasetId: string, name: string): Promise<void> {
    this.datasets.rename(datasetId, name);
  }
  async deleteDataset(datasetId: string): Promise<void> {
    this.datasets.remove(datasetId);
  }

  async planWeights(file: FileRef, spec: ModelSpec): Promise<InitialWeights> {
    return planWeights(spec, this.resolveFile(file), 'strict', null);
  }
  async startRun(request: StartRunRequest): Promise<RunSummary> {
    return this.runs.start(request);
  }
  /** The supervisor training `runId`: a group's lane, else the studio's own. */
  private supervisorOf(runId: string): EngineSupervisor {
    return this.groupRunner.laneOf(runId) ?? this.supervisor;
  }
  async pauseRun(runId: string): Promise<void> {
    this.supervisorOf(runId).pause(runId);
  }
  async unpauseRun(runId: string): Promise<void> {
    this.supervisorOf(runId).unpause(runId);
  }
  async stopRun(runId: string): Promise<void> {
    this.supervisorOf(runId).stop(runId);
  }
  async saveCheckpoint(runId: string): Promise<void> {
    this.supervisor.saveCheckpoint(runId);
  }
  async changeSettings(runId: string, changes: SettingsChangeRequest): Promise<SettingChange[]> {
    return this.supervisor.changeSettings(runId, changes);
  }
  async continueRun(runId: string, changes?: SettingsChangeRequest): Promise<RunSummary> {
    return this.runs.continueRun(runId, changes);
  }
  async listRuns(query?: RunQuery): Promise<RunSummary[]> {
    return this.store.runs.listRuns(query ?? {});
  }
  async getRun(runId: string): Promise<RunDetail> {
    return this.runs.detail(runId);
  }
  async getRunGraph(runId: string): Promise<ModelSpec> {
    return this.store.runs.getRun(runId).graph;
  }
  async updateRun(runId: string, changes: RunChanges): Promise<RunSummary> {
    return this.runs.update(runId, changes);
  }
  async deleteRun(runId: string): Promise<void> {
    if (this.groupRunner.laneOf(runId)) throw new ServiceError('run-training-delete');
    this.runs.remove(runId);
  }
  async listTags() {
    return this.store.runs.listTags();
  }

  async predictImages(runId: string, images: FileRef, weights?: CheckpointWeights): Promise<ImagePredictionReport> {
    const run = this.store.runs.getRun(runId);
    const model = runImageModel(this.store, run);
    const checkpoint = runWeights(this.store, runId, weights ?? 'best');
    const engine = await this.supervisor.ensureEngine();
    return predictImages(engine, run, checkpoint, model, this.resolveFile(images), { thumbnails: true });
  }
  async createGroup(request: GroupRequest): Promise<GroupSummary> {
    return this.groups.create(request);
  }
  async listGroups(): Promise<GroupSummary[]> {
    return this.groups.list();
  }
  async getGroup(groupId: string): Promise<GroupDetail> {
    return this.groups.detail(groupId);
  }
  async cancelGroup(groupId: string): Promise<void> {
    await this.groups.cancel(groupId);
  }

  async predictions(
    runId: string,
    split: 'validation' | 'test' = 'validation',
    samples = 12,
    weights: CheckpointWeights = 'best',
  ): Promise<PredictionReport> {
    return this.insight.predictions(runId, split, samples, weights);
  }
  async layerWeights(runId: string): Promise<LayerWeights[]> {
    return this.insight.layerWeights(runId);
  }
  async featureMaps(runId: string, nodeId: string, sampleIndex: number): Promise<FeatureMaps> {
    return this.insight.featureMaps(runId, nodeId, sampleIndex);
  }
  async augmentPreview(
    datasetId: string,
    augmentation: AugmentationConfig,
    seed: number,
    samples?: number,
    epochs?: number,
  ): Promise<AugmentPreview> {
    return augmentPreview(this.store.datasets.getDataset(datasetId), augmentation, seed, samples, epochs);
  }
  async boundary(runId: string, resolution?: number): Promise<BoundaryMap> {
    return this.boundaries.boundary(runId, resolution);
  }
  async exportRun(runId: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
    return exportToFile(this.store, this.layout, runId, format, options);
  }
}
