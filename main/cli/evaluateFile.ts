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

export interface FileEvaluation {
  type: 'evaluation';
  runId: string;
  data: string;
  checkpoint: { kind: string; epoch: number };
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
    if (!score)
      throw new Error(
        `${data}: no images in sub-folders named for the run's classes (${report.classNames.join(', ')}), so there is nothing to score`,
      );
  } else {
    if (statSync(data).isDirectory())
      throw new Error(`${data}: is a folder, but run '${run.name}' was trained on a table: give a CSV file`);
    const input = await encodeTableFile(data, manifest);
    if (!input.labels)
      throw new Error(`${data}: has no label column '${manifest.table?.labelColumn ?? 'label'}' to score against`);
    score = scoreAgainstLabels(
      manifest,
      await predictAll(engine, checkpoint.path, input),
      input.labels,
      input.decimalComma,
    );
    if (!score) throw new Error(`${data}: every label cell is empty, so there is nothing to score`);
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

export function fileEvaluationText(result: FileEvaluation, run: RunSummary): string {
  // English for now: this command's own words are not in the CLI's tables yet.
  const own = result.runTest ? splitScoreText(result.runTest, 'en') : 'none (its dataset has no test rows)';
  return (
    `run ${run.id.slice(0, 8)} '${run.name}', ${result.checkpoint.kind} checkpoint (epoch ${result.checkpoint.epoch}):
` +
    `  ${result.data}: ${scoreText(result.score, 'en')}
` +
    `  the run's own test split: ${own}` +
    `${result.score.accuracy !== undefined && result.runTest?.accuracy !== undefined ? ` (${percent(result.score.accuracy)} here against ${percent(result.runTest.accuracy)})` : ''}
`
  );
}
