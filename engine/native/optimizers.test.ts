// Reductions, in-place updates and fused optimizer steps against the TypeScript reference, over several steps.
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { copyOf, expectClose, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();
const count = 1234;

describe('reductions and updates', () => {
  it('sumOfSquares and sumOfAbs match double-precision sums', () => {
    const x = randomFloats(new Rng(50), 20011);
    expect(native.sumOfSquares(x, x.length)).toBeCloseTo(reference.sumOfSquares(x, x.length), 8);
    expect(native.sumOfAbs(x, x.length)).toBeCloseTo(reference.sumOfAbs(x, x.length), 8);
    expect(native.sumOfSquares(x, 0)).toBe(0);
  });

  it('scale, clamp and l1Grad match the reference', () => {
    const rng = new Rng(51);
    const x = randomFloats(rng, count);
    x[0] = 0;
    const scaled = copyOf(x);
    native.scale(scaled, count, 0.5);
    expectClose(
      scaled,
      x.map((v) => v * 0.5),
      0,
      0,
    );
    const clamped = copyOf(x);
    native.clamp(clamped, count, -0.25, 0.5);
    expectClose(
      clamped,
      x.map((v) => Math.min(Math.max(v, -0.25), 0.5)),
      0,
      0,
    );
    const open = copyOf(x);
    native.clamp(open, count, -Infinity, 0);
    expectClose(
      open,
      x.map((v) => Math.min(v, 0)),
      0,
      0,
    );
    const grad = randomFloats(rng, count);
    const expected = copyOf(grad);
    native.l1Grad(x, grad, count, 0.01);
    reference.l1Grad(x, expected, count, 0.01);
    expectClose(grad, expected, 1e-6, 1e-9);
    expect(grad[0]).toBe(expected[0]); // sign(0) = 0 leaves the gradient alone
  });
});

type Step = (kernels: typeof native, w: Float32Array, g: Float32Array, state: Float32Array[], step: number) => void;

const optimizers: [string, number, Step][] = [
  ['sgd', 0, (k, w, g, _s) => k.sgdStep(w, g, null, count, 0.1, 0, false, 0.01)],
  ['sgd with momentum', 1, (k, w, g, s) => k.sgdStep(w, g, s[0], count, 0.1, 0.9, false, 0.01)],
  ['sgd with nesterov momentum', 1, (k, w, g, s) => k.sgdStep(w, g, s[0], count, 0.1, 0.9, true, 0)],
  ['adagrad', 1, (k, w, g, s) => k.adagradStep(w, g, s[0], count, 0.05, 1e-10, 0.001)],
  ['rmsprop', 1, (k, w, g, s) => k.rmspropStep(w, g, s[0], null, count, 0.01, 0.99, 1e-8, 0, 0.001)],
  ['rmsprop with momentum', 2, (k, w, g, s) => k.rmspropStep(w, g, s[0], s[1], count, 0.01, 0.9, 1e-8, 0.5, 0)],
  ['adam', 2, (k, w, g, s, t) => k.adamStep(w, g, s[0], s[1], count, 0.001, 0.9, 0.999, 1e-8, 0.01, t, false)],
  ['adamw', 2, (k, w, g, s, t) => k.adamStep(w, g, s[0], s[1], count, 0.001, 0.9, 0.999, 1e-8, 0.01, t, true)],
];

describe('optimizer steps', () => {
  for (const [name, states, step] of optimizers) {
    it(`${name} matches the reference over five steps`, () => {
      const rng = new Rng(name.length);
      const w = randomFloats(rng, count);
      const expectedW = copyOf(w);
      const state = Array.from({ length: states }, () => zeros(count));
      const expectedState = Array.from({ length: states }, () => zeros(count));
      for (let t = 1; t <= 5; t++) {
        const g = randomFloats(rng, count);
        step(native, w, g, state, t);
        step(reference, expectedW, g, expectedState, t);
      }
      expectClose(w, expectedW, 1e-5, 1e-6);
      state.forEach((s, i) => expectClose(s, expectedState[i], 1e-4, 1e-6));
    });
  }

  it('requires a momentum buffer when momentum is on', () => {
    expect(() => native.sgdStep(zeros(2), zeros(2), null, 2, 0.1, 0.9, false, 0)).toThrow(/sgdStep: buf must be/);
    expect(() => native.rmspropStep(zeros(2), zeros(2), zeros(2), null, 2, 0.1, 0.9, 1e-8, 0.9, 0)).toThrow(
      /rmspropStep: buf/,
    );
  });
});

describe('optimizer buffers', () => {
  it('refuses overlapping parameter, gradient and state buffers, and accepts separate views of one arena', () => {
    const arena = new Float32Array(4 * count);
    const [w, g, m, v] = [0, 1, 2, 3].map((i) => arena.subarray(i * count, (i + 1) * count));
    expect(() => native.adamStep(w, g, m, v, count, 1e-3, 0.9, 0.999, 1e-8, 0, 1, false)).not.toThrow();
    const shifted = arena.subarray(count - 10, 2 * count - 10); // its first 10 floats are the end of w
    expect(() => native.adamStep(w, shifted, m, v, count, 1e-3, 0.9, 0.999, 1e-8, 0, 1, false)).toThrow(
      /w and g overlap/,
    );
    expect(() => native.sgdStep(w, g, w, count, 0.1, 0.9, false, 0)).toThrow(/w and buf overlap/);
    expect(() => native.rmspropStep(w, g, g, null, count, 0.01, 0.99, 1e-8, 0, 0)).toThrow(/g and v overlap/);
    expect(() => native.adagradStep(w, g, w, count, 0.01, 1e-10, 0)).toThrow(/w and sum overlap/);
  });
});
