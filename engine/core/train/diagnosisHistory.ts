// One diagnosis for a recorded run, shared by the studio and the CLI so both show the same verdicts: stored epochs
// (NaN kept as null) read back as diagnose() records, and the run's configuration and graph as its setup.
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from './config';
import { diagnose, nonFiniteLossVerdict, type EpochRecord, type NonFiniteLossInfo } from './diagnose';
import type { Verdict } from './diagnosisCodes';
import { runSetup } from './diagnosisSetup';
import { divergedAt, type RunFailure } from './runFailure';

/** An epoch as the store keeps it: NaN and infinities become null (JSON has neither). */
export interface StoredEpoch {
  epoch: number;
  trainLoss: number | null;
  valLoss: number | null;
  trainAccuracy: number | null;
  valAccuracy: number | null;
  lr: number | null;
  metrics: Record<string, unknown>;
}

/** The stored metrics JSON keeps NaN and infinities as null (JSON has neither): read them back as NaN. */
export function storedNumber(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

/** Per-layer norms as stored, with null read back as NaN. */
export function storedNorms(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, number> = {};
  for (const [layer, norm] of Object.entries(value as Record<string, unknown>)) out[layer] = storedNumber(norm);
  return out;
}

/**
 * A stored epoch as diagnose() reads it. A null loss is a NaN the store could not keep, so it becomes NaN again
 * (diagnose then reports the divergence); a missing validation split leaves valLoss out.
 */
export function fromStoredEpoch(record: StoredEpoch): EpochRecord {
  const validation = record.metrics.validation;
  const out: EpochRecord = { epoch: record.epoch, trainLoss: record.trainLoss ?? NaN, lr: record.lr ?? NaN };
  if (record.valLoss !== null) out.valLoss = record.valLoss;
  else if (validation && typeof validation === 'object') out.valLoss = NaN;
  if (record.trainAccuracy !== null) out.trainAccuracy = record.trainAccuracy;
  if (record.valAccuracy !== null) out.valAccuracy = record.valAccuracy;
  const gradNorms = storedNorms(record.metrics.gradNorms);
  if (gradNorms) out.gradNorms = gradNorms;
  const weightNorms = storedNorms(record.metrics.weightNorms);
  if (weightNorms) out.weightNorms = weightNorms;
  return out;
}

/**
 * Stored epochs already read, by the record: the studio diagnoses a training run again at every refresh, with the
 * same records and a few new ones (records are never changed once made; diagnose() only reads them).
 */
const readEpochs = new WeakMap<StoredEpoch, EpochRecord>();

function readEpoch(record: StoredEpoch): EpochRecord {
  let read = readEpochs.get(record);
  if (!read) {
    read = fromStoredEpoch(record);
    readEpochs.set(record, read);
  }
  return read;
}

export interface RecordedRun {
  epochs: readonly StoredEpoch[];
  config?: TrainConfig | null;
  spec?: ModelSpec | null;
  /** The number of classes for a classification dataset. */
  numClasses?: number;
  /** Where the loss became NaN or infinite mid-epoch, when that ended the run (its failure, divergedAt). */
  diverged?: NonFiniteLossInfo | null;
}

/** How many samples the latest epoch's validation loss was measured on, if the store kept it. */
export function validationCount(epochs: readonly StoredEpoch[]): number | undefined {
  const validation = epochs[epochs.length - 1]?.metrics.validation;
  const count = validation && typeof validation === 'object' ? (validation as { count?: unknown }).count : undefined;
  return typeof count === 'number' && count > 0 ? count : undefined;
}

/**
 * The loss of predicting the mean, for a regression run: the latest epoch's validation baselineLoss (in the loss's
 * units: the standardized targets' when the dataset standardizes them, whose RMSE is in the label's), or for runs
 * recorded before it, the validation targets' variance, which the validation RMSE and R² give (R² = 1 - MSE /
 * variance). The diagnosis judges "high" and "converged" against it rather than against the first epoch's loss,
 * which a first epoch that blew up makes huge (a model no better than the mean then read as converged at 0.007% of
 * it).
 */
export function regressionBaseline(epochs: readonly StoredEpoch[]): number | undefined {
  for (let i = epochs.length - 1; i >= 0; i--) {
    const validation = epochs[i].metrics.validation as
      { rmse?: unknown; r2?: unknown; baselineLoss?: unknown } | null | undefined;
    const { rmse, r2, baselineLoss } = validation ?? {};
    if (typeof baselineLoss === 'number' && Number.isFinite(baselineLoss) && baselineLoss > 0) return baselineLoss;
    if (typeof rmse !== 'number' || typeof r2 !== 'number' || !Number.isFinite(rmse) || !Number.isFinite(r2)) continue;
    if (1 - r2 > 1e-9) return (rmse * rmse) / (1 - r2);
  }
  return undefined;
}

/**
 * The verdicts on a recorded run. A run stopped mid-epoch by a NaN or infinite loss has not recorded that epoch:
 * unless its epochs already show the divergence, the verdict is where the engine saw the loss break, alone (what the
 * epochs before it say is not what ended the run).
 */
export function diagnoseRecordedRun(run: RecordedRun): Verdict[] {
  const setup = runSetup(run.config, run.spec, run.numClasses);
  const samples = validationCount(run.epochs);
  if (samples !== undefined) setup.validationSamples = samples;
  const baseline = setup.numClasses === undefined ? regressionBaseline(run.epochs) : undefined;
  if (baseline !== undefined && baseline > 0) setup.baselineLoss = baseline;
  const verdicts = diagnose(run.epochs.map(readEpoch), setup);
  if (!run.diverged || verdicts.some((v) => v.code === 'non-finite-loss' || v.code === 'non-finite-weights'))
    return verdicts;
  return [nonFiniteLossVerdict(run.diverged, setup)];
}

/** The classes a dataset's loss is judged against (guessing scores ln of their count): a classification's only. */
export function classCountOf(manifest: { task: string; classNames?: readonly string[] } | null | undefined) {
  return manifest?.task === 'classification' ? manifest.classNames?.length : undefined;
}

/**
 * The verdicts on a run as the store keeps it (its graph, settings and failure), its recorded epochs and its
 * dataset's manifest (null when the dataset is gone): what pages and tables showing many finished runs say of each.
 */
export function diagnoseStoredRun(
  run: { trainConfig: TrainConfig; graph: ModelSpec; failure: RunFailure | null },
  epochs: readonly StoredEpoch[],
  manifest: { task: string; classNames?: readonly string[] } | null | undefined,
): Verdict[] {
  return diagnoseRecordedRun({
    epochs,
    config: run.trainConfig,
    spec: run.graph,
    numClasses: classCountOf(manifest),
    diverged: divergedAt(run.failure),
  });
}
