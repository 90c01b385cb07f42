// Seeded train/validation/test splits of a dataset's rows (stratified by class when labels are given), and the
// per-epoch shuffle of a split's rows.
import { Rng } from '../rng';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
/** Fractions read from a form may carry rounding, e.g. 0.7 + 0.2 + 0.1 = 0.9999999999999999. */
const FRACTION_SUM_TOLERANCE = 1e-9;

/**
 * Every row index in [0, count) exactly once, in one of three splits, each sorted ascending (reproducible file
 * contents). Split sizes are the largest-remainder rounding of count * fraction, so they sum to count exactly.
 * With labels, each class is cut in proportion too: a class gets floor(classSize * fraction) rows of each split, or
 * one more, so it appears in every split where classSize * fraction ≥ 1, and the totals still match the split sizes.
 */
export function splitIndices(
  count: number,
  fractions: SplitFractions,
  seed: number,
  labels?: Int32Array,
): SplitIndices {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`split: the row count must be a whole number ≥ 0 (got ${count})`);
  const shares = checkedFractions(fractions);
  if (labels && labels.length !== count) {
    throw new Error(`split: ${labels.length} labels for ${count} rows; stratifying needs one label per row`);
  }

  const byClass = groupByClass(count, labels);
  const totals = largestRemainder(count, shares);
  if (count > 0 && totals[0] === 0) {
    throw new Error(
      `split: ${count} rows are too few for a training fraction of ${fractions.train}: the training split would be empty`,
    );
  }
  const perClass = apportionClasses(byClass.sizes, shares, totals);

  const rng = new Rng(seed);
  const out = [new Int32Array(totals[0]), new Int32Array(totals[1]), new Int32Array(totals[2])];
  const filled = [0, 0, 0];
  for (let c = 0; c < byClass.sizes.length; c++) {
    const rows = byClass.rows.subarray(byClass.starts[c], byClass.starts[c] + byClass.sizes[c]);
    rng.shuffle(rows);
    let at = 0;
    for (let s = 0; s < 3; s++) {
      const take = perClass[c * 3 + s];
      out[s].set(rows.subarray(at, at + take), filled[s]);
      filled[s] += take;
      at += take;
    }
  }
  for (const split of out) split.sort();
  return { train: out[0], validation: out[1], test: out[2] };
}

/** Copy `indices` into `out` in a fresh seeded order (Fisher-Yates); no allocation, `out` may be `indices` itself. */
export function shuffledOrder(indices: Int32Array, rng: Rng, out: Int32Array): void {
  if (out.length !== indices.length) {
    throw new Error(`shuffledOrder: out holds ${out.length} entries but there are ${indices.length} indices`);
  }
  if (out !== indices) out.set(indices);
  rng.shuffle(out);
}

function checkedFractions(fractions: SplitFractions): number[] {
  const values = SPLIT_NAMES.map((name) => fractions[name]);
  SPLIT_NAMES.forEach((name, s) => {
    const v = values[s];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(`split: the ${name} fraction must be a number ≥ 0 (got ${String(v)})`);
    }
  });
  if (!(values[0] > 0)) throw new Error(`split: the train fraction must be above 0 (got ${values[0]})`);
  const sum = values[0] + values[1] + values[2];
  if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
    throw new Error(
      `split: the fractions must add up to 1 (train ${values[0]} + validation ${values[1]} + test ${values[2]} = ${sum})`,
    );
  }
  return values.map((v) => v / sum);
}

/** Row indices grouped by class (counting sort): class c's rows are rows[starts[c] .. starts[c] + sizes[c]). */
function groupByClass(
  count: number,
  labels: Int32Array | undefined,
): { rows: Int32Array; starts: Int32Array; sizes: Int32Array } {
  const rows = new Int32Array(count);
  if (!labels) {
    for (let i = 0; i < count; i++) rows[i] = i;
    return { rows, starts: Int32Array.of(0), sizes: Int32Array.of(count) };
  }
  let classes = 0;
  for (let i = 0; i < count; i++) {
    if (labels[i] < 0) throw new Error(`split: row ${i} has the negative class label ${labels[i]}`);
    if (labels[i] >= classes) classes = labels[i] + 1;
  }
  const sizes = new Int32Array(classes);
  for (let i = 0; i < count; i++) sizes[labels[i]]++;
  const starts = new Int32Array(classes);
  for (let c = 1; c < classes; c++) starts[c] = starts[c - 1] + sizes[c - 1];
  const next = starts.slice();
  for (let i = 0; i < count; i++) rows[next[labels[i]]++] = i;
  return { rows, starts, sizes };
}

/** Hamilton's method: floor(total * share) each, then one more to the largest remainders (ties: train first). */
function largestRemainder(total: number, shares: number[]): number[] {
  const counts = shares.map((f) => Math.floor(total * f));
  let left = total - counts[0] - counts[1] - counts[2];
  const order = [0, 1, 2]
    .filter((s) => shares[s] > 0)
    .sort((a, b) => total * shares[b] - counts[b] - (total * shares[a] - counts[a]) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]]++;
  return counts;
}

/**
 * Rows of each class per split (flat [class * 3 + split]) such that every class's row sums to its size, every
 * split's column sums to totals[split], and every cell is floor(size * share) or one more. A class's missing rows go
 * to the cells with the largest remainders first; where a split is already full, an augmenting path (max-flow over
 * class → split cells of capacity 1) moves extras around. Such a rounding always exists for a two-way table.
 */
function apportionClasses(sizes: Int32Array, shares: number[], totals: number[]): Int32Array {
  const classes = sizes.length;
  const cells = new Int32Array(classes * 3);
  const extra = new Uint8Array(classes * 3); // 1 where a cell got its one extra row
  const classNeeds = new Int32Array(classes);
  const splitNeeds = totals.slice();
  const candidates: Array<{ cell: number; remainder: number }> = [];
  for (let c = 0; c < classes; c++) {
    let given = 0;
    for (let s = 0; s < 3; s++) {
      const quota = sizes[c] * shares[s];
      const floor = Math.floor(quota);
      cells[c * 3 + s] = floor;
      given += floor;
      splitNeeds[s] -= floor;
      if (shares[s] > 0) candidates.push({ cell: c * 3 + s, remainder: quota - floor });
    }
    classNeeds[c] = sizes[c] - given;
  }
  candidates.sort((a, b) => b.remainder - a.remainder || a.cell - b.cell);
  for (const { cell } of candidates) {
    const c = Math.floor(cell / 3);
    const s = cell % 3;
    if (classNeeds[c] > 0 && splitNeeds[s] > 0) {
      extra[cell] = 1;
      classNeeds[c]--;
      splitNeeds[s]--;
    }
  }
  for (let c = 0; c < classes; c++) {
    while (classNeeds[c] > 0) {
      if (!augment(c, extra, splitNeeds, shares, classes)) {
        throw new Error(`split: could not balance class ${c} across the splits (internal error; please report)`);
      }
      classNeeds[c]--;
    }
  }
  for (let i = 0; i < cells.length; i++) cells[i] += extra[i];
  return cells;
}

/**
 * Breadth-first search for an alternating path from class `start` to a split with room: class → split over a cell
 * without an extra, split → class over a cell with one. Flipping the path gives `start` one more extra row.
 */
function augment(start: number, extra: Uint8Array, splitNeeds: number[], shares: number[], classes: number): boolean {
  const cameFromSplit = new Int32Array(classes).fill(-2); // for each reached class, the split it was reached from
  const cameFromClass = [-1, -1, -1]; // for each reached split, the class it was reached from
  cameFromSplit[start] = -1;
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q];
    for (let s = 0; s < 3; s++) {
      if (shares[s] === 0 || extra[c * 3 + s] || cameFromClass[s] >= 0) continue;
      cameFromClass[s] = c;
      if (splitNeeds[s] > 0) {
        splitNeeds[s]--;
        // Walk back, flipping cells: split s gains from class c, which gives up its extra in the split it came from.
        let split = s;
        for (;;) {
          const cls = cameFromClass[split];
          extra[cls * 3 + split] = 1;
          const previous = cameFromSplit[cls];
          if (previous < 0) return true;
          extra[cls * 3 + previous] = 0;
          split = previous;
        }
      }
      for (let other = 0; other < classes; other++) {
        if (extra[other * 3 + s] && cameFromSplit[other] === -2) {
          cameFromSplit[other] = s;
          queue.push(other);
        }
      }
    }
  }
  return false;
}
