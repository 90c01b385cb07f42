// Metrics against small cases computed by hand.
import { describe, expect, it } from 'vitest';
import { ClassificationMetrics, RegressionMetrics, predictedClasses } from './metrics';

describe('ClassificationMetrics', () => {
  // true:      0 0 1 1 2 2 2
  // predicted: 0 1 1 1 2 0 2   -> confusion [[1,1,0],[0,2,0],[1,0,2]]
  function sevenRows(): ClassificationMetrics {
    const m = new ClassificationMetrics(3);
    m.add(Int32Array.of(0, 1, 1, 1, 99), Int32Array.of(0, 0, 1, 1, 99), 4); // the 5th row is beyond count: ignored
    m.add(Int32Array.of(2, 0, 2), Int32Array.of(2, 2, 2), 3);
    return m;
  }

  it('accumulates the confusion matrix and per-class scores over batches', () => {
    const r = sevenRows().result();
    expect(r.count).toBe(7);
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 2],
    ]);
    expect(r.accuracy).toBeCloseTo(5 / 7, 15);
    expect(r.support).toEqual([2, 2, 3]);
    expect(r.perClassAccuracy.map((v) => +v.toFixed(12))).toEqual([0.5, 1, +(2 / 3).toFixed(12)]);
    expect(r.precision.map((v) => +v.toFixed(12))).toEqual([0.5, +(2 / 3).toFixed(12), 1]);
    expect(r.f1[0]).toBeCloseTo(0.5, 15);
    expect(r.f1[1]).toBeCloseTo(0.8, 15);
    expect(r.f1[2]).toBeCloseTo(0.8, 15);
    expect(r.macroF1).toBeCloseTo(0.7, 15);
    expect(r.macroRecall).toBeCloseTo((0.5 + 1 + 2 / 3) / 3, 15);
  });

  it('scores 0 for a class never predicted and leaves absent classes out of the macro average', () => {
    const m = new ClassificationMetrics(4);
    m.add(Int32Array.of(0, 0, 0), Int32Array.of(0, 1, 0), 3);
    const r = m.result();
    expect(r.precision).toEqual([2 / 3, 0, 0, 0]);
    expect(r.perClassAccuracy).toEqual([1, 0, 0, 0]);
    expect(r.f1[1]).toBe(0);
    expect(r.macroF1).toBeCloseTo((0.8 + 0) / 2, 15); // classes 0 and 1 occur; 2 and 3 do not
  });

  it('starts over after reset and reports NaN accuracy with no rows', () => {
    const m = sevenRows();
    m.reset();
    expect(m.result().count).toBe(0);
    expect(m.result().accuracy).toBeNaN();
    m.add(Int32Array.of(1), Int32Array.of(1), 1);
    expect(m.result().accuracy).toBe(1);
  });

  it('rejects labels and predictions outside the classes, naming the row', () => {
    const m = new ClassificationMetrics(3);
    expect(() => m.add(Int32Array.of(0, 1), Int32Array.of(0, 3), 2)).toThrow(
      /row 1 of the batch has label 3, outside 0..2/,
    );
    expect(() => m.add(Int32Array.of(-1), Int32Array.of(0), 1)).toThrow(/prediction -1/);
    expect(() => m.add(Int32Array.of(0), Int32Array.of(0), 2)).toThrow(/2 rows requested/);
    expect(() => new ClassificationMetrics(1)).toThrow(/at least 2 classes/);
  });
});

describe('predictedClasses', () => {
  it('takes the arg max of each row, the first on ties', () => {
    const out = new Int32Array(3);
    predictedClasses(Float32Array.of(0.1, 2, -1, 5, 5, 0, -3, -2, -1), 3, 3, out);
    expect(Array.from(out)).toEqual([1, 0, 2]);
  });

  it('thresholds a single logit at 0 for binary outputs', () => {
    const out = new Int32Array(3);
    predictedClasses(Float32Array.of(-0.5, 0, 2), 3, 1, out);
    expect(Array.from(out)).toEqual([0, 0, 1]);
  });

  it('rejects buffers that are too short', () => {
    expect(() => predictedClasses(new Float32Array(5), 2, 3, new Int32Array(2))).toThrow(/need 6 values/);
  });
});

describe('RegressionMetrics', () => {
  it('computes MSE, RMSE, MAE and R² of a hand-worked case across batches', () => {
    // errors -0.5, 0, 1, -1; target mean 2.625, SST 7.6875
    const m = new RegressionMetrics();
    m.add(Float32Array.of(1, 2), Float32Array.of(1.5, 2), 2);
    m.add(Float32Array.of(3, 4), Float32Array.of(2, 5), 2);
    const r = m.result();
    expect(r.count).toBe(4);
    expect(r.mse).toBeCloseTo(0.5625, 15);
    expect(r.rmse).toBeCloseTo(0.75, 15);
    expect(r.mae).toBeCloseTo(0.625, 15);
    expect(r.r2).toBeCloseTo(1 - 2.25 / 7.6875, 14);
  });

  it('keeps R² accurate when the targets have a large mean and a small spread', () => {
    // Targets near 1e6 (exact in float32, spacing 0.0625) with spread ~1: a naive sum(y²) - n mean² loses all digits.
    const n = 1000;
    const target = new Float32Array(n);
    const pred = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      target[i] = 1e6 + (i % 17) * 0.125;
      pred[i] = target[i] + ((i % 3) - 1) * 0.25;
    }
    const m = new RegressionMetrics();
    for (let at = 0; at < n; at += 64) {
      const rows = Math.min(64, n - at);
      m.add(pred.subarray(at, at + rows), target.subarray(at, at + rows), rows);
    }
    let mean = 0;
    for (const y of target) mean += y / n;
    let sst = 0;
    let sse = 0;
    for (let i = 0; i < n; i++) {
      sst += (target[i] - mean) ** 2;
      sse += (pred[i] - target[i]) ** 2;
    }
    expect(m.result().r2).toBeCloseTo(1 - sse / sst, 10);
  });

  it('averages R² over outputs and scores a constant target 1 only when predicted exactly', () => {
    const m = new RegressionMetrics(2);
    // output 0 varies and is predicted exactly (R² 1); output 1 is constant 3 and predicted as 4 (R² 0)
    m.add(Float32Array.of(1, 4, 2, 4, 3, 4), Float32Array.of(1, 3, 2, 3, 3, 3), 3);
    const r = m.result();
    expect(r.r2).toBeCloseTo(0.5, 15);
    expect(r.mse).toBeCloseTo(3 / 6, 15);
    const exact = new RegressionMetrics();
    exact.add(Float32Array.of(2, 2), Float32Array.of(2, 2), 2);
    expect(exact.result().r2).toBe(1);
  });

  it('reports NaN with no rows, starts over after reset, and rejects short buffers', () => {
    const m = new RegressionMetrics();
    expect(m.result().mse).toBeNaN();
    m.add(Float32Array.of(1), Float32Array.of(3), 1);
    expect(m.result().mse).toBe(4);
    m.reset();
    m.add(Float32Array.of(1), Float32Array.of(2), 1);
    expect(m.result().mae).toBe(1);
    expect(() => m.add(Float32Array.of(1), Float32Array.of(2), 2)).toThrow(/2 rows of 1 outputs requested/);
  });

  it('takes standardized predictions and targets back to the label’s units, the baseline staying standardized', () => {
    // Targets 100 and 300 (mean 200, std 100) standardized to -1 and 1; predictions -0.5 and 1.5 are 150 and 350.
    const m = new RegressionMetrics(1, { mean: [200], std: [100] });
    m.add(Float32Array.of(-0.5, 1.5), Float32Array.of(-1, 1), 2);
    const r = m.result();
    expect(r.mae).toBeCloseTo(50, 10);
    expect(r.rmse).toBeCloseTo(50, 10);
    expect(r.r2).toBeCloseTo(1 - (2 * 50 * 50) / (2 * 100 * 100), 10);
    expect(r.baselineLoss).toBeCloseTo(1, 10); // the standardized targets' variance
    const plain = new RegressionMetrics(1);
    plain.add(Float32Array.of(150, 350), Float32Array.of(100, 300), 2);
    expect(plain.result().baselineLoss).toBeCloseTo(10_000, 6);
    expect(() => new RegressionMetrics(2, { mean: [0], std: [1] })).toThrow(/2 targets/);
  });
});
