// A run's curves as chart series (loss, the task's metric, learning rate), each on its metric's own axis, smoothed as
// asked, with the best and last epochs marked: shared by the Train view and the run page.
import type { EpochRecord } from '../../../main/api/types';
import type { ChartSeries } from '../ui/chart';
import { epochSeries, validationSeries } from './history';
import { smooth, type Point } from './smoothing';

/** The words the curves need (keys of trainMessages). */
export type CurveWord =
  | 'stepLoss'
  | 'trainLoss'
  | 'valLoss'
  | 'trainAcc'
  | 'valAcc'
  | 'valMae'
  | 'valR2'
  | 'learningRate'
  | 'bestMarker'
  | 'lastMarker';

export interface CurveInput {
  epochs: readonly EpochRecord[];
  /** Loss per optimizer step, drawn faintly on the epoch axis when the steps per epoch are known. */
  steps: ReadonlyArray<{ step: number; loss: number }>;
  stepsPerEpoch: number | null;
  regression: boolean;
  /** 0 (none) … 0.95 (see smoothing.ts). */
  smoothing: number;
  words: (key: CurveWord, params?: Record<string, string | number>) => string;
}

export interface RunCurves {
  loss: ChartSeries[];
  metric: ChartSeries[];
  lr: ChartSeries[];
  /** The epoch with the lowest validation loss (whose weights are kept as 'best'), and the last one. */
  bestEpoch: number | null;
  lastEpoch: number | null;
}

/** The epoch with the lowest validation loss, as the engine keeps its best weights (null without validation). */
/**
 * Whether the epochs' losses span two decades or more (a blow-up at 178 beside a curve near 0.3): on a linear axis the
 * rest of the curve is then a flat line at the bottom, so the loss chart starts on a log axis (the user can switch).
 */
export function lossSpansDecades(epochs: readonly EpochRecord[]): boolean {
  let low = Infinity;
  let high = 0;
  for (const e of epochs) {
    for (const loss of [e.trainLoss, e.valLoss]) {
      if (typeof loss !== 'number' || !(loss > 0) || !Number.isFinite(loss)) continue;
      low = Math.min(low, loss);
      high = Math.max(high, loss);
    }
  }
  return high >= 100 * low;
}

export function bestEpochOf(epochs: readonly EpochRecord[]): number | null {
  let best: EpochRecord | null = null;
  for (const e of epochs) if (e.valLoss !== null && (best === null || e.valLoss < best.valLoss!)) best = e;
  return best?.epoch ?? null;
}

/** Markers for the best and last epochs on one curve (taken from the unsmoothed values). */
function markers(points: Point[], best: number | null, last: number | null, input: CurveInput, axis: string) {
  const out: ChartSeries[] = [];
  const at = (epoch: number | null) => (epoch === null ? undefined : points.find((p) => p.x === epoch));
  const bestPoint = at(best);
  if (bestPoint)
    out.push({
      label: input.words('bestMarker', { epoch: best! }),
      points: [bestPoint],
      color: 'accent',
      marker: true,
      axis,
    });
  const lastPoint = at(last);
  if (lastPoint && last !== best)
    out.push({
      label: input.words('lastMarker', { epoch: last! }),
      points: [lastPoint],
      color: 'text',
      marker: true,
      axis,
    });
  return out;
}

export function runCurves(input: CurveInput): RunCurves {
  const { epochs, smoothing: amount, words } = input;
  const bestEpoch = bestEpochOf(epochs);
  const lastEpoch = epochs.at(-1)?.epoch ?? null;
  const line = (label: CurveWord, points: Point[], color: ChartSeries['color'], axis: string): ChartSeries => ({
    label: words(label),
    points: smooth(points, amount),
    color,
    axis,
  });

  const stepPoints = input.stepsPerEpoch
    ? input.steps.map((s) => ({ x: s.step / input.stepsPerEpoch!, y: s.loss }))
    : [];
  const valLoss = epochSeries(epochs, (r) => r.valLoss);
  const loss: ChartSeries[] = [
    { ...line('stepLoss', stepPoints, 'train', 'loss'), faint: true },
    line(
      'trainLoss',
      epochSeries(epochs, (r) => r.trainLoss),
      'train',
      'loss',
    ),
    line('valLoss', valLoss, 'validation', 'loss'),
    ...markers(valLoss, bestEpoch, lastEpoch, input, 'loss'),
  ];

  let metric: ChartSeries[];
  if (input.regression) {
    // MAE is in the target's units, R² at most 1: each on its own axis, or R² is drawn flat.
    const mae = validationSeries(epochs, 'mae');
    metric = [
      line('valMae', mae, 'validation', 'mae'),
      { ...line('valR2', validationSeries(epochs, 'r2'), 'accent', 'r2'), dashed: true },
      ...markers(mae, bestEpoch, lastEpoch, input, 'mae'),
    ];
  } else {
    const valAccuracy = epochSeries(epochs, (r) => r.valAccuracy);
    metric = [
      line(
        'trainAcc',
        epochSeries(epochs, (r) => r.trainAccuracy),
        'train',
        'accuracy',
      ),
      line('valAcc', valAccuracy, 'validation', 'accuracy'),
      ...markers(valAccuracy, bestEpoch, lastEpoch, input, 'accuracy'),
    ];
  }
  const lr: ChartSeries[] = [
    { label: words('learningRate'), points: epochSeries(epochs, (r) => r.lr), color: 'accent', axis: 'lr' },
  ];
  return { loss, metric, lr, bestEpoch, lastEpoch };
}
