// StudioApi: the one interface the renderer uses, served by the Electron preload (contextBridge) or by the web
// server (WebSocket). Types only: the renderer imports this file, so it must stay free of Node and DOM imports.
import type { InitialWeights } from '../../engine/core/io/weightsMatch';
import type { DatasetManifest, Task } from '../../engine/core/data/dataset';
import type { OnnxImportReport } from '../../engine/core/import/onnx/importOnnx';
import type { ModelSpec } from '../../engine/core/spec/types';
import type { EpochMetrics, SplitMetrics } from '../../engine/core/train/trainer';
import type { AugmentationConfig, TrainConfig } from '../../engine/core/train/config';
import type { SettingChange, SettingsChangeRequest } from '../../engine/core/train/settingChanges';
import type {
  CheckpointRecord,
  DatasetRecord,
  EpochRecord,
  ExportRecord,
  GraphVersionSummary,
  Project,
  Run,
  RunGroup,
  GroupStatus,
  RunStatus,
  RunSummary,
  StepRecord,
} from '../services/store/types';
import type { SweepPlan } from '../../engine/core/train/sweep';
import type { RunFailure } from '../../engine/core/train/runFailure';
import type { RunQuery } from '../services/store/runQuery';
import type { ColumnPreview, CsvPreview } from '../services/datasets/csv/previewTypes';
import type { ImageFolderPreview } from '../services/datasets/images/preview';
import type { ImportNote, SkipReason } from './importNotes';
import type { ExportNote } from './exportNotes';

export type {
  CheckpointRecord,
  ColumnPreview,
  CsvPreview,
  DatasetManifest,
  DatasetRecord,
  EpochMetrics,
  EpochRecord,
  ExportRecord,
  GraphVersionSummary,
  ImageFolderPreview,
  ModelSpec,
  Project,
  Run,
  RunQuery,
  RunStatus,
  RunSummary,
  SettingChange,
  SettingsChangeRequest,
  SplitMetrics,
  StepRecord,
  Task,
  TrainConfig,
};

/**
 * A file or folder the user chose. Desktop: a path from a native dialog or a drop. Web mode: an upload the page
 * sent to the local server first (POST /upload), named by the id the server returned.
 */
export type FileRef = { kind: 'path'; path: string } | { kind: 'upload'; uploadId: string; name: string };

export type { OnnxImportReport } from '../../engine/core/import/onnx/importOnnx';
export type { RunFailure } from '../../engine/core/train/runFailure';

export interface StudioInfo {
  version: string;
  mode: 'desktop' | 'web' | 'cli';
  /** Where the studio keeps its data (NETWRIGHT_HOME). */
  home: string;
  /** The engine's kernels, once the engine has started: e.g. { isa: 'avx2', threads: 2 }. */
  engine: { isa: string; threads: number } | null;
  samples: SampleInfo[];
  templates: TemplateSummary[];
}

export interface SampleInfo {
  name: string;
  description: string;
  task: Task;
  /** The template that suits it, e.g. 'mlp' for spirals, 'small-cnn' for shapes. */
  suggestedTemplate: string;
}

export interface TemplateSummary {
  name: string;
  title: string;
  description: string;
}

/** A graph with its newest saved version. */
export interface GraphDocument {
  id: string;
  name: string;
  updatedAt: number;
  version: number;
  spec: ModelSpec;
}

export interface GraphListItem {
  id: string;
  name: string;
  /** Last saved, epoch ms. */
  updatedAt: number;
  versions: number;
  /** Runs that trained one of its versions, oldest first. */
  runs: Array<{ id: string; name: string }>;
}

/**
 * Where the user left off, kept in the store (desktop and web share it) and restored on the next start: the open
 * graph (its unsaved edits as `draft` until autosave has stored them), dataset, training settings, selected run and
 * view. Ids that no longer exist are ignored on restore.
 */
export interface StudioPlace {
  view?: 'model' | 'data' | 'train' | 'experiments' | 'lessons';
  graphId?: string | null;
  /** The editor's graph when it differs from the stored graph's newest version (or was never saved). */
  draft?: { name: string; spec: ModelSpec } | null;
  datasetId?: string | null;
  trainConfig?: TrainConfig | null;
  runId?: string | null;
  /** The run whose page the Experiments view shows (null or absent: its table). */
  runPageId?: string | null;
}

export type MissingPolicy = 'drop-row' | 'fill-mean' | 'fill-most-frequent';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
  seed: number;
}

/** The import dialog's choices; columns by header name. */
export interface CsvImportOptions {
  label: string;
  task?: Task;
  missing?: MissingPolicy;
  /** Columns to leave out. */
  exclude?: string[];
  /** Number columns to one-hot encode (codes such as zip or product ids). */
  categorical?: string[];
  /** Default true. */
  standardize?: boolean;
  /** Regression: standardize the label for training ('auto', the default: when it is far from ±1), or keep it. */
  labelScale?: 'auto' | 'standardize' | 'keep';
  split?: SplitFractions;
  /** A column naming each row's split (train / validation / test); used instead of `split`'s fractions. */
  splitColumn?: string;
  name?: string;
}

export interface ImageImportOptions {
  /** [height, width] in pixels. */
  size: [number, number];
  grayscale?: boolean;
  split?: SplitFractions;
  name?: string;
}

export interface DatasetImportResult {
  dataset: DatasetRecord;
  /** For the result page, as codes with values (main/api/importNotes.ts): rows read, dropped, filled, the split. */
  notes: ImportNote[];
  /** Image folders: the files not read as images, each with why (relative to the folder). */
  skipped?: Array<{ path: string; reason: SkipReason }>;
  /** Image datasets: class counts and a few thumbnails (PNG data URLs) per class. */
  classCounts?: Record<string, number>;
  thumbnails?: Array<{ className: string; dataUrl: string }>;
}

/** What Open model… made of a model file (see main/services/studio/models.ts). */
export interface ModelImportResult {
  /** The graph, opened as the editor shows it; nodes Netwright cannot run are 'onnx:<Op>' nodes with their reason. */
  graph: GraphDocument;
  /** The run of kind 'imported' holding the weights; null while the graph has nodes to replace. */
  runId: string | null;
  report: OnnxImportReport;
}

export interface StartRunRequest {
  graphId?: string;
  spec: ModelSpec;
  config: TrainConfig;
  datasetId: string;
  name?: string;
  tags?: string[];
  /**
   * Start from this run's weights (its best checkpoint, else its last): tensors load by name, else by order, where
   * the shape fits; layers whose shape no longer fits (a different class count) are re-initialized and listed.
   */
  fromRun?: string;
  /** Start from a safetensors weights file (a PyTorch state_dict or a Netwright export); a misfit shape is refused. */
  weights?: FileRef;
}

/** A group of runs (seeds or a sweep) from the graph and settings as they stand: each combination once per seed. */
export interface GroupRequest {
  graphId?: string;
  spec: ModelSpec;
  config: TrainConfig;
  datasetId: string;
  /** Default "Seeds N" or "Sweep N". */
  name?: string;
  plan: SweepPlan;
  /** How many runs train at once, the cores divided between them (default 1: one after another). */
  parallel?: number;
}

/** A group as listed: the record and how many of its runs are in each status. */
export interface GroupSummary {
  group: RunGroup;
  counts: Partial<Record<RunStatus, number>>;
}

/** One run's validation curves for a group's bands: values per epoch (null where there was none). */
export interface GroupCurve {
  runId: string;
  valLoss: Array<number | null>;
  /** The task's validation metric (accuracy, or R² for regression). */
  valMetric: Array<number | null>;
}

export interface GroupDetail extends GroupSummary {
  runs: RunSummary[];
  curves: GroupCurve[];
  /** The task of the group's dataset (which metric valMetric is). */
  task: Task;
}

export interface RunDetail {
  run: Run;
  epochs: EpochRecord[];
  /** Steps thinned to at most a few thousand points for charts. */
  steps: StepRecord[];
  checkpoints: CheckpointRecord[];
  exports: ExportRecord[];
  dataset: DatasetRecord | null;
}

export interface RunChanges {
  name?: string;
  tags?: string[];
  notes?: string;
}

/** One sample and what the model made of it: the input (features, or an image as a PNG data URL) and the output. */
export interface SamplePrediction {
  index: number;
  features?: number[];
  image?: string;
  /** Classification: true and predicted class names and the probabilities. Regression: true and predicted values. */
  trueLabel: string | number;
  predicted: string | number;
  probabilities?: number[];
}

/** A run's predictions for images the user brought (StudioApi.predictImages, `netwright predict RUN folder/`). */
export interface ImagePredictionReport {
  runId: string;
  weights: CheckpointWeights;
  epoch: number;
  classNames: string[];
  predictions: Array<{
    /** The file's name (relative to the folder given). */
    name: string;
    predicted: string;
    /** One per class, in classNames order. */
    probabilities: number[];
    /** The class its sub-folder names, when it sits in one. */
    label?: string;
    /** The image as the model saw it (resized, grayscale or RGB), a PNG data URL (studio only). */
    image?: string;
  }>;
  /** Files that were not images or could not be read, with why: in English, and as a code with values (`why`). */
  skipped: Array<{ path: string; reason: string; why: SkipReason }>;
  /** On the images in sub-folders named for a class (null when none were). */
  accuracy: { correct: number; labelled: number; value: number } | null;
  /** The run's own test accuracy, to compare with. */
  runTestAccuracy: number | null;
}

/** A run's weights to use: those of its best epoch (by validation loss) or of its last. */
export type CheckpointWeights = 'best' | 'last';

export interface PredictionReport {
  split: 'validation' | 'test';
  /** Which weights answered: the best epoch's (restored by early stopping, kept as 'best') or the last epoch's. */
  weights: CheckpointWeights;
  /** The epoch those weights are from. */
  epoch: number;
  metrics: SplitMetrics;
  classNames?: string[];
  samples: SamplePrediction[];
  /** Regression: up to a few thousand (true, predicted) pairs for the scatter plot. */
  scatter?: Array<[number, number]>;
}

/** Weight histograms per layer (from a run's checkpoint): bin edges and counts, plus the share of near-zero weights. */
export interface LayerWeights {
  nodeId: string;
  tensor: string;
  shape: number[];
  edges: number[];
  counts: number[];
  nearZero: number;
  l2: number;
}

/**
 * A few training images of an image dataset as augmentation would change them: per image the original and one
 * PNG data URL per epoch (epochs 1, 2, …, each with that epoch's draws of the run's seed, exactly as training).
 */
export interface AugmentPreview {
  shape: number[];
  samples: Array<{ row: number; label: string; original: string; epochs: string[] }>;
}

/** Feature maps of one convolution-like layer for one input: each channel as a PNG data URL. */
export interface FeatureMaps {
  nodeId: string;
  shape: number[];
  maps: string[];
  input: string | null;
}

/**
 * What the network learned over its input space (two-feature classification: the predicted class at each point of a
 * resolution x resolution grid; one-feature regression: the fitted curve at `resolution` inputs), with the training
 * and validation points. The grid spans the training and validation points' raw feature range plus a margin.
 */
export interface BoundaryMap {
  kind: 'classes' | 'curve';
  /** 'live': the model training now, between two steps; 'checkpoint': the run's best (else last) saved weights. */
  source: 'live' | 'checkpoint';
  /** With source 'checkpoint': the run's best epoch's weights (lowest validation loss, or training loss without a validation split), else its last ones. */
  best: boolean;
  /** Whole epochs trained and optimizer steps taken (live), or the checkpoint's epoch (step null). */
  epoch: number;
  step: number | null;
  resolution: number;
  /** Raw (unstandardized) range of the horizontal axis, and of the vertical one for 'classes'. */
  x: [number, number];
  y: [number, number] | null;
  /** Axis names: the features (and the target for a curve). */
  xName: string;
  yName: string;
  classNames: string[];
  /**
   * 'classes': resolution² x classNames.length probabilities, rows of the grid from the top (largest y) down, each
   * row left to right. 'curve': resolution predicted values, left to right.
   */
  values: number[];
  /** Training and validation points: raw features, and the class index ('classes') or target value ('curve'). */
  points: Array<{ x: number; y: number; label: number; split: 'train' | 'validation' }>;
}

export type ExportFormat = 'onnx' | 'safetensors' | 'pytorch';

export interface ExportOptions {
  /** ONNX: end with a Softmax node (off by default). */
  softmax?: boolean;
  /** ONNX: fold the input standardization in as a first node ('fold') or keep it in the metadata ('metadata'). */
  normalization?: 'fold' | 'metadata';
  /** Which weights: the best epoch's (default) or the last. */
  checkpoint?: 'best' | 'last';
  /** Desktop: where to write (from a save dialog). Web mode: leave out; the file is offered as a download. */
  path?: string;
}

export interface ExportResult {
  record: ExportRecord;
  /** Every file written (a PyTorch export is the script and its weights). Web mode adds a download address. */
  files: Array<{ name: string; path: string; bytes: number; downloadUrl?: string }>;
  /** Which weights, what the file leaves out, how to run it: codes with values (main/api/exportNotes.ts). */
  notes: ExportNote[];
}

/** Pushed to every subscriber: training as it happens and changes of the stored runs. */
export type StudioEvent =
  /** A failed run's `failure` says why as a code the studio words (its English in `error`). */
  | { type: 'run-status'; runId: string; status: RunStatus; error?: string; failure?: RunFailure }
  | {
      type: 'run-progress';
      runId: string;
      epoch: number;
      batch: number;
      batches: number;
      step: number;
      loss: number;
      samplesPerSecond: number;
    }
  | { type: 'run-epoch'; runId: string; record: EpochRecord; epochs: number }
  | { type: 'run-checkpoint'; runId: string; checkpoint: CheckpointRecord }
  | { type: 'run-finished'; runId: string; run: RunSummary }
  | { type: 'datasets-changed' }
  | { type: 'group-status'; groupId: string; status: GroupStatus }
  | { type: 'import-progress'; importId: string; phase: string; fraction: number };

export interface StudioApi {
  getInfo(): Promise<StudioInfo>;

  listGraphs(): Promise<GraphListItem[]>;
  createGraph(name: string, spec: ModelSpec): Promise<GraphDocument>;
  /** Saves a new version of the graph (autosave calls this after each edit settles). */
  saveGraph(graphId: string, spec: ModelSpec, note?: string): Promise<GraphVersionSummary>;
  openGraph(graphId: string): Promise<GraphDocument>;
  renameGraph(graphId: string, name: string): Promise<void>;
  /** A copy of the graph's newest version as a new graph named `name`. */
  duplicateGraph(graphId: string, name: string): Promise<GraphDocument>;
  /** Deletes the graph and its versions; runs that trained it keep their own copy. */
  deleteGraph(graphId: string): Promise<void>;
  /** A template sized for a dataset (input shape and classes), e.g. ('mlp', datasetId). */
  templateSpec(name: string, datasetId?: string): Promise<ModelSpec>;

  /** Where the user left off (see StudioPlace); an empty place before the first save. */
  getPlace(): Promise<StudioPlace>;
  savePlace(place: StudioPlace): Promise<void>;

  listDatasets(): Promise<DatasetRecord[]>;
  /** Writes a built-in sample dataset (once) and returns its record. */
  useSample(name: string): Promise<DatasetRecord>;
  previewCsv(file: FileRef): Promise<CsvPreview>;
  importCsv(file: FileRef, options: CsvImportOptions, importId?: string): Promise<DatasetImportResult>;
  /** Open model…: an ONNX file as a new graph, and a run of kind 'imported' with its weights (when it can run). */
  importModel(file: FileRef, name?: string): Promise<ModelImportResult>;
  /** The classes of an image folder and the size and colour of its images, to propose the import's size and channels. */
  previewImages(folder: FileRef): Promise<ImageFolderPreview>;
  importImages(folder: FileRef, options: ImageImportOptions, importId?: string): Promise<DatasetImportResult>;
  renameDataset(datasetId: string, name: string): Promise<void>;
  deleteDataset(datasetId: string): Promise<void>;

  /**
   * What loading a safetensors weights file onto a graph would do (by name, else by order): the table of loaded,
   * renamed, skipped and left-initialized tensors; a misfit shape is refused naming the tensor and the layer.
   * startRun's `weights` then loads it.
   */
  planWeights(file: FileRef, spec: ModelSpec): Promise<InitialWeights>;
  startRun(request: StartRunRequest): Promise<RunSummary>;
  pauseRun(runId: string): Promise<void>;
  /** Unpauses a paused run (training goes on in the same engine; compare continueRun). */
  unpauseRun(runId: string): Promise<void>;
  stopRun(runId: string): Promise<void>;
  saveCheckpoint(runId: string): Promise<void>;
  /**
   * Changes the learning rate, L1/L2, dropout rates or early-stopping patience of a paused run (refused with a code
   * otherwise, or when a value is out of range). Recorded in the run's settingChanges and its checkpoints; returns
   * the changes made.
   */
  changeSettings(runId: string, changes: SettingsChangeRequest): Promise<SettingChange[]>;
  /** Continues a stopped, failed or interrupted run from its last checkpoint, with settings changed first if given. */
  continueRun(runId: string, changes?: SettingsChangeRequest): Promise<RunSummary>;
  listRuns(query?: RunQuery): Promise<RunSummary[]>;
  getRun(runId: string): Promise<RunDetail>;
  /** The graph a run trained, without its curves: what the runs table reads for each row it shows. */
  getRunGraph(runId: string): Promise<ModelSpec>;
  updateRun(runId: string, changes: RunChanges): Promise<RunSummary>;
  deleteRun(runId: string): Promise<void>;
  listTags(): Promise<Array<{ tag: string; runs: number }>>;

  /** Creates a group of runs (refused, with nothing created, when any of its runs could not train) and queues it. */
  createGroup(request: GroupRequest): Promise<GroupSummary>;
  listGroups(): Promise<GroupSummary[]>;
  getGroup(groupId: string): Promise<GroupDetail>;
  /** Stops the group's running runs and leaves its queued ones unstarted. */
  cancelGroup(groupId: string): Promise<void>;

  /** Predictions on a held-out split, by the best epoch's weights (default) or the last epoch's. */
  predictions(
    runId: string,
    split?: 'validation' | 'test',
    samples?: number,
    weights?: CheckpointWeights,
  ): Promise<PredictionReport>;
  /** Predicted classes and probabilities for an image or a folder of images, prepared as the run's dataset was. */
  predictImages(runId: string, images: FileRef, weights?: CheckpointWeights): Promise<ImagePredictionReport>;
  layerWeights(runId: string): Promise<LayerWeights[]>;
  featureMaps(runId: string, nodeId: string, sampleIndex: number): Promise<FeatureMaps>;
  /** Training images of an image dataset augmented as a run seeded `seed` would see them (samples: 1..12, epochs: 1..8). */
  augmentPreview(
    datasetId: string,
    augmentation: AugmentationConfig,
    seed: number,
    samples?: number,
    epochs?: number,
  ): Promise<AugmentPreview>;
  /** The decision boundary or fitted curve (see BoundaryMap); live while the run trains. resolution: 8..128 (64). */
  boundary(runId: string, resolution?: number): Promise<BoundaryMap>;
  exportRun(runId: string, format: ExportFormat, options?: ExportOptions): Promise<ExportResult>;
}

export type StudioMethod = keyof StudioApi;

/** Every method once (the Record makes the compiler check none is missing), for the transports and their checks. */
const METHOD_SET: Record<StudioMethod, true> = {
  getInfo: true,
  listGraphs: true,
  createGraph: true,
  saveGraph: true,
  openGraph: true,
  renameGraph: true,
  duplicateGraph: true,
  deleteGraph: true,
  templateSpec: true,
  getPlace: true,
  savePlace: true,
  listDatasets: true,
  useSample: true,
  previewCsv: true,
  importCsv: true,
  importModel: true,
  previewImages: true,
  importImages: true,
  renameDataset: true,
  deleteDataset: true,
  planWeights: true,
  startRun: true,
  pauseRun: true,
  unpauseRun: true,
  stopRun: true,
  saveCheckpoint: true,
  changeSettings: true,
  continueRun: true,
  listRuns: true,
  getRun: true,
  getRunGraph: true,
  updateRun: true,
  deleteRun: true,
  listTags: true,
  createGroup: true,
  listGroups: true,
  getGroup: true,
  cancelGroup: true,
  predictions: true,
  predictImages: true,
  layerWeights: true,
  featureMaps: true,
  augmentPreview: true,
  boundary: true,
  exportRun: true,
};
export const STUDIO_METHODS = Object.keys(METHOD_SET) as readonly StudioMethod[];

/** An error the renderer can show as is: `message` names the file, row, column or node. */
export interface StudioErrorPayload {
  message: string;
  /** e.g. 'invalid-argument', 'not-found', 'busy', 'import-failed', 'setting-out-of-range', 'model-too-large'. */
  code: string;
  /** The values a refusal's code is worded with (a setting and its range, a node and the memory it needs). */
  params?: Record<string, string | number>;
  nodeId?: string;
}
