// The records the experiment store hands out. Times are epoch milliseconds (Date.now()); JSON columns come back parsed.
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import type { SettingChange } from '../../../engine/core/train/settingChanges';
import type { InitialWeights } from '../../../engine/core/io/weightsMatch';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import type { RunFailure } from '../../../engine/core/train/runFailure';
import type { Assignment, SweepKind, SweepPlan } from '../../../engine/core/train/sweep';

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
}

export interface Graph {
  id: string;
  projectId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** One saved state of a graph; `version` counts 1, 2, 3 ... within its graph. */
export interface GraphVersionSummary {
  id: number;
  graphId: string;
  version: number;
  note: string;
  createdAt: number;
}

export interface GraphVersion extends GraphVersionSummary {
  spec: ModelSpec;
}

export type DatasetKind = DatasetManifest['source']['kind'];

export interface DatasetRecord {
  id: string;
  name: string;
  kind: DatasetKind;
  /** The dataset folder (engine/core/data/dataset.ts). */
  folder: string;
  manifest: DatasetManifest;
  sourcePath: string;
  sourceSha256: string | null;
  createdAt: number;
}

export const RUN_STATUSES = ['queued', 'running', 'paused', 'completed', 'stopped', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Metric name → value, e.g. { val_loss: 0.31, val_accuracy: 0.92 }. */
export type MetricValues = Record<string, number>;

/** How a run got its weights: trained by Netwright, or imported from a model file (no epochs). */
export const RUN_KINDS = ['trained', 'imported'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** A run as listed: everything but the graph snapshot. */
export interface RunSummary {
  id: string;
  projectId: string;
  graphVersionId: number | null;
  datasetId: string | null;
  name: string;
  trainConfig: TrainConfig;
  splitSeed: number;
  seed: number;
  status: RunStatus;
  /** Why a failed or interrupted run ended, in English (runs that ended before failure codes were kept have only this). */
  error: string | null;
  /** Why a failed or interrupted run ended, as a code with values the studio and the CLI word (null for other runs). */
  failure: RunFailure | null;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Time spent in 'running', summed over pauses and resumes, in ms (up to the last status change). */
  durationMs: number;
  bestMetrics: MetricValues | null;
  finalMetrics: MetricValues | null;
  bestEpoch: number | null;
  tags: string[];
  notes: string;
  kind: RunKind;
  /**
   * The run's place in a group of seeds or a sweep: null (the store always says) or absent (summaries built
   * elsewhere, as tests do) for a run started on its own.
   */
  group?: RunGroupPlace | null;
}

export interface RunGroupPlace {
  groupId: string;
  /** Which combination of the swept settings (0-based); the seeds of one combination share it. */
  combination: number;
  /** The swept settings' values, keyed as sweep.ts's settingKey writes them ({} for a repeat with seeds). */
  assignment: Assignment;
}

export const GROUP_STATUSES = ['queued', 'running', 'completed', 'cancelled'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** A group of runs made from one base graph and config: repeated with seeds, or a sweep over settings. */
export interface RunGroup {
  id: string;
  projectId: string;
  name: string;
  kind: SweepKind;
  /** The graph and config every run started from, before the swept settings were applied. */
  graph: ModelSpec;
  trainConfig: TrainConfig;
  graphVersionId: number | null;
  datasetId: string | null;
  plan: SweepPlan;
  /** How many runs train at once. */
  parallel: number;
  status: GroupStatus;
  createdAt: number;
  endedAt: number | null;
}

export interface Run extends RunSummary {
  /** The graph exactly as it was trained (later edits of the graph do not change it). */
  graph: ModelSpec;
  /** Settings changed at pauses or when continuing, in order (its checkpoints hold the same list). */
  settingChanges: SettingChange[];
  /** The run whose weights this one started from (fine-tuning), or null. */
  fromRun: string | null;
  /** The starting weights' file and what was loaded, renamed, skipped or re-initialized; null when trained from scratch. */
  initialWeights: InitialWeights | null;
}

/** Loss and accuracy that were NaN (a diverged run) read back as null. */
export interface EpochRecord {
  epoch: number; // 1-based
  trainLoss: number | null;
  trainAccuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  lr: number | null;
  /** Everything else of the epoch: per-class accuracy, confusion matrix, per-layer norms, timings. */
  metrics: Record<string, unknown>;
}

export interface StepRecord {
  step: number; // global optimizer step, 1-based
  epoch: number;
  /** null where the loss was not a number (SQLite keeps no NaN). */
  loss: number | null;
  lr: number | null;
  samplesPerSecond: number | null;
}

export type CheckpointKind = 'best' | 'last' | 'manual';

export interface CheckpointRecord {
  id: number;
  runId: string;
  epoch: number;
  kind: CheckpointKind;
  path: string;
  metrics: MetricValues | null;
  createdAt: number;
}

export interface ExportRecord {
  id: number;
  runId: string;
  /** e.g. 'onnx', 'safetensors', 'pytorch'. */
  format: string;
  path: string;
  createdAt: number;
}
