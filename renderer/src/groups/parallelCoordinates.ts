// A sweep's runs as parallel coordinates, as plain data: one vertical axis per swept setting and a last one for the
// final validation metric; each completed run is a line through its values, coloured by that metric, so the
// settings of the best runs can be read off together (the scatter shows one setting at a time).
import { isLogScale, parseSettingKey } from '../../../engine/core/train/sweep';
import { validationMetricOf } from '../../../engine/core/train/sweepStats';
import type { GroupDetail } from '../../../main/api/types';

export interface ParallelAxis {
  /** The swept setting's key, or null for the metric's axis. */
  key: string | null;
  log: boolean;
  /** Labels along the axis, `at` from 0 (bottom) to 1 (top). */
  ticks: Array<{ at: number; label: string }>;
}

export interface ParallelLine {
  runId: string;
  /** One height per axis, 0 (bottom) to 1 (top), in the axes' order. */
  heights: number[];
  /** The run's final metric, and where it lies between the worst (0) and the best (1) of the lines. */
  metric: number;
  shade: number;
  /** The run's values in the axes' order, for its tooltip. */
  values: Array<number | string>;
}

export interface ParallelPlot {
  axes: ParallelAxis[];
  /** Worst first, so the best runs are drawn on top. */
  lines: ParallelLine[];
}

/** Short text for a value on an axis: at most 4 significant digits, exponent form for very small or large ones. */
export function axisLabel(value: number | string): string {
  if (typeof value === 'string') return value;
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) return value.toExponential(1);
  return String(Number(value.toPrecision(4)));
}

type Scale = { at: (v: number | string) => number; ticks: ParallelAxis['ticks']; log: boolean };

/** Numbers spread from their smallest (0) to their largest (1), on a log scale when asked; texts evenly, sorted. */
function scaleOf(values: Array<number | string>, wantLog: boolean): Scale {
  if (values.some((v) => typeof v === 'string')) {
    const categories = [...new Set(values.map(String))].sort();
    const at = (v: number | string) =>
      categories.length === 1 ? 0.5 : categories.indexOf(String(v)) / (categories.length - 1);
    return { at, ticks: categories.map((c) => ({ at: at(c), label: c })), log: false };
  }
  const numbers = values as number[];
  const log = wantLog && numbers.every((v) => v > 0);
  const f = (v: number) => (log ? Math.log10(v) : v);
  const low = Math.min(...numbers.map(f));
  const high = Math.max(...numbers.map(f));
  const at = (v: number | string) => (high > low ? (f(v as number) - low) / (high - low) : 0.5);
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  // Every value when there are few (a grid's steps), else the two ends.
  const shown = distinct.length <= 6 ? distinct : [distinct[0], distinct[distinct.length - 1]];
  return { at, ticks: shown.map((v) => ({ at: at(v), label: axisLabel(v) })), log };
}

/**
 * The plot of a group's completed runs with a final metric, or null when fewer than two settings were swept (one
 * setting against the metric is the scatter) or fewer than two runs have finished.
 */
export function parallelPlot(detail: GroupDetail, keys: readonly string[]): ParallelPlot | null {
  if (keys.length < 2) return null;
  const metricName = validationMetricOf(detail.task);
  const runs = detail.runs.flatMap((run) => {
    const metric = run.finalMetrics?.[metricName];
    const values = keys.map((key) => run.group?.assignment[key]);
    if (run.status !== 'completed' || typeof metric !== 'number' || !Number.isFinite(metric)) return [];
    if (values.some((v) => v === undefined)) return [];
    return [{ runId: run.id, metric, values: values as Array<number | string> }];
  });
  if (runs.length < 2) return null;
  const scales = keys.map((key, i) => {
    const setting = parseSettingKey(key);
    return scaleOf(
      runs.map((r) => r.values[i]),
      setting !== null && isLogScale(setting),
    );
  });
  const metricScale = scaleOf(
    runs.map((r) => r.metric),
    false,
  );
  const lines = runs
    .map((r) => ({
      runId: r.runId,
      heights: [...r.values.map((v, i) => scales[i].at(v)), metricScale.at(r.metric)],
      metric: r.metric,
      shade: metricScale.at(r.metric),
      values: [...r.values, r.metric],
    }))
    .sort((a, b) => a.metric - b.metric);
  const axes: ParallelAxis[] = [
    ...keys.map((key, i) => ({ key, log: scales[i].log, ticks: scales[i].ticks })),
    { key: null, log: false, ticks: metricScale.ticks },
  ];
  return { axes, lines };
}

/** Viridis' ends and middle (dark purple for the worst, yellow for the best): readable on light and dark. */
const RAMP: Array<[number, number, number]> = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The colour of `shade` (0 worst … 1 best) on the ramp, as rgb(). */
export function shadeColour(shade: number): string {
  const t = Math.min(1, Math.max(0, Number.isFinite(shade) ? shade : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - i;
  const [r, g, b] = RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f));
  return `rgb(${r}, ${g}, ${b})`;
}
