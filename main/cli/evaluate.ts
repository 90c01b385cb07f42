// `netwright evaluate RUN`: the metrics of a run's best checkpoint (or its last) on the validation or test split,
// computed by the engine; per-class accuracy and the confusion matrix for classifiers. With --data, a separate
// labelled file or image folder instead (evaluateFile.ts). An imported run has no dataset: --data FILE.csv with
// --label COLUMN scores it (accuracy, or MAE and R²), and an imported image classifier is scored on a folder whose
// sub-folders are named for its output indices (0/, 1/, …).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SplitMetrics } from '../../engine/core/train/trainer';
import { readLayout } from '../services/datasets/csv/layout';
import type { RunSummary } from '../services/store/types';
import { importedImageModel, takesImages } from '../services/studio/imageModel';
import { predictImages } from '../services/studio/imagePredictions';
import { choiceOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { evaluateSplit, runCheckpoint, runDataset } from './checkpoints';
import { evaluateFile, fileEvaluationText } from './evaluateFile';
import { errorText, percent, scoreText, splitScore, table } from './format';
import { LIST_WORDS } from './listWords';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, say, speaker, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';
import { columnChoice, importedModel, numericRowEncoder } from './importedRows';
import { encodeFile, predictAll, predictionScoreText } from './predictFile';
import { scoreAgainstLabels } from './predictOutput';
import { resolveRun } from './runRef';
import { withWorkspace, type Workspace } from './workspace';
import { CliError } from './errorWords';

export const EVALUATE_USAGE = inEachLanguage(
  (locale) =>
    `netwright evaluate RUN [--split validation|test | --data FILE.csv|FOLDER/] [--checkpoint best|last] [--json]${HELP_WORDS[locale].evaluateImported}`,
);

function confusionText(confusion: number[][], classNames: string[], locale: CliLocale): string {
  const header = [LIST_WORDS[locale].confusionCorner, ...classNames];
  const rows = confusion.map((row, k) => [classNames[k] ?? String(k), ...row.map(String)]);
  return table(header, rows, new Set(classNames.map((_, k) => k + 1)));
}

function metricsText(metrics: SplitMetrics, classNames: string[] | undefined, locale: CliLocale): string {
  const words = speaker(LIST_WORDS, locale);
  const lines = [scoreText(splitScore(metrics), locale)];
  if (metrics.rmse !== undefined) lines[0] += words('rmse', { rmse: errorText(metrics.rmse) });
  if (metrics.perClassAccuracy && classNames) {
    const classes = metrics.perClassAccuracy.map((a, k) => `${classNames[k] ?? k} ${percent(a)}`);
    lines.push(words('perClass', { classes: classes.join(TRAINING_WORDS[locale].listSeparator) }));
  }
  if (metrics.confusion && classNames) lines.push(confusionText(metrics.confusion, classNames, locale));
  return `${lines.join('\n')}\n`;
}

/** An imported image classifier scored on the images of `folder` whose sub-folder names an output index. */
async function evaluateImportedImages(
  workspace: Workspace,
  run: RunSummary,
  folder: string,
  args: ParsedArgs,
): Promise<number> {
  if (args.options.has('label') || args.options.has('columns'))
    throw new UsageError('table-options-for-images', { run: run.name }, EVALUATE_USAGE);
  const stored = workspace.store.runs.getRun(run.id);
  const model = importedImageModel(stored);
  const report = await predictImages(
    await workspace.engine(),
    stored,
    runCheckpoint(workspace.store, run),
    model,
    folder,
  );
  if (!report.accuracy)
    throw new CliError('no-images-for-outputs', { data: folder, classes: model.classNames.join(', ') });
  const { correct, labelled, value } = report.accuracy;
  if (args.options.has('json'))
    process.stdout.write(
      `${JSON.stringify({ type: 'evaluation', runId: run.id, name: run.name, data: resolve(folder), labelled, correct, accuracy: value })}\n`,
    );
  else {
    const words = speaker(LIST_WORDS, cliLocale());
    const id = run.id.slice(0, 8);
    const accuracy = percent(value);
    process.stdout.write(`${words('importedOnImages', { id, name: run.name, folder, accuracy, correct, labelled })}\n`);
  }
  return 0;
}

/** An imported run scored on a labelled CSV file: the predictions against the label column. */
async function evaluateImported(
  workspace: Workspace,
  run: RunSummary,
  file: string,
  args: ParsedArgs,
): Promise<number> {
  const choice = columnChoice(args);
  if (choice.label === undefined) throw new UsageError('label-of-evaluation', { file }, EVALUATE_USAGE);
  if (!existsSync(file)) throw new CliError('no-such-file', { file });
  const checkpoint = runCheckpoint(workspace.store, run);
  const { width, meaning } = importedModel(workspace.store.runs.getRun(run.id));
  const layout = readLayout(file, {});
  const input = await encodeFile(file, layout, numericRowEncoder(file, layout, width, choice));
  const predictions = await predictAll(await workspace.engine(), checkpoint.path, input);
  const score = scoreAgainstLabels(meaning, predictions, input.labels!, input.decimalComma);
  if (!score) {
    const code = meaning.task === 'classification' ? 'no-class-to-score' : 'no-number-to-score';
    throw new CliError(code, { data: file, column: choice.label });
  }
  if (args.options.has('json'))
    process.stdout.write(
      `${JSON.stringify({ type: 'evaluation', runId: run.id, name: run.name, data: resolve(file), rows: predictions.count, ...score })}\n`,
    );
  else {
    const locale = cliLocale();
    const values = { id: run.id.slice(0, 8), name: run.name, file, rows: predictions.count };
    const text = say(LIST_WORDS, locale, 'importedOnFile', { ...values, score: predictionScoreText(score, locale) });
    process.stdout.write(`${text}\n`);
  }
  return 0;
}

/** The splits `evaluate` scores, as the Chinese sentences name them. */
const SPLITS_ZH = { validation: '验证', test: '测试' } as const;

export async function evaluate(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    { values: ['split', 'checkpoint', 'data', 'label', 'columns'], flags: ['json'] },
    EVALUATE_USAGE,
  );
  if (args.positional.length !== 1) throw new UsageError('run-to-evaluate', {}, EVALUATE_USAGE);
  const split = choiceOption(args, 'split', ['validation', 'test'] as const, 'test');
  const which = choiceOption(args, 'checkpoint', ['best', 'last'] as const, 'best');
  return withWorkspace(async (workspace) => {
    const run = resolveRun(workspace.store.runs.listRuns(), args.positional[0]);
    const data = args.options.get('data');
    if (run.kind === 'imported') {
      if (typeof data !== 'string') throw new UsageError('imported-run-needs-data', { run: run.name }, EVALUATE_USAGE);
      const images = existsSync(data) && statSync(data).isDirectory();
      if (images && takesImages(workspace.store.runs.getRun(run.id)))
        return evaluateImportedImages(workspace, run, data, args);
      return evaluateImported(workspace, run, data, args);
    }
    if (args.options.has('label') || args.options.has('columns'))
      throw new UsageError('table-options-for-own-data', { run: run.name }, EVALUATE_USAGE);
    const checkpoint = runCheckpoint(workspace.store, run, which);
    const dataset = runDataset(workspace.store, run);
    if (typeof data === 'string') {
      if (args.options.has('split')) throw new UsageError('data-and-split');
      const result = await evaluateFile(await workspace.engine(), run, checkpoint, dataset, data);
      process.stdout.write(
        args.options.has('json') ? `${JSON.stringify(result)}\n` : fileEvaluationText(result, run, cliLocale()),
      );
      return 0;
    }
    const metrics = await evaluateSplit(await workspace.engine(), checkpoint.path, dataset, split);
    if (!metrics)
      throw new CliError('no-split-rows', { dataset: dataset.name, split }, { zh: { split: SPLITS_ZH[split] } });
    const classNames = dataset.manifest.classNames;
    if (args.options.has('json')) {
      process.stdout.write(
        `${JSON.stringify({
          type: 'evaluation',
          runId: run.id,
          name: run.name,
          split,
          checkpoint: { kind: checkpoint.kind, epoch: checkpoint.epoch, path: checkpoint.path },
          ...splitScore(metrics),
          metrics,
          ...(classNames ? { classNames } : {}),
        })}\n`,
      );
    } else {
      const locale = cliLocale();
      const heading = speaker(LIST_WORDS, locale)('evaluation', {
        id: run.id.slice(0, 8),
        name: run.name,
        checkpoint: LIST_WORDS[locale][`checkpoint_${checkpoint.kind}`],
        epoch: checkpoint.epoch,
        split: LIST_WORDS[locale][`split_${split}`],
        dataset: dataset.name,
        rows: metrics.count,
      });
      process.stdout.write(`${heading}\n${metricsText(metrics, classNames, locale)}`);
    }
    return 0;
  });
}
