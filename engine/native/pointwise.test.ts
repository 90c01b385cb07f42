// Activations, softmax, dropout and the data-movement kernels against the TypeScript reference.
import { describe, expect, it } from 'vitest';
import { Activation } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels, dropoutUniform } from './reference';
import { copyOf, expectClose, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();

describe('activations', () => {
  for (const [name, kind] of Object.entries(Activation)) {
    it(`${name} forward and backward match the reference`, () => {
      const rng = new Rng(kind + 10);
      const count = 1037;
      const x = randomFloats(rng, count, 6);
      x[0] = 0;
      x[1] = -30;
      x[2] = 30; // the kink and the saturated tails
      const y = zeros(count);
      const expectedY = zeros(count);
      native.activationForward(kind, x, y, count, 0.1);
      reference.activationForward(kind, x, expectedY, count, 0.1);
      expectClose(y, expectedY, 1e-5, 2e-6);
      for (const accumulate of [false, true]) {
        const dy = randomFloats(rng, count);
        const dx = randomFloats(rng, count);
        const expectedDx = copyOf(dx);
        native.activationBackward(kind, x, y, dy, dx, count, 0.1, accumulate);
        reference.activationBackward(kind, x, expectedY, dy, expectedDx, count, 0.1, accumulate);
        expectClose(dx, expectedDx, 1e-4, 2e-6);
      }
    });
  }

  it('rejects an unknown activation kind', () => {
    expect(() => native.activationForward(9 as Activation, zeros(1), zeros(1), 1, 0)).toThrow(
      /activationForward: kind/,
    );
  });
});

describe('softmax', () => {
  it('forward and backward match the reference, including large logits', () => {
    const rng = new Rng(21);
    const [rows, cols] = [9, 13];
    const x = randomFloats(rng, rows * cols, 5);
    x[3] = 100;
    x[20] = 1000;
    const y = zeros(x.length);
    const expected = zeros(x.length);
    native.softmaxForward(x, y, rows, cols);
    reference.softmaxForward(x, expected, rows, cols);
    expectClose(y, expected, 1e-5, 1e-7);
    for (const accumulate of [false, true]) {
      const dy = randomFloats(rng, x.length);
      const dx = randomFloats(rng, x.length);
      const expectedDx = copyOf(dx);
      native.softmaxBackward(y, dy, dx, rows, cols, accumulate);
      reference.softmaxBackward(expected, dy, expectedDx, rows, cols, accumulate);
      expectClose(dx, expectedDx, 1e-5, 1e-6);
    }
  });
});

describe('dropout', () => {
  it('keeps exactly the elements the counter-based generator says, scaled by 1/(1-p)', () => {
    const rng = new Rng(5);
    const count = 10007;
    const x = randomFloats(rng, count);
    const y = zeros(count);
    const mask = new Uint8Array(count);
    native.dropoutForward(x, y, mask, count, 0.3, 1234, 7);
    const expectedY = zeros(count);
    const expectedMask = new Uint8Array(count);
    reference.dropoutForward(x, expectedY, expectedMask, count, 0.3, 1234, 7);
    expect(Array.from(mask)).toEqual(Array.from(expectedMask));
    expectClose(y, expectedY, 1e-6, 0);
    const kept = mask.reduce((sum, m) => sum + m, 0) / count;
    expect(Math.abs(kept - 0.7)).toBeLessThan(0.02);
  });

  it('gives different masks for different streams and seeds, the same mask for the same ones', () => {
    const count = 4096;
    const x = zeros(count).fill(1);
    const maskOf = (seed: number, stream: number) => {
      const mask = new Uint8Array(count);
      native.dropoutForward(x, zeros(count), mask, count, 0.5, seed, stream);
      return Array.from(mask);
    };
    expect(maskOf(1, 0)).toEqual(maskOf(1, 0));
    expect(maskOf(1, 0)).not.toEqual(maskOf(1, 1));
    expect(maskOf(1, 0)).not.toEqual(maskOf(2, 0));
    expect(dropoutUniform(-1, 0, 5)).toBe(dropoutUniform(0xffffffff, 0, 5));
  });

  it('drops everything at p = 1 and nothing at p = 0', () => {
    const x = Float32Array.from([1, 2, 3]);
    const y = zeros(3);
    const mask = new Uint8Array(3);
    native.dropoutForward(x, y, mask, 3, 1, 1, 1);
    expect(Array.from(y)).toEqual([0, 0, 0]);
    native.dropoutForward(x, y, mask, 3, 0, 1, 1);
    expect(Array.from(y)).toEqual([1, 2, 3]);
    expect(Array.from(mask)).toEqual([1, 1, 1]);
  });

  it('backward routes gradients through kept elements only', () => {
    const rng = new Rng(8);
    const count = 999;
    const mask = new Uint8Array(count).map((_, i) => (dropoutUniform(3, 4, i) >= 0.25 ? 1 : 0));
    const dy = randomFloats(rng, count);
    for (const accumulate of [false, true]) {
      const dx = randomFloats(rng, count);
      const expected = copyOf(dx);
      native.dropoutBackward(dy, mask, dx, count, 0.25, accumulate);
      reference.dropoutBackward(dy, mask, expected, count, 0.25, accumulate);
      expectClose(dx, expected, 1e-6, 1e-7);
    }
  });
});

describe('data movement', () => {
  it('add, axpy and copy match the reference', () => {
    const rng = new Rng(30);
    const count = 517;
    const a = randomFloats(rng, count);
    const b = randomFloats(rng, count);
    const y = zeros(count);
    native.add(a, b, y, count);
    expectClose(
      y,
      a.map((v, i) => v + b[i]),
      0,
      0,
    );
    const z = copyOf(b);
    native.axpy(-0.5, a, z, count);
    expectClose(
      z,
      b.map((v, i) => v - 0.5 * a[i]),
      1e-6,
      1e-7,
    );
    const dst = copyOf(b);
    native.copy(a, dst, count, false);
    expectClose(dst, a, 0, 0);
    native.copy(a, dst, count, true);
    expectClose(
      dst,
      a.map((v) => 2 * v),
      0,
      0,
    );
  });

  it('concat and split along channels are inverses and match the reference', () => {
    const rng = new Rng(31);
    const [batch, ca, cb, spatial] = [3, 2, 5, 7];
    const a = randomFloats(rng, batch * ca * spatial);
    const b = randomFloats(rng, batch * cb * spatial);
    const y = zeros(batch * (ca + cb) * spatial);
    const expected = zeros(y.length);
    native.concatChannels(a, b, y, batch, ca, cb, spatial);
    reference.concatChannels(a, b, expected, batch, ca, cb, spatial);
    expectClose(y, expected, 0, 0);
    for (const accumulate of [false, true]) {
      const da = randomFloats(rng, a.length);
      const db = randomFloats(rng, b.length);
      const [ea, eb] = [copyOf(da), copyOf(db)];
      native.splitChannels(y, da, db, batch, ca, cb, spatial, accumulate);
      reference.splitChannels(y, ea, eb, batch, ca, cb, spatial, accumulate);
      expectClose(da, ea, 0, 0);
      expectClose(db, eb, 0, 0);
    }
    const onlyB = zeros(b.length);
    native.splitChannels(y, null, onlyB, batch, ca, cb, spatial, false);
    expectClose(onlyB, b, 0, 0);
  });

  // A dilated convolution's phase: rows 1, 3, 5… and columns 0, 2, 4… of 13 x 12 planes with 2 of padding around.
  const PHASE = { rows: 9, cols: 8, height: 13, width: 12 };
  function phaseGrid(step: number): Int32Array {
    const { rows, cols, height, width } = PHASE;
    const rowOf = Array.from({ length: rows }, (_, j) => {
      const row = 1 + step * j - 2;
      return row >= 0 && row < height ? row : -1;
    });
    const firstColumn = -2;
    const colBegin = Math.ceil(-firstColumn / step);
    const colEnd = Math.min(cols, Math.floor((width - 1 - firstColumn) / step) + 1);
    return Int32Array.from([rows, cols, height, width, firstColumn, step, colBegin, colEnd, ...rowOf]);
  }

  it('gatherGrid and scatterGrid match the reference, on one thread and on two', () => {
    const threads = native.threads();
    const rng = new Rng(32);
    const planes = 2000; // 144,000 grid floats: more than one thread's share
    const { rows, cols, height, width } = PHASE;
    try {
      for (const count of [1, 2]) {
        native.setThreads(count);
        for (const step of [1, 2]) {
          const grid = phaseGrid(step);
          expect(grid[8], 'the first row lies in padding').toBe(-1);
          const tensor = randomFloats(rng, planes * height * width);
          const dense = randomFloats(rng, planes * rows * cols);
          const expected = copyOf(dense);
          native.gatherGrid(tensor, dense, planes, grid);
          reference.gatherGrid(tensor, expected, planes, grid);
          expectClose(dense, expected, 0, 0);
          expect(dense[0]).toBe(0);
          for (const accumulate of [false, true]) {
            const into = randomFloats(rng, tensor.length);
            const expectedInto = copyOf(into);
            native.scatterGrid(dense, into, planes, grid, accumulate);
            reference.scatterGrid(dense, expectedInto, planes, grid, accumulate);
            expectClose(into, expectedInto, 0, 0);
          }
        }
      }
    } finally {
      native.setThreads(threads);
    }
  });

  it('gatherGrid refuses a grid reaching outside the plane, short buffers and overlapping ones', () => {
    const { rows, cols, height, width } = PHASE;
    const grid = phaseGrid(2);
    const tensor = zeros(height * width);
    const dense = zeros(rows * cols);
    const bad = (change: (g: Int32Array) => void) => {
      const g = Int32Array.from(grid);
      change(g);
      return g;
    };
    expect(() =>
      native.gatherGrid(
        tensor,
        dense,
        1,
        bad((g) => (g[6] = 0)),
      ),
    ).toThrow(/gatherGrid: grid: columns/);
    expect(() =>
      native.gatherGrid(
        tensor,
        dense,
        1,
        bad((g) => (g[8] = height)),
      ),
    ).toThrow(/rowOf\[0\]/);
    expect(() =>
      native.gatherGrid(
        tensor,
        dense,
        1,
        bad((g) => (g[5] = 0)),
      ),
    ).toThrow(/step/);
    expect(() => native.gatherGrid(tensor, dense, 1, grid.subarray(0, 10))).toThrow(/grid: holds 10 ints/);
    expect(() => native.gatherGrid(tensor, dense, 2, grid)).toThrow(/tensor holds/);
    const shared = zeros(height * width + rows * cols);
    expect(() => native.scatterGrid(shared.subarray(10), shared, 1, grid, false)).toThrow(/overlap/);
  });

  it('argmaxRows returns the first index of the largest value', () => {
    const x = Float32Array.from([1, 5, 5, 0, -3, -1, -2, -1]);
    const out = new Int32Array(2);
    native.argmaxRows(x, out, 2, 4);
    expect(Array.from(out)).toEqual([1, 1]);
  });
});
