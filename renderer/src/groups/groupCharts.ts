// A group's charts and table as plain data: per combination of settings, the mean curve across seeds with a band of
// ± 1 standard deviation; the table of mean ± std; and the points of a setting against the final metric.
import { isLogScale, parseSettingKey } from '../../../engine/core/train/sweep';
import {
  bandOf,
  combinationTable,
  validationMetricOf,
  type CombinationRow,
} from '../../../engine/core/train/sweepStats';
import type { GroupDetail } from '../../../main/api/types';
import type { ChartSeries, Point } from '../ui/chart';

/** "lr=0.01, batch=64", or '' for a repeat with seeds. */
export function combinationLabel(assignment: Record<string, number | string>): string {
  return Object.entries(assignment)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/**
 * The values a curve can take: a loss is never below 0, an accuracy lies in [0, 1], R² is at most 1. A band's edge
 * past them (0.0006 ± 0.0007 for a loss) would draw the axis below 0, where no run went.
 */
function rangeOf(which: 'valLoss' | 'valMetric', task: GroupDetail['task']): [number, number] {
  if (which === 'valLoss') return [0, Infinity];
  return validationMetricOf(task) === 'val_accuracy' ? [0, 1] : [-Infinity, 1];
}

/**
 * Per combination: its band's lower and upper edges (mean ∓ 1 std, kept inside the values the curve can take) and
 * its mean line, coloured by combination. `which` picks the validation loss or the task's validation metric.
 */
export function bandSeries(detail: GroupDetail, which: 'valLoss' | 'valMetric', meanLabel: string): ChartSeries[] {
  const curves = new Map(detail.curves.map((c) => [c.runId, c[which]]));
  const byCombination = new Map<number, { label: string; curves: Array<Array<number | null>> }>();
  for (const run of detail.runs) {
    const combination = run.group?.combination ?? 0;
    const entry = byCombination.get(combination) ?? {
      label: combinationLabel(run.group?.assignment ?? {}) || meanLabel,
      curves: [],
    };
    entry.curves.push(curves.get(run.id) ?? []);
    byCombination.set(combination, entry);
  }
  return [...byCombination.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([combination, { label, curves: runs }]) => {
      const band = bandOf(runs);
      const [low, high] = rangeOf(which, detail.task);
      const edge = (sign: number): Point[] =>
        band.map((p) => ({ x: p.epoch, y: Math.min(high, Math.max(low, p.mean + sign * p.std)) }));
      return [
        { label: `${label} −1σ`, points: edge(-1), color: combination, band: 'lower' as const },
        { label: `${label} +1σ`, points: edge(1), color: combination, band: 'upper' as const },
        { label, points: band.map((p) => ({ x: p.epoch, y: p.mean })), color: combination },
      ];
    });
}

export function groupTable(detail: GroupDetail): CombinationRow[] {
  const metric = validationMetricOf(detail.task);
  return combinationTable(
    detail.runs.map((r) => ({
      status: r.status,
      combination: r.group?.combination ?? 0,
      assignment: r.group?.assignment ?? {},
      finalMetrics: r.finalMetrics,
      bestMetrics: r.bestMetrics,
    })),
    [metric],
  );
}

/** The swept settings of a group (keys of its assignments, in order). */
export function sweptKeys(detail: GroupDetail): string[] {
  return [...new Set(detail.runs.flatMap((r) => Object.keys(r.group?.assignment ?? {})))];
}

/** Each completed run as a point: its value of setting `key` against its final validation metric. */
export function scatterOf(
  detail: GroupDetail,
  key: string,
): { points: Point[]; logX: boolean; numeric: boolean; xRange: [number, number] | null } {
  const metric = validationMetricOf(detail.task);
  const setting = parseSettingKey(key);
  const points: Point[] = [];
  let numeric = true;
  for (const run of detail.runs) {
    const x = run.group?.assignment[key];
    const y = run.finalMetrics?.[metric];
    if (typeof x !== 'number') numeric = numeric && x === undefined;
    if (run.status !== 'completed' || typeof x !== 'number' || typeof y !== 'number') continue;
    points.push({ x, y });
  }
  const logX = setting !== null && isLogScale(setting) && points.every((p) => p.x > 0);
  return { points, logX, numeric, xRange: paddedRange(points, logX) };
}

/**
 * The x axis of the scatter with room either side, so the smallest and largest values swept are not drawn on the
 * chart's edges: a factor of 1.5 on a log axis, 5 % of the span (or of the value, when there is one) on a linear one.
 */
export function paddedRange(points: readonly Point[], log: boolean): [number, number] | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const [low, high] = [Math.min(...xs), Math.max(...xs)];
  if (log) return [low / 1.5, high * 1.5];
  const pad = high > low ? (high - low) * 0.05 : Math.abs(low) * 0.1 || 1;
  return [low - pad, high + pad];
}
