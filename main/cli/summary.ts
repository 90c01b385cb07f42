// The end-of-training report of `train` and `continue`: run, status, split sizes, the best checkpoint's metrics on
// the validation and test splits (computed by the engine, as `evaluate` does) and the final epoch's, and the
// checkpoint files; as one JSON object (the same in every language) or as a few lines of text in the user's language.
import { classCountOf, diagnoseRecordedRun } from '../../engine/core/train/diagnosisHistory';
import { divergedAt, type RunFailure } from '../../engine/core/train/runFailure';
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { EngineClient } from '../../engine/host/parent/client';
import type { Store } from '../services/store';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import type { DatasetRecord, RunStatus } from '../services/store/types';
import type { SettingChange } from '../../engine/core/train/settingChanges';
import { splitNote, splitSource } from '../services/datasets/splitSource';
import { evaluateSplit } from './checkpoints';
import { failureText } from './failureText';
import { diagnosisJson, diagnosisLines, type VerdictJson } from './diagnosisText';
import type { FollowedRun } from './follow';
import { durationText, scoreText, settingChangeText, splitScore, type SplitScore } from './format';
import { speaker, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';

export interface StageMetrics {
  epoch: number;
  validation: SplitScore | null;
  test: SplitScore | null;
}

export interface RunReport {
  type: 'summary';
  runId: string;
  name: string;
  /** As recorded in the store: completed, stopped or failed. */
  status: RunStatus;
  /** How training ended, in the engine's words: completed, early-stopped, stopped, diverged (null when it failed). */
  outcome: string | null;
  /** Why a failed run failed: in English, and as a code with values (engine/core/train/runFailure.ts). */
  error: string | null;
  failure: RunFailure | null;
  dataset: { id: string; name: string };
  task: string;
  rows: number;
  split: { train: number; validation: number; test: number };
  /** Where a fixed split came from ("from folders train/, test/", "from column 'split'"); null for a seeded split. */
  splitFrom: string | null;
  epochs: number;
  epochsPlanned: number;
  /** The best checkpoint (lowest validation loss): its epoch and its metrics on both held-out splits. */
  best: StageMetrics | null;
  /**
   * The weights the run ends with (the last epoch's, or the best epoch's when early stopping restored them): that
   * epoch's validation metrics and the test metrics the engine computed with them when training ended.
   */
  final: StageMetrics | null;
  checkpoint: string | null;
  lastCheckpoint: string | null;
  durationMs: number;
  /** The final verdicts on the run's history, as the studio shows them: code, its parameters, severity and advice. */
  diagnosis: VerdictJson[];
  /** Settings changed at pauses or when continuing: epoch, step, setting, from, to. */
  settingChanges: SettingChange[];
}

const score = (m: SplitMetrics | null | undefined) => (m ? splitScore(m) : null);

export async function runReport(
  store: Store,
  engine: () => Promise<EngineClient>,
  dataset: DatasetRecord,
  followed: FollowedRun,
): Promise<RunReport> {
  const { run, outcome } = followed;
  const epochs = store.metrics.listEpochs(run.id);
  const last = epochs.at(-1);
  const bestCheckpoint = store.checkpoints.latestCheckpoint(run.id, 'best');
  const lastCheckpoint = store.checkpoints.latestCheckpoint(run.id, 'last');
  // 'final' is the weights the run ends with: after early stopping restored the best epoch's, that epoch's, so its
  // validation and test scores come from the same weights.
  const ended = outcome && outcome.status !== 'diverged' ? outcome : null;
  const ending = (ended && epochs.find((e) => e.epoch === ended.weightsEpoch)) || last;
  const final: StageMetrics | null = ending
    ? {
        epoch: ending.epoch,
        validation: score(ending.metrics.validation as SplitMetrics | null | undefined),
        test: score(ended ? ended.test : null),
      }
    : null;
  let best: StageMetrics | null = null;
  if (bestCheckpoint && ended?.test && final?.validation && bestCheckpoint.epoch === ended.weightsEpoch) {
    // The best checkpoint holds the weights the run ended with, whose validation and test scores the engine has just
    // computed (the same evaluation, bit for bit at any thread count): evaluating the file again would load the
    // dataset twice more and run both splits through the model (seconds on 60,000 images) for the same numbers.
    best = final;
  } else if (bestCheckpoint) {
    // The training engine may die once the run is recorded (a kill, memory): a fresh one evaluates instead.
    const evaluateBest = async () => {
      const client = await engine();
      return {
        epoch: bestCheckpoint.epoch,
        validation: score(await evaluateSplit(client, bestCheckpoint.path, dataset, 'validation')),
        test: score(await evaluateSplit(client, bestCheckpoint.path, dataset, 'test')),
      };
    };
    best = await evaluateBest().catch(evaluateBest);
  }
  const { manifest } = dataset;
  const numClasses = classCountOf(manifest);
  const { graph: spec, settingChanges } = store.runs.getRun(run.id);
  // A loss that became NaN mid-epoch stopped the run before that epoch was recorded: the engine says where.
  const diverged = outcome?.status === 'diverged' ? outcome.at : divergedAt(run.failure);
  const verdicts = diagnoseRecordedRun({ epochs, config: run.trainConfig, spec, numClasses, diverged });
  return {
    type: 'summary',
    runId: run.id,
    name: run.name,
    status: run.status,
    outcome: outcome?.status ?? null,
    error: run.error,
    failure: run.failure,
    dataset: { id: dataset.id, name: dataset.name },
    task: manifest.task,
    rows: manifest.count,
    split: manifest.split.counts,
    splitFrom: splitSource(manifest.split),
    epochs: last?.epoch ?? 0,
    epochsPlanned: run.trainConfig.epochs,
    best,
    final,
    checkpoint: bestCheckpoint?.path ?? lastCheckpoint?.path ?? null,
    lastCheckpoint: lastCheckpoint?.path ?? null,
    durationMs: run.durationMs,
    diagnosis: diagnosisJson(verdicts),
    settingChanges,
  };
}

function stageText(
  title: 'stageBest' | 'stageFinal' | 'stageFinalRestored',
  stage: StageMetrics,
  locale: CliLocale,
): string {
  const words = speaker(TRAINING_WORDS, locale);
  const parts = [
    stage.validation ? words('stageValidation', { score: scoreText(stage.validation, locale) }) : null,
    stage.test ? words('stageTest', { score: scoreText(stage.test, locale) }) : null,
  ].filter((p): p is string => p !== null);
  return words('stage', {
    title: words(title),
    epoch: stage.epoch,
    scores: parts.length ? parts.join(TRAINING_WORDS[locale].semicolon) : words('noHeldOut'),
  });
}

/** ", split from column 'split'" or ", split from folders train/, test/"; nothing for a seeded random split. */
function splitFromText(split: DatasetManifest['split'], locale: CliLocale): string {
  const note = splitNote(split);
  const words = speaker(TRAINING_WORDS, locale);
  if (note?.code === 'split-from-column') return words('splitFromColumn', note.values);
  if (note?.code === 'split-from-folders') return words('splitFromFolders', note.values);
  return '';
}

/** The summary as lines of text; `split` is the dataset's, whose source the report gives in English. */
export function reportText(report: RunReport, split: DatasetManifest['split'], locale: CliLocale): string {
  const words = speaker(TRAINING_WORDS, locale);
  const s = report.split;
  const lines = [
    words('runEnded', {
      id: report.runId.slice(0, 8),
      name: report.name,
      status: words(report.outcome === 'early-stopped' ? 'status_early-stopped' : `status_${report.status}`),
      epochs: report.epochs,
      planned: report.epochsPlanned,
      duration: durationText(report.durationMs, locale),
    }),
    words('datasetSplit', {
      name: report.dataset.name,
      rows: report.rows,
      train: s.train,
      validation: s.validation,
      test: s.test,
      from: splitFromText(split, locale),
    }),
  ];
  const failed = failureText(report.failure, report.error, locale);
  if (failed) lines.push(words('error', { error: failed }));
  if (report.best) lines.push(stageText('stageBest', report.best, locale));
  // After early stopping restored the best epoch's weights, 'final' is that epoch, not the last one trained: said so.
  const restored = report.final !== null && report.final.epoch < report.epochs;
  if (report.final) lines.push(stageText(restored ? 'stageFinalRestored' : 'stageFinal', report.final, locale));
  for (const change of report.settingChanges)
    lines.push(words('settingChanged', { change: settingChangeText(change, locale) }));
  lines.push(...diagnosisLines(report.diagnosis, locale));
  if (report.checkpoint) lines.push(words('checkpoint', { path: report.checkpoint }));
  return `${lines.join('\n')}\n`;
}
