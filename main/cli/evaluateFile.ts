// `netwright evaluate RUN --data FILE.csv|FOLDER/`: a run's best (or last) checkpoint scored on a separate labelled
// file (the label column of a CSV table, or images in sub-folders named for the classes), next to the run's own
// test metrics on its dataset's test split.
import { existsSync, statSync } from 'node:fs';
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { EngineClient } from '../../engine/host/parent/client';
import { datasetImageModel } from '../services/studio/imageModel';
import { predictImages } from '../services/studio/imagePredictions';
import type { CheckpointRecord, DatasetRecord, RunSummary } from '../services/store/types';
import { evaluateSplit } from './checkpoints';
import { percent, scoreText as splitScoreText, splitScore } from './format';
import { encodeTableFile, predictAll, predictionScoreText as scoreText } from './predictFile';
import { scoreAgainstLabels, type PredictionScore } from './predictOutput';
import { CliError } from './errorWords';
import { LIST_WORDS } from './listWords';
import { speaker, type CliLocale } from './locale';

export interface FileEvaluation {
  type: 'evaluation';
  runId: string;
  data: string;
  checkpoint: { kind: CheckpointRecord['kind']; epoch: number };
  /** On the file: how many samples had a label, and the accuracy (classes) or MAE and R² (numbers). */
  score: PredictionScore;
  /** The run's own test split, by the same checkpoint (null when its dataset has no test rows). */
  runTest: ReturnType<typeof splitScore> | null;
}

export async function evaluateFile(
  engine: EngineClient,
  run: RunSummary,
  checkpoint: CheckpointRecord,
  dataset: DatasetRecord,
  data: string,
): Promise<FileEvaluation> {
  if (!existsSync(data)) throw new CliError('no-such-file-or-folder', { file: data });
  const { manifest } = dataset;
  let score: PredictionScore | null;
  if (manifest.source.kind === 'images') {
    const report = await predictImages(engine, run, checkpoint, datasetImageModel(run, manifest), data);
    score = report.accuracy ? { labelled: report.accuracy.labelled, accuracy: report.accuracy.value } : null;
    if (!score) throw new CliError('no-images-to-score', { data, classes: report.classNames.join(', ') });
  } else {
    if (statSync(data).isDirectory()) throw new CliError('folder-for-table', { data, run: run.name });
    const input = await encodeTableFile(data, manifest);
    if (!input.labels)
      throw new CliError('no-label-to-score', { data, column: manifest.table?.labelColumn ?? 'label' });
    score = scoreAgainstLabels(
      manifest,
      await predictAll(engine, checkpoint.path, input),
      input.labels,
      input.decimalComma,
    );
    if (!score) throw new CliError('labels-empty', { data });
  }
  const test: SplitMetrics | null = await evaluateSplit(engine, checkpoint.path, dataset, 'test');
  return {
    type: 'evaluation',
    runId: run.id,
    data,
    checkpoint: { kind: checkpoint.kind, epoch: checkpoint.epoch },
    score,
    runTest: test ? splitScore(test) : null,
  };
}

export function fileEvaluationText(result: FileEvaluation, run: RunSummary, locale: CliLocale): string {
  const words = speaker(LIST_WORDS, locale);
  const { checkpoint, score, runTest } = result;
  const heading = words('fileEvaluation', {
    id: run.id.slice(0, 8),
    name: run.name,
    checkpoint: words(`checkpoint_${checkpoint.kind}`),
    epoch: checkpoint.epoch,
  });
  const compared =
    score.accuracy !== undefined && runTest?.accuracy !== undefined
      ? words('hereAgainst', { here: percent(score.accuracy), own: percent(runTest.accuracy) })
      : '';
  const own = runTest ? splitScoreText(runTest, locale) : words('noTestRows');
  return `${heading}
  ${words('fileScore', { data: result.data, score: scoreText(score, locale) })}
  ${words('ownTestSplit', { score: own, compared })}
`;
}
