// What the compare view draws and tabulates for chosen runs: per run, training (solid) and validation (dashed) curves
// of loss and of the task's metric in the run's own colour (its index among the compared runs, the same in every
// chart, legend and histogram), and its best and last epochs' validation numbers.
import type { EpochRecord, Run } from '../../../main/api/types';
import type { ChartSeries } from '../ui/chart';
import { bestEpochOf } from '../training/curveSeries';
import { epochSeries, validationSeries } from '../training/history';
import { smooth, type Point } from '../training/smoothing';

export interface ComparedRun {
  run: Run;
  epochs: EpochRecord[];
}

/** The task's metric: accuracy for classifiers, R² for regressions (mean squared error), as the runs table shows. */
export type CompareMetric = 'accuracy' | 'r2';

export function metricOf(compared: readonly ComparedRun[]): CompareMetric {
  return compared.length > 0 && compared.every(({ run }) => run.trainConfig.loss === 'mse') ? 'r2' : 'accuracy';
}

export interface CompareOptions {
  /** Runs the legend switched off, by id: left out of every chart. */
  hidden: ReadonlySet<string>;
  smoothing: number;
  /** The split's name after the run's name: "Run 2 · validation". */
  words: { train: string; validation: string };
}

function curves(
  compared: readonly ComparedRun[],
  options: CompareOptions,
  train: (epochs: readonly EpochRecord[]) => Point[],
  validation: (epochs: readonly EpochRecord[]) => Point[],
  axis: string,
): ChartSeries[] {
  const out: ChartSeries[] = [];
  compared.forEach(({ run, epochs }, index) => {
    if (options.hidden.has(run.id)) return;
    const trained = train(epochs);
    if (trained.length > 0)
      out.push({
        label: `${run.name} · ${options.words.train}`,
        points: smooth(trained, options.smoothing),
        color: index,
        axis,
      });
    const validated = validation(epochs);
    if (validated.length > 0)
      out.push({
        label: `${run.name} · ${options.words.validation}`,
        points: smooth(validated, options.smoothing),
        color: index,
        dashed: true,
        axis,
      });
  });
  return out;
}

export function lossCurves(compared: readonly ComparedRun[], options: CompareOptions): ChartSeries[] {
  return curves(
    compared,
    options,
    (epochs) => epochSeries(epochs, (r) => r.trainLoss),
    (epochs) => epochSeries(epochs, (r) => r.valLoss),
    'loss',
  );
}

export function metricCurves(
  compared: readonly ComparedRun[],
  metric: CompareMetric,
  options: CompareOptions,
): ChartSeries[] {
  if (metric === 'r2')
    // Regression records R² on the validation split only.
    return curves(
      compared,
      options,
      () => [],
      (epochs) => validationSeries(epochs, 'r2'),
      'r2',
    );
  return curves(
    compared,
    options,
    (epochs) => epochSeries(epochs, (r) => r.trainAccuracy),
    (epochs) => epochSeries(epochs, (r) => r.valAccuracy),
    'accuracy',
  );
}

/** The last epoch any compared run reached: every chart's epoch axis ends there, so the charts line up. */
export function lastEpochOfAll(compared: readonly ComparedRun[]): number {
  return Math.max(1, ...compared.map(({ epochs }) => epochs.at(-1)?.epoch ?? 0));
}

export interface EpochNumbers {
  epoch: number;
  /** Validation loss and metric of that epoch (null when not recorded). */
  loss: number | null;
  score: number | null;
}

export interface CompareRow {
  runId: string;
  name: string;
  color: number;
  /** The epoch with the lowest validation loss (the weights kept as 'best'); null without validation. */
  best: EpochNumbers | null;
  /** The last epoch (the weights kept as 'last'). */
  last: EpochNumbers | null;
}

function numbersAt(record: EpochRecord | undefined, metric: CompareMetric): EpochNumbers | null {
  if (!record) return null;
  const validation = record.metrics.validation as Record<string, unknown> | null | undefined;
  const r2 = validation?.r2;
  return {
    epoch: record.epoch,
    loss: record.valLoss,
    score: metric === 'r2' ? (typeof r2 === 'number' ? r2 : null) : record.valAccuracy,
  };
}

/** One row per compared run (hidden ones too: the table is where they are switched back on). */
export function compareRows(compared: readonly ComparedRun[], metric: CompareMetric): CompareRow[] {
  return compared.map(({ run, epochs }, index) => {
    const best = bestEpochOf(epochs);
    return {
      runId: run.id,
      name: run.name,
      color: index,
      best: numbersAt(
        epochs.find((e) => e.epoch === best),
        metric,
      ),
      last: numbersAt(epochs.at(-1), metric),
    };
  });
}
