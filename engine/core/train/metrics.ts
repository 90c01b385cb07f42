// Streaming evaluation metrics: add one batch at a time (no allocation per batch), read the totals at the end.
import type { TargetNormalization } from '../data/dataset';
import { checkTargetNormalization, targetScaleOf } from '../data/targetNormalization';

export interface ClassificationResult {
  /** Rows seen. */
  count: number;
  /** Fraction of rows predicted correctly; NaN when no rows were added. */
  accuracy: number;
  /** Per class: of the rows truly in the class, the fraction predicted as it (recall); 0 when the class has no rows. */
  perClassAccuracy: number[];
  /** Per class: of the rows predicted as the class, the fraction truly in it; 0 when nothing was predicted as it. */
  precision: number[];
  /** Per class: harmonic mean of precision and recall; 0 when both are 0. */
  f1: number[];
  /** Per class: rows truly in the class. */
  support: number[];
  /** confusion[trueClass][predictedClass] = rows. */
  confusion: number[][];
  /** Unweighted means over the classes that occur as a label or a prediction (as scikit-learn's 'macro'). */
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
}

export class ClassificationMetrics {
  /** Row-major [true][predicted] counts. */
  private readonly confusion: Float64Array;
  private count = 0;

  constructor(readonly classes: number) {
    if (!Number.isInteger(classes) || classes < 2) {
      throw new Error(`classification metrics need at least 2 classes (got ${classes})`);
    }
    this.confusion = new Float64Array(classes * classes);
  }

  reset(): void {
    this.confusion.fill(0);
    this.count = 0;
  }

  /** The first `count` rows of a batch: predicted and true class indices. */
  add(predicted: Int32Array, labels: Int32Array, count: number): void {
    if (!Number.isInteger(count) || count < 0 || count > predicted.length || count > labels.length) {
      throw new Error(
        `classification metrics: ${count} rows requested but the batch holds ${predicted.length} predictions and ${labels.length} labels`,
      );
    }
    const k = this.classes;
    for (let i = 0; i < count; i++) {
      const truth = labels[i];
      const guess = predicted[i];
      if (truth < 0 || truth >= k)
        throw new Error(`classification metrics: row ${i} of the batch has label ${truth}, outside 0..${k - 1}`);
      if (guess < 0 || guess >= k)
        throw new Error(`classification metrics: row ${i} of the batch has prediction ${guess}, outside 0..${k - 1}`);
      this.confusion[truth * k + guess]++;
    }
    this.count += count;
  }

  result(): ClassificationResult {
    const k = this.classes;
    const confusion: number[][] = [];
    const support = new Array<number>(k).fill(0);
    const predictedAs = new Array<number>(k).fill(0);
    let correct = 0;
    for (let t = 0; t < k; t++) {
      const row = Array.from(this.confusion.subarray(t * k, (t + 1) * k));
      confusion.push(row);
      for (let p = 0; p < k; p++) {
        support[t] += row[p];
        predictedAs[p] += row[p];
      }
      correct += row[t];
    }
    const recall = support.map((n, c) => (n > 0 ? confusion[c][c] / n : 0));
    const precision = predictedAs.map((n, c) => (n > 0 ? confusion[c][c] / n : 0));
    const f1 = recall.map((r, c) => (r + precision[c] > 0 ? (2 * r * precision[c]) / (r + precision[c]) : 0));
    const present = support.map((n, c) => n > 0 || predictedAs[c] > 0);
    const macro = (values: number[]) => {
      let sum = 0;
      let n = 0;
      values.forEach((v, c) => {
        if (present[c]) {
          sum += v;
          n++;
        }
      });
      return n > 0 ? sum / n : NaN;
    };
    return {
      count: this.count,
      accuracy: this.count > 0 ? correct / this.count : NaN,
      perClassAccuracy: recall,
      precision,
      f1,
      support,
      confusion,
      macroPrecision: macro(precision),
      macroRecall: macro(recall),
      macroF1: macro(f1),
    };
  }
}

/**
 * The predicted class of each of `rows` rows of logits (rows, classes) into `out`: the arg max (first on ties). With
 * one logit per row (binary cross-entropy with logits) the class is 1 when the logit is above 0, else 0.
 */
export function predictedClasses(logits: Float32Array, rows: number, classes: number, out: Int32Array): void {
  if (logits.length < rows * classes || out.length < rows) {
    throw new Error(
      `predictedClasses: ${rows} rows of ${classes} logits need ${rows * classes} values and ${rows} outputs (got ${logits.length} and ${out.length})`,
    );
  }
  if (classes === 1) {
    for (let i = 0; i < rows; i++) out[i] = logits[i] > 0 ? 1 : 0;
    return;
  }
  for (let i = 0; i < rows; i++) {
    const base = i * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[base + c] > logits[base + best]) best = c;
    out[i] = best;
  }
}

export interface RegressionResult {
  /** Rows seen. */
  count: number;
  /** Mean squared error over every output of every row; NaN when no rows were added. */
  mse: number;
  rmse: number;
  /** Mean absolute error. */
  mae: number;
  /**
   * Coefficient of determination 1 - SSE / SST per output, averaged over outputs. An output whose targets never vary
   * scores 1 when predicted exactly and 0 otherwise (scikit-learn's convention), never a division by zero.
   */
  r2: number;
  /**
   * The mean squared error of predicting each output's mean over these rows, in the units the loss compares (the
   * standardized targets when the targets are standardized, else the label's): what the diagnosis calls a loss that
   * learned nothing. NaN when no rows were added.
   */
  baselineLoss: number;
}

export class RegressionMetrics {
  // Per output, in float64: rows seen, running target mean and sum of squared deviations (Welford: one pass, stable
  // even when the targets have a large mean relative to their spread), and the sum of squared residuals.
  private readonly targetMean: Float64Array;
  private readonly targetSquares: Float64Array;
  private readonly squaredErrors: Float64Array;
  private absoluteErrors = 0;
  private count = 0;

  private readonly scale: Float64Array;
  private readonly shift: Float64Array;

  /**
   * With `normalization`, the predictions and targets added are standardized (DatasetManifest.targetNormalization):
   * errors are taken in the label's units (value * std + mean), and baselineLoss in the standardized ones.
   */
  constructor(
    readonly outputs = 1,
    normalization: TargetNormalization | null = null,
  ) {
    if (!Number.isInteger(outputs) || outputs < 1)
      throw new Error(`regression metrics need at least 1 output (got ${outputs})`);
    if (normalization) checkTargetNormalization(normalization, outputs);
    this.scale = Float64Array.from({ length: outputs }, (_, o) =>
      normalization ? targetScaleOf(normalization.std[o]) : 1,
    );
    this.shift = Float64Array.from({ length: outputs }, (_, o) => (normalization ? normalization.mean[o] : 0));
    this.targetMean = new Float64Array(outputs);
    this.targetSquares = new Float64Array(outputs);
    this.squaredErrors = new Float64Array(outputs);
  }

  reset(): void {
    this.targetMean.fill(0);
    this.targetSquares.fill(0);
    this.squaredErrors.fill(0);
    this.absoluteErrors = 0;
    this.count = 0;
  }

  /** The first `count` rows of a batch, each `outputs` values wide: predictions and targets (rows, outputs). */
  add(pred: Float32Array, target: Float32Array, count: number): void {
    const k = this.outputs;
    const values = count * k;
    if (!Number.isInteger(count) || count < 0 || values > pred.length || values > target.length) {
      throw new Error(
        `regression metrics: ${count} rows of ${k} outputs requested but the batch holds ${pred.length} predictions and ${target.length} targets`,
      );
    }
    for (let i = 0; i < count; i++) {
      const seen = this.count + i + 1;
      for (let o = 0; o < k; o++) {
        const y = target[i * k + o] * this.scale[o] + this.shift[o];
        const error = pred[i * k + o] * this.scale[o] + this.shift[o] - y;
        this.squaredErrors[o] += error * error;
        this.absoluteErrors += Math.abs(error);
        const delta = y - this.targetMean[o];
        this.targetMean[o] += delta / seen;
        this.targetSquares[o] += delta * (y - this.targetMean[o]);
      }
    }
    this.count += count;
  }

  result(): RegressionResult {
    const values = this.count * this.outputs;
    if (values === 0) return { count: 0, mse: NaN, rmse: NaN, mae: NaN, r2: NaN, baselineLoss: NaN };
    let squared = 0;
    let r2 = 0;
    let baseline = 0;
    for (let o = 0; o < this.outputs; o++) {
      squared += this.squaredErrors[o];
      const sst = this.targetSquares[o];
      r2 += sst > 0 ? 1 - this.squaredErrors[o] / sst : this.squaredErrors[o] === 0 ? 1 : 0;
      baseline += sst / (this.scale[o] * this.scale[o]);
    }
    const mse = squared / values;
    return {
      count: this.count,
      mse,
      rmse: Math.sqrt(mse),
      mae: this.absoluteErrors / values,
      r2: r2 / this.outputs,
      baselineLoss: baseline / values,
    };
  }
}
