// How the command line shows numbers: split metrics as short objects and text, durations, dates, and tables (in
// the language of trainingWords.ts; Chinese characters take two columns of a terminal).
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { SettingChange } from '../../engine/core/train/settingChanges';
import { numberText } from '../api/numberText';
import { speaker, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';

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

/**
 * A loss: four decimals, as the tables have always read; four significant digits below 0.001, where four decimals
 * said 0.0000 of a well-fitted standardized label; grouped in thousands from 10,000 (a loss in squared dollars).
 */
export function lossText(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) return String(Number(value.toPrecision(4)));
  return Math.abs(value) >= 10_000 ? numberText(Number(value.toFixed(2))) : value.toFixed(4);
}

/** MAE or RMSE: four significant digits, grouped in thousands from 10,000 (262,700 rather than 2.627e+5). */
export function errorText(value: number): string {
  return numberText(Number(value.toPrecision(4)));
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * A metric as text, or "n/a" where it is no number: the store keeps NaN and infinities as null (JSON has neither),
 * so a diverged epoch's metrics read back as null, whatever their type says.
 */
export function metricText(value: number | null, format: (value: number) => string, locale: CliLocale): string {
  return typeof value === 'number' && Number.isFinite(value) ? format(value) : TRAINING_WORDS[locale].notAvailable;
}

/** "loss 0.1234, accuracy 96.7%" or "loss 0.0102, MAE 0.0811, R² 0.982" (in Chinese "损失 0.1234，准确率 96.7%"). */
export function scoreText(s: SplitScore, locale: CliLocale): string {
  const words = speaker(TRAINING_WORDS, locale);
  const text = (value: number | null, format: (value: number) => string) => metricText(value, format, locale);
  const parts = [words('scoreLoss', { loss: text(s.loss, lossText) })];
  if (s.accuracy !== undefined) parts.push(words('scoreAccuracy', { accuracy: text(s.accuracy, percent) }));
  if (s.mae !== undefined) parts.push(words('scoreMae', { mae: text(s.mae, errorText) }));
  if (s.r2 !== undefined) parts.push(words('scoreR2', { r2: text(s.r2, (v) => v.toFixed(3)) }));
  return parts.join(TRAINING_WORDS[locale].listSeparator);
}

/** "850 ms", "12.5 s", "3m 05s", "1h 02m" (in Chinese "3 分 05 秒"). */
export function durationText(ms: number, locale: CliLocale): string {
  const words = speaker(TRAINING_WORDS, locale);
  if (ms < 1000) return words('milliseconds', { ms: Math.round(ms) });
  const seconds = ms / 1000;
  if (seconds < 60) return words('seconds', { seconds: seconds.toFixed(1) });
  const whole = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours > 0
    ? words('hours', { hours, minutes: two(minutes) })
    : words('minutes', { minutes, seconds: two(whole % 60) });
}

/** Local time, minutes: "2025-03-01 14:05". */
export function dateText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Wide characters (CJK, Hangul, full-width forms) take two columns of a terminal. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** `text` with spaces after it up to `width` terminal columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Columns padded to their widest cell; `right` columns (numbers) align right. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) =>
        right.has(c) ? ' '.repeat(Math.max(0, widths[c] - displayWidth(cell))) + cell : padToWidth(cell, widths[c]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** "at epoch 3 (step 57): learning rate 0.01 → 0.005" (dropout names its layer). */
export function settingChangeText(change: SettingChange, locale: CliLocale): string {
  const words = speaker(TRAINING_WORDS, locale);
  const setting =
    change.setting === 'dropout'
      ? words('dropoutOf', { node: String(change.nodeId) })
      : TRAINING_WORDS[locale][`setting_${change.setting}`];
  return words('settingChange', {
    epoch: change.epoch,
    step: change.step,
    setting,
    from: change.from,
    to: change.to,
  });
}
