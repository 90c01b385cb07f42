// What `predict` writes for each input row: the predicted class with the probability of every class, or the
// predicted value(s); as CSV or JSON lines. When the file also holds the label column, the predictions are
// scored against it (accuracy, or MAE and R²).
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { isMissing, parseNumber } from '../services/datasets/csv/values';

/** What the outputs mean: a dataset's manifest, or for an imported run the classes and targets by index. */
export type OutputMeaning = Pick<DatasetManifest, 'task' | 'classNames' | 'targetNames'>;

export interface Predictions {
  count: number;
  outputs: Float32Array;
  outputSize: number;
  classes?: Int32Array;
}

/** Softmax over the logits, or for a single logit (two classes) the sigmoid as [1 - p, p]. */
export function probabilities(logits: ArrayLike<number>): number[] {
  if (logits.length === 1) {
    const p = 1 / (1 + Math.exp(-logits[0]));
    return [1 - p, p];
  }
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

/** A CSV cell, quoted when it holds the delimiter, a quote, a line break or surrounding spaces. */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface OutputShape {
  header: string[];
  row(k: number): Array<string | number>;
  json(k: number): Record<string, unknown>;
}

export function outputShape(manifest: OutputMeaning, p: Predictions): OutputShape {
  if (manifest.task === 'classification') {
    const classNames = manifest.classNames ?? [];
    const name = (c: number) => classNames[c] ?? String(c);
    const probs = (k: number) => probabilities(p.outputs.subarray(k * p.outputSize, (k + 1) * p.outputSize));
    return {
      header: ['predicted', ...classNames.map((c) => `probability_${c}`)],
      row: (k) => [name(p.classes![k]), ...probs(k).map((v) => Number(v.toPrecision(6)))],
      json: (k) => ({
        predicted: name(p.classes![k]),
        probabilities: Object.fromEntries(probs(k).map((v, c) => [name(c), v])),
      }),
    };
  }
  const targets = manifest.targetNames ?? [];
  const single = p.outputSize === 1;
  const values = (k: number) => Array.from(p.outputs.subarray(k * p.outputSize, (k + 1) * p.outputSize));
  return {
    header: single ? ['predicted'] : values(0).map((_, t) => `predicted_${targets[t] ?? t}`),
    row: (k) => values(k),
    json: (k) => ({
      predicted: single ? values(k)[0] : Object.fromEntries(values(k).map((v, t) => [targets[t] ?? String(t), v])),
    }),
  };
}

export interface PredictionScore {
  /** Rows whose label cell held a value. */
  labelled: number;
  accuracy?: number;
  mae?: number;
  r2?: number;
}

/** Scores predictions against the label cells of the input (missing cells are left out). */
export function scoreAgainstLabels(
  manifest: OutputMeaning,
  p: Predictions,
  labels: readonly string[],
  decimalComma: boolean,
): PredictionScore | null {
  const present = labels.map((cell, k) => [cell, k] as const).filter(([cell]) => !isMissing(cell));
  if (present.length === 0) return null;
  if (manifest.task === 'classification') {
    const classNames = manifest.classNames ?? [];
    let right = 0;
    for (const [cell, k] of present) {
      const truth = cell.trim();
      const predicted = classNames[p.classes![k]] ?? '';
      const asNumber = parseNumber(truth, decimalComma);
      if (truth === predicted || (!Number.isNaN(asNumber) && String(asNumber) === predicted)) right++;
    }
    return { labelled: present.length, accuracy: right / present.length };
  }
  const pairs = present
    .map(([cell, k]) => [parseNumber(cell.trim(), decimalComma), p.outputs[k * p.outputSize]] as const)
    .filter(([t]) => !Number.isNaN(t));
  if (pairs.length === 0) return null;
  const mean = pairs.reduce((s, [t]) => s + t, 0) / pairs.length;
  let absolute = 0;
  let squares = 0;
  let total = 0;
  for (const [t, y] of pairs) {
    absolute += Math.abs(t - y);
    squares += (t - y) ** 2;
    total += (t - mean) ** 2;
  }
  return { labelled: pairs.length, mae: absolute / pairs.length, ...(total > 0 ? { r2: 1 - squares / total } : {}) };
}
