// Fused losses against the TypeScript reference, their stability at large logits, and the label check.
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectClose, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();

describe('softmax cross-entropy', () => {
  it('matches the reference in loss and gradient', () => {
    const rng = new Rng(40);
    const [rows, cols] = [17, 10];
    const logits = randomFloats(rng, rows * cols, 4);
    const labels = Int32Array.from({ length: rows }, (_, r) => (r * 7) % cols);
    const d = zeros(logits.length);
    const expected = zeros(logits.length);
    const loss = native.softmaxCrossEntropy(logits, labels, d, rows, cols);
    const expectedLoss = reference.softmaxCrossEntropy(logits, labels, expected, rows, cols);
    expect(loss).toBeCloseTo(expectedLoss, 5);
    expectClose(d, expected, 1e-5, 1e-8);
  });

  it('stays finite and exact for logits near 100 and 1000', () => {
    const logits = Float32Array.from([100, 0, -100, 1000, 999, 0]);
    const labels = Int32Array.from([1, 0]);
    const d = zeros(6);
    const loss = native.softmaxCrossEntropy(logits, labels, d, 2, 3);
    // Row 0: log(1 + e^-100 + e^-200) + 100 - 0 = 100; row 1: log(1 + e^-1 + e^-1000) = 0.3133.
    expect(loss).toBeCloseTo((100 + Math.log(1 + Math.exp(-1))) / 2, 4);
    expect(d.every(Number.isFinite)).toBe(true);
    expect(d[0]).toBeCloseTo(0.5, 6);
    expect(d[1]).toBeCloseTo(-0.5, 6);
  });

  it('throws naming the row whose label is outside [0, cols)', () => {
    const logits = zeros(6);
    expect(() => native.softmaxCrossEntropy(logits, Int32Array.from([0, 3]), zeros(6), 2, 3)).toThrow(
      'softmaxCrossEntropy: label 3 at row 1 is outside [0, 3)',
    );
    expect(() => native.softmaxCrossEntropy(logits, Int32Array.from([-1, 0]), zeros(6), 2, 3)).toThrow(
      /label -1 at row 0/,
    );
  });
});

describe('binary cross-entropy with logits', () => {
  it('matches the reference and stays finite for |z| of tens', () => {
    const rng = new Rng(41);
    const count = 1001;
    const logits = randomFloats(rng, count, 60);
    const targets = randomFloats(rng, count).map((v) => (v > 0 ? 1 : 0));
    targets[3] = 0.3; // soft targets are allowed
    const d = zeros(count);
    const expected = zeros(count);
    const loss = native.bceWithLogits(logits, targets, d, count);
    const expectedLoss = reference.bceWithLogits(logits, targets, expected, count);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(expectedLoss, 4);
    expectClose(d, expected, 1e-5, 1e-9);
  });
});

describe('mean squared error', () => {
  it('matches the reference in loss and gradient', () => {
    const rng = new Rng(42);
    const count = 333;
    const pred = randomFloats(rng, count);
    const targets = randomFloats(rng, count);
    const d = zeros(count);
    const expected = zeros(count);
    const loss = native.mse(pred, targets, d, count);
    expect(loss).toBeCloseTo(reference.mse(pred, targets, expected, count), 6);
    expectClose(d, expected, 1e-6, 1e-9);
  });
});
