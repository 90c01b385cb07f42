// Splits: exact sizes, stratified proportions, every row once, determinism by seed; per-epoch shuffles.
import { describe, expect, it } from 'vitest';
import { splitIndices, shuffledOrder } from './split';
import { Rng } from '../rng';

function expectPartition(count: number, parts: { train: Int32Array; validation: Int32Array; test: Int32Array }): void {
  const seen = new Uint8Array(count);
  const problems: string[] = [];
  for (const [name, split] of Object.entries(parts)) {
    for (let i = 0; i < split.length; i++) {
      if (!(split[i] >= 0 && split[i] < count)) problems.push(`${name}[${i}] = ${split[i]} is out of range`);
      else seen[split[i]]++;
      if (i > 0 && split[i] <= split[i - 1]) problems.push(`${name} is not strictly ascending at ${i}`);
    }
  }
  seen.forEach((n, row) => {
    if (n !== 1) problems.push(`row ${row} appears ${n} times`);
  });
  expect(problems.slice(0, 5)).toEqual([]);
}

function classCounts(indices: Int32Array, labels: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
}

describe('splitIndices', () => {
  it('cuts exact sizes by largest remainder', () => {
    const parts = splitIndices(10, { train: 0.7, validation: 0.2, test: 0.1 }, 1);
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([7, 2, 1]);
    expectPartition(10, parts);
    // 101 * (0.6, 0.2, 0.2) = 60.6, 20.2, 20.2 -> floors 60, 20, 20 and the one left over goes to train.
    const odd = splitIndices(101, { train: 0.6, validation: 0.2, test: 0.2 }, 1);
    expect([odd.train.length, odd.validation.length, odd.test.length]).toEqual([61, 20, 20]);
    expectPartition(101, odd);
  });

  it('is determined by the seed', () => {
    const fractions = { train: 0.8, validation: 0.1, test: 0.1 };
    const a = splitIndices(500, fractions, 42);
    const b = splitIndices(500, fractions, 42);
    const c = splitIndices(500, fractions, 43);
    expect(a).toEqual(b);
    expect(a.validation).not.toEqual(c.validation);
  });

  it('mixes the rows rather than cutting them in file order', () => {
    const { train } = splitIndices(1000, { train: 0.5, validation: 0.5, test: 0 }, 7);
    // In file order the training half would be rows 0..499; a shuffled cut takes about half from each half.
    const fromSecondHalf = train.filter((i) => i >= 500).length;
    expect(fromSecondHalf).toBeGreaterThan(200);
    expect(fromSecondHalf).toBeLessThan(300);
  });

  it('stratifies each class in proportion, keeping the overall sizes exact', () => {
    // Classes of 50, 30, 15, 4 and 1 rows.
    const sizes = [50, 30, 15, 4, 1];
    const labels = new Int32Array(sizes.flatMap((n, c) => new Array<number>(n).fill(c)));
    new Rng(3).shuffle(labels);
    const count = labels.length; // 100
    const parts = splitIndices(count, { train: 0.7, validation: 0.15, test: 0.15 }, 5, labels);
    expectPartition(count, parts);
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([70, 15, 15]);
    const perSplit = [parts.train, parts.validation, parts.test].map((s) => classCounts(s, labels, sizes.length));
    const shares = [0.7, 0.15, 0.15];
    sizes.forEach((n, c) => {
      for (let s = 0; s < 3; s++) {
        const quota = n * shares[s];
        expect(perSplit[s][c], `class ${c} in split ${s}`).toBeGreaterThanOrEqual(Math.floor(quota));
        expect(perSplit[s][c], `class ${c} in split ${s}`).toBeLessThanOrEqual(Math.floor(quota) + 1);
        if (quota >= 1) expect(perSplit[s][c]).toBeGreaterThan(0);
      }
    });
  });

  it('balances ties across classes instead of always favouring the same split', () => {
    // Ten classes of 15 rows at 0.8 / 0.1 / 0.1: each class has 1.5 validation and 1.5 test rows to round.
    const labels = new Int32Array(150).map((_, i) => i % 10);
    const parts = splitIndices(150, { train: 0.8, validation: 0.1, test: 0.1 }, 9, labels);
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([120, 15, 15]);
    expectPartition(150, parts);
    for (const split of [parts.validation, parts.test]) {
      for (const n of classCounts(split, labels, 10)) expect([1, 2]).toContain(n);
    }
  });

  it('meets exact totals when many small classes compete for few slots', () => {
    // 40 classes of 3 rows at 0.5 / 0.25 / 0.25: every class rounds 1.5 / 0.75 / 0.75.
    const labels = new Int32Array(120).map((_, i) => Math.floor(i / 3));
    const parts = splitIndices(120, { train: 0.5, validation: 0.25, test: 0.25 }, 11, labels);
    expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([60, 30, 30]);
    expectPartition(120, parts);
  });

  it('handles many random class layouts with every row once and exact totals', () => {
    const rng = new Rng(99);
    for (let trial = 0; trial < 200; trial++) {
      const count = 4 + rng.int(300); // train ≥ 0.3 of ≥ 4 rows is never empty
      const classes = 1 + rng.int(30);
      const labels = new Int32Array(count).map(() => (rng.uniform() < 0.5 ? rng.int(classes) : rng.int(2)));
      const a = rng.uniform();
      const b = rng.uniform() * (1 - a);
      const fractions = { train: Math.max(a, 0.3), validation: 0, test: 0 };
      fractions.validation = Math.min(b, 1 - fractions.train);
      fractions.test = 1 - fractions.train - fractions.validation;
      const parts = splitIndices(count, fractions, trial, labels);
      expectPartition(count, parts);
      const unstratified = splitIndices(count, fractions, trial);
      expect([parts.train.length, parts.validation.length, parts.test.length]).toEqual([
        unstratified.train.length,
        unstratified.validation.length,
        unstratified.test.length,
      ]);
    }
  });

  it('allows empty validation and test splits', () => {
    const parts = splitIndices(5, { train: 1, validation: 0, test: 0 }, 1);
    expect(Array.from(parts.train)).toEqual([0, 1, 2, 3, 4]);
    expect(parts.validation.length + parts.test.length).toBe(0);
    expect(splitIndices(0, { train: 1, validation: 0, test: 0 }, 1).train.length).toBe(0);
  });

  it('rejects bad fractions, counts and labels with clear messages', () => {
    expect(() => splitIndices(10, { train: 0.7, validation: 0.2, test: 0.2 }, 1)).toThrow(/add up to 1/);
    expect(() => splitIndices(10, { train: 0, validation: 0.5, test: 0.5 }, 1)).toThrow(
      /train fraction must be above 0/,
    );
    expect(() => splitIndices(10, { train: 1.2, validation: -0.2, test: 0 }, 1)).toThrow(
      /validation fraction must be a number ≥ 0/,
    );
    expect(() => splitIndices(10, { train: NaN, validation: 0.5, test: 0.5 }, 1)).toThrow(/train fraction/);
    expect(() => splitIndices(-1, { train: 1, validation: 0, test: 0 }, 1)).toThrow(/row count/);
    expect(() => splitIndices(3, { train: 1, validation: 0, test: 0 }, 1, new Int32Array(2))).toThrow(
      /2 labels for 3 rows/,
    );
    expect(() => splitIndices(3, { train: 1, validation: 0, test: 0 }, 1, Int32Array.of(0, -1, 0))).toThrow(
      /row 1 has the negative class label -1/,
    );
    expect(() => splitIndices(1, { train: 0.2, validation: 0.4, test: 0.4 }, 1)).toThrow(
      /training split would be empty/,
    );
  });

  it('accepts fractions with rounding error in their sum', () => {
    const parts = splitIndices(10, { train: 0.7, validation: 0.2, test: 0.1 + 1e-12 }, 1);
    expect(parts.train.length + parts.validation.length + parts.test.length).toBe(10);
  });
});

describe('shuffledOrder', () => {
  it('writes a seeded permutation of the indices into out', () => {
    const indices = Int32Array.from({ length: 50 }, (_, i) => i * 3);
    const out = new Int32Array(50);
    shuffledOrder(indices, new Rng(4), out);
    expect(Array.from(out).sort((a, b) => a - b)).toEqual(Array.from(indices));
    expect(out).not.toEqual(indices);
    const again = new Int32Array(50);
    shuffledOrder(indices, new Rng(4), again);
    expect(again).toEqual(out);
    expect(Array.from(indices)).toEqual(Array.from({ length: 50 }, (_, i) => i * 3)); // input untouched
  });

  it('gives a different order each epoch from one generator, and works in place', () => {
    const rng = new Rng(8);
    const order = Int32Array.from({ length: 30 }, (_, i) => i);
    const first = new Int32Array(30);
    shuffledOrder(order, rng, first);
    const second = new Int32Array(30);
    shuffledOrder(order, rng, second);
    expect(second).not.toEqual(first);
    shuffledOrder(order, rng, order);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('rejects an output of the wrong length', () => {
    expect(() => shuffledOrder(new Int32Array(4), new Rng(1), new Int32Array(3))).toThrow(
      /out holds 3 entries but there are 4/,
    );
  });
});
