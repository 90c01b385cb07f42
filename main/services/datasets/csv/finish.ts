// After the rows are written: fills missing cells (NaN in features.f32) with values taken from the training rows,
// and computes the z-score statistics of the training rows, reading the feature file back a block at a time.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { DatasetManifest } from '../../../../engine/core/data/dataset';
import { CsvImportError } from './errors';
import type { MissingPolicy } from './options';
import type { ImportPlan } from './plan';
import type { FillTally } from './write';

type Normalization = NonNullable<DatasetManifest['normalization']>;

const BLOCK_BYTES = 1 << 20;
/** Below this a feature is constant: std 1 so standardizing leaves it at 0 instead of dividing by ~0. */
const CONSTANT_STD = 1e-12;

/**
 * Per feature column (plan order): the value its missing cells get — a number for numeric columns, a category
 * index for categorical ones — or null where nothing is missing.
 */
export function fillValues(
  file: string,
  plan: ImportPlan,
  tallies: Array<FillTally | null>,
  policy: MissingPolicy,
): Array<number | null> {
  return plan.features.map((f, k) => {
    const tally = tallies[k];
    if (!tally) return null;
    if (tally.count === 0) {
      throw new CsvImportError({ file }, 'nothing-to-fill', { column: f.name });
    }
    if (f.kind === 'categorical') return indexOfMax(tally.categoryCounts); // ties: the first in category order
    if (policy === 'fill-mean') return tally.sum / tally.count;
    let best = Number.NaN;
    let bestCount = 0;
    for (const [value, n] of tally.numberCounts)
      if (n > bestCount || (n === bestCount && value < best)) {
        best = value;
        bestCount = n;
      }
    return best;
  });
}

function indexOfMax(counts: Float64Array): number {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return best;
}

/**
 * Mean and population std per numeric feature over the training rows given row by row (one-hot features: mean 0,
 * std 1): Welford's update in double over the float32 values the engine will read, so any writer of the feature
 * file that sees the rows in order gets the statistics reading the file back would.
 */
export class TrainingStats {
  private readonly numeric: number[];
  private readonly seen: Float64Array;
  private readonly mean: Float64Array;
  private readonly squares: Float64Array;

  constructor(
    private readonly plan: ImportPlan,
    readonly isTrain: Uint8Array,
  ) {
    const featureSize = plan.featureNames.length;
    this.numeric = plan.features.filter((f) => f.kind === 'numeric').map((f) => f.offset);
    this.seen = new Float64Array(featureSize);
    this.mean = new Float64Array(featureSize);
    this.squares = new Float64Array(featureSize);
  }

  /** Row `row` (kept-row index) of the feature file, at `at` in `block`; only training rows count. */
  addRow(row: number, block: Float32Array, at: number): void {
    if (!this.isTrain[row]) return;
    const { seen, mean, squares } = this;
    for (const o of this.numeric) {
      const x = block[at + o];
      const n = ++seen[o];
      const delta = x - mean[o];
      mean[o] += delta / n;
      squares[o] += delta * (x - mean[o]);
    }
  }

  result(): Normalization {
    const featureSize = this.plan.featureNames.length;
    const means = new Array<number>(featureSize).fill(0);
    const stds = new Array<number>(featureSize).fill(1);
    for (const o of this.numeric) {
      means[o] = this.seen[o] ? this.mean[o] : 0;
      const std = this.seen[o] ? Math.sqrt(this.squares[o] / this.seen[o]) : 0;
      stds[o] = std > CONSTANT_STD ? std : 1;
    }
    return { axis: 'feature', mean: means, std: stds };
  }
}

/**
 * Replaces the NaN markers in the feature file with the fill values, and returns mean and population std per
 * feature over the training rows (one-hot features: mean 0, std 1), or null when `standardize` is off.
 */
export function finishFeatures(
  featuresPath: string,
  plan: ImportPlan,
  fills: Array<number | null>,
  isTrain: Uint8Array,
  standardize: boolean,
): Normalization | null {
  const featureSize = plan.featureNames.length;
  const count = isTrain.length;
  const anyFill = fills.some((v) => v !== null);
  if (!anyFill && !standardize) return null;
  const stats = new TrainingStats(plan, isTrain);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_BYTES / (featureSize * 4)));
  const block = new Float32Array(rowsPerBlock * featureSize);
  const bytes = new Uint8Array(block.buffer);
  const fd = openSync(featuresPath, anyFill ? 'r+' : 'r');
  try {
    for (let first = 0; first < count; first += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, count - first);
      const length = rows * featureSize * 4;
      const position = first * featureSize * 4;
      let read = 0;
      while (read < length) {
        const n = readSync(fd, bytes, read, length - read, position + read);
        if (n === 0) throw new Error(`${featuresPath} is shorter than expected (internal error; please report)`);
        read += n;
      }
      let changed = false;
      for (let r = 0; r < rows; r++) {
        const at = r * featureSize;
        if (anyFill) changed = fillRow(block, at, plan, fills) || changed;
        if (standardize) stats.addRow(first + r, block, at);
      }
      if (changed) {
        let written = 0;
        while (written < length) written += writeSync(fd, bytes, written, length - written, position + written);
      }
    }
  } finally {
    closeSync(fd);
  }
  return standardize ? stats.result() : null;
}

function fillRow(block: Float32Array, at: number, plan: ImportPlan, fills: Array<number | null>): boolean {
  let changed = false;
  for (let k = 0; k < plan.features.length; k++) {
    const fill = fills[k];
    if (fill === null) continue;
    const f = plan.features[k];
    const o = at + f.offset;
    if (!Number.isNaN(block[o])) continue;
    changed = true;
    if (f.kind === 'numeric') {
      block[o] = fill;
    } else {
      block.fill(0, o, o + f.categories.length);
      block[o + fill] = 1;
    }
  }
  return changed;
}
