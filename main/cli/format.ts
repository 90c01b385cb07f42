// How the command line shows numbers: split metrics as short objects and text, durations, dates, and tables.
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { SettingChange } from '../../engine/core/train/settingChanges';

/** The headline numbers of a split: loss with accuracy (classification) or MAE, RMSE and R² (regression). */
export interface SplitScore {
  loss: number;
  accuracy?: number;
  mae?: number;
  rmse?: number;
  r2?: number;
  count: number;
}

export function splitScore(m: SplitMetrics): SplitScore {
  return {
    loss: m.loss,
    ...(m.accuracy !== undefined ? { accuracy: m.accuracy } : {}),
    ...(m.mae !== undefined ? { mae: m.mae } : {}),
    ...(m.rmse !== undefined ? { rmse: m.rmse } : {}),
    ...(m.r2 !== undefined ? { r2: m.r2 } : {}),
    count: m.count,
  };
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** "loss 0.1234, accuracy 96.7%" or "loss 0.0102, MAE 0.0811, R² 0.982". */
export function scoreText(s: SplitScore): string {
  const parts = [`loss ${s.loss.toFixed(4)}`];
  if (s.accuracy !== undefined) parts.push(`accuracy ${percent(s.accuracy)}`);
  if (s.mae !== undefined) parts.push(`MAE ${s.mae.toPrecision(4)}`);
  if (s.r2 !== undefined) parts.push(`R² ${s.r2.toFixed(3)}`);
  return parts.join(', ');
}

export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

/** Local time, minutes: "2025-03-01 14:05". */
export function dateText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Columns padded to their widest cell; `right` columns (numbers) align right. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const SETTING_NAMES: Record<SettingChange['setting'], string> = {
  learningRate: 'learning rate',
  l1: 'L1',
  l2: 'L2',
  dropout: 'dropout',
  patience: 'early-stopping patience',
};

/** "at epoch 3 (step 57): learning rate 0.01 → 0.005" (dropout names its layer). */
export function settingChangeText(change: SettingChange): string {
  const name = change.setting === 'dropout' ? `dropout of ${change.nodeId}` : SETTING_NAMES[change.setting];
  return `at epoch ${change.epoch} (step ${change.step}): ${name} ${change.from} → ${change.to}`;
}
