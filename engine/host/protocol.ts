// The one message protocol between the main process and the engine process: a typed union on `type` each way.
import type { InitialWeights } from '../core/io/weightsMatch';
import type { ModelSpec } from '../core/spec/types';
import type { TrainConfig } from '../core/train/config';
import type { SettingChange, SettingsChangeRequest } from '../core/train/settingChanges';
import type { RunFailure } from '../core/train/runFailure';
import type { BatchProgress, EpochMetrics, RunOutcome, SplitMetrics } from '../core/train/trainer';

export const PROTOCOL_VERSION = 1;

/** Where a run's files go: the engine writes checkpoints here itself (temp file, flush, rename). */
export interface RunFiles {
  /** Folder for this run's checkpoints. */
  dir: string;
}

export interface StartRun {
  type: 'start';
  runId: string;
  spec: ModelSpec;
  config: TrainConfig;
  /** Folder of a dataset in the on-disk format (engine/core/data/dataset.ts). */
  datasetDir: string;
  files: RunFiles;
  /** Continue from this checkpoint (written by an earlier run with the same spec, config and data). */
  resumeFrom?: string;
  /** Settings to change before continuing (a resumed run): recorded at the checkpoint's step, as at a pause. */
  changes?: SettingsChangeRequest;
  /** Start from these weights (another run's checkpoint or a weights file) instead of the seeded ones; not on resume. */
  initialWeights?: InitialWeights;
  /** Save a 'last' checkpoint every this many epochs (default 1). */
  checkpointEvery?: number;
  /** Write each of 'last' and 'best' at most once per this many milliseconds (default 1000; see checkpointSaver.ts). */
  checkpointIntervalMs?: number;
}

export type ToEngine =
  | StartRun
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  | { type: 'save-checkpoint'; runId: string }
  /** Change settings of a paused run (checked by the parent with checkSettingsChange); answered 'settings-changed'. */
  | { type: 'change-settings'; requestId: string; runId: string; changes: SettingsChangeRequest }
  | {
      type: 'evaluate';
      requestId: string;
      checkpoint: string;
      datasetDir: string;
      split: 'train' | 'validation' | 'test' | 'all';
    }
  | { type: 'predict'; requestId: string; checkpoint: string; inputs: Float32Array; count: number }
  | { type: 'activations'; requestId: string; checkpoint: string; inputs: Float32Array; nodeId: string }
  /**
   * The live model's outputs for `count` raw input rows (standardized by the engine as in training), answered with
   * 'grid' at the run's next step boundary (at once while paused): the decision boundary drawn during training.
   */
  | { type: 'probe-grid'; requestId: string; runId: string; inputs: Float32Array; count: number }
  | { type: 'set-threads'; threads: number }
  | { type: 'shutdown' };

export type RunStatus = 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

export type FromEngine =
  | { type: 'ready'; protocol: number; isa: string; threads: number; pid: number }
  /** A 'failed' status says why as a code (`failure`, engine/core/train/runFailure.ts), and an error's own message. */
  | { type: 'status'; runId: string; status: RunStatus; message?: string; failure?: RunFailure }
  | ({ type: 'progress'; runId: string } & BatchProgress)
  | { type: 'epoch'; runId: string; metrics: EpochMetrics; improved: boolean }
  | { type: 'checkpoint'; runId: string; epoch: number; kind: 'best' | 'last' | 'manual'; path: string }
  | { type: 'finished'; runId: string; outcome: RunOutcome }
  /**
   * Settings changed (at a pause, or when continuing: then without a requestId): `made` now, `all` the run's whole
   * list. The run's 'last' and 'best' checkpoints have been rewritten with the list before this is sent.
   */
  | { type: 'settings-changed'; runId: string; requestId?: string; made: SettingChange[]; all: SettingChange[] }
  | { type: 'evaluation'; requestId: string; metrics: SplitMetrics }
  | { type: 'prediction'; requestId: string; outputs: Float32Array; outputSize: number; classes?: Int32Array }
  /** A probe's answer: count x outputSize raw outputs (logits or values) after `step` optimizer steps. */
  | { type: 'grid'; requestId: string; epoch: number; step: number; outputs: Float32Array; outputSize: number }
  /** One sample's output of `nodeId` (eval mode), shape without the batch dimension. */
  | { type: 'activations'; requestId: string; nodeId: string; shape: number[]; values: Float32Array }
  | { type: 'error'; runId?: string; requestId?: string; message: string };

/** The transport: Node's child-process IPC or Electron's utilityProcess parentPort, seen the same way. */
export interface EnginePort {
  post(message: FromEngine): void;
  onMessage(handler: (message: ToEngine) => void): void;
  /** False once the parent has gone (its IPC channel closed); a port without a way to tell says true. */
  parentConnected?(): boolean;
}
