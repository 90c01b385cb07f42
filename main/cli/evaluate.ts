// `netwright evaluate RUN`: the metrics of a run's best checkpoint (or its last) on the validation or test split,
// computed by the engine; per-class accuracy and the confusion matrix for classifiers. With --data, a separate
// labelled file or image folder instead (evaluateFile.ts).
import type { SplitMetrics } from '../../engine/core/train/trainer';
import { choiceOption, parseArgs, UsageError } from './args';
import { evaluateSplit, runCheckpoint, runDataset } from './checkpoints';
import { evaluateFile, fileEvaluationText } from './evaluateFile';
import { percent, scoreText, splitScore, table } from './format';
import { resolveRun } from './runRef';
import { withWorkspace } from './workspace';

export const EVALUATE_USAGE =
  'netwright evaluate RUN [--split validation|test | --data FILE.csv|FOLDER/] [--checkpoint best|last] [--json]';

function confusionText(confusion: number[][], classNames: string[]): string {
  const header = ['true \\ predicted', ...classNames];
  const rows = confusion.map((row, k) => [classNames[k] ?? String(k), ...row.map(String)]);
  return table(header, rows, new Set(classNames.map((_, k) => k + 1)));
}

function metricsText(metrics: SplitMetrics, classNames: string[] | undefined): string {
  const lines = [scoreText(splitScore(metrics))];
  if (metrics.rmse !== undefined) lines[0] += `, RMSE ${metrics.rmse.toPrecision(4)}`;
  if (metrics.perClassAccuracy && classNames) {
    lines.push(
      `per class: ${metrics.perClassAccuracy.map((a, k) => `${classNames[k] ?? k} ${percent(a)}`).join(', ')}`,
    );
  }
  if (metrics.confusion && classNames) lines.push(confusionText(metrics.confusion, classNames));
  return `${lines.join('\n')}\n`;
}

export async function evaluate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['split', 'checkpoint', 'data'], flags: ['json'] }, EVALUATE_USAGE);
  if (args.positional.length !== 1) throw new UsageError('say which run to evaluate', EVALUATE_USAGE);
  const split = choiceOption(args, 'split', ['validation', 'test'] as const, 'test');
  const which = choiceOption(args, 'checkpoint', ['best', 'last'] as const, 'best');
  return withWorkspace(async (workspace) => {
    const run = resolveRun(workspace.store.runs.listRuns(), args.positional[0]);
    const checkpoint = runCheckpoint(workspace.store, run, which);
    const dataset = runDataset(workspace.store, run);
    const data = args.options.get('data');
    if (typeof data === 'string') {
      if (args.options.has('split')) throw new UsageError('--data and --split are two different things to evaluate on');
      const result = await evaluateFile(await workspace.engine(), run, checkpoint, dataset, data);
      process.stdout.write(args.options.has('json') ? `${JSON.stringify(result)}\n` : fileEvaluationText(result, run));
      return 0;
    }
    const metrics = await evaluateSplit(await workspace.engine(), checkpoint.path, dataset, split);
    if (!metrics) throw new Error(`dataset '${dataset.name}' has no ${split} rows to evaluate on`);
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
      process.stdout.write(
        `run ${run.id.slice(0, 8)} '${run.name}', ${checkpoint.kind} checkpoint (epoch ${checkpoint.epoch}), ` +
          `${split} split of '${dataset.name}' (${metrics.count} rows):\n${metricsText(metrics, classNames)}`,
      );
    }
    return 0;
  });
}
