// The run's train/validation/test rows, shipped beside an exported training script (`<name>.split.json`) so the
// script trains, validates and tests on exactly Netwright's rows. A check value over the labels (or targets) in
// row order lets the script refuse data whose rows are not the ones Netwright's indices refer to.

export const SPLIT_FORMAT = 'netwright-split-1';

/** The modulus of the label check: a prime below 2^31, so Python and JavaScript both compute it exactly. */
export const LABEL_CHECK_MODULUS = 2_147_483_647;

export interface SplitFileInput {
  /** Rows in the dataset (the script must read this many). */
  rows: number;
  /** Row indices into the data in the order the script reads it (the source file's order). */
  train: ArrayLike<number>;
  validation: ArrayLike<number>;
  test: ArrayLike<number>;
  /** Class indices per row (classification) or targets, rows × outputs row-major (regression). */
  truth: { kind: 'labels'; labels: ArrayLike<number> } | { kind: 'targets'; targets: ArrayLike<number> };
  /** The seed and fractions the split was drawn with (shown to the reader). */
  seed: number;
}

export interface SplitFile {
  format: typeof SPLIT_FORMAT;
  rows: number;
  seed: number;
  train: number[];
  validation: number[];
  test: number[];
  /** labels: sum over rows i of (i + 1) * (label_i + 1) modulo LABEL_CHECK_MODULUS; targets: their sum. */
  check: { kind: 'labels'; value: number } | { kind: 'targets'; value: number; scale: number };
}

/** Σ (i + 1)(label_i + 1) mod 2^31 − 1, each term and the running sum exact in float64. */
export function labelCheck(labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++)
    sum = (sum + ((i + 1) % LABEL_CHECK_MODULUS) * (labels[i] + 1)) % LABEL_CHECK_MODULUS;
  return sum;
}

export function exportSplitFile(input: SplitFileInput): string {
  const { rows } = input;
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`split export: the dataset must have at least one row, got ${rows}`);
  const seen = new Uint8Array(rows);
  const part = (name: string, indices: ArrayLike<number>): number[] => {
    const out = Array.from(indices);
    for (const i of out) {
      if (!Number.isInteger(i) || i < 0 || i >= rows)
        throw new Error(`split export: the ${name} split names row ${i}, the dataset has ${rows}`);
      if (seen[i]) throw new Error(`split export: row ${i} is in more than one split`);
      seen[i] = 1;
    }
    return out;
  };
  const file: SplitFile = {
    format: SPLIT_FORMAT,
    rows,
    seed: input.seed,
    train: part('train', input.train),
    validation: part('validation', input.validation),
    test: part('test', input.test),
    check: truthCheck(input.truth, rows),
  };
  return `${JSON.stringify(file)}\n`;
}

function truthCheck(truth: SplitFileInput['truth'], rows: number): SplitFile['check'] {
  switch (truth.kind) {
    case 'labels':
      if (truth.labels.length !== rows) throw new Error(`split export: ${truth.labels.length} labels for ${rows} rows`);
      return { kind: 'labels', value: labelCheck(truth.labels) };
    case 'targets': {
      if (truth.targets.length % rows !== 0)
        throw new Error(`split export: ${truth.targets.length} target values for ${rows} rows`);
      let sum = 0;
      let scale = 0;
      for (let i = 0; i < truth.targets.length; i++) {
        sum += truth.targets[i];
        scale += Math.abs(truth.targets[i]);
      }
      return { kind: 'targets', value: sum, scale };
    }
    default:
      throw new Error(`split export: unknown truth kind '${(truth as { kind: string }).kind}'`);
  }
}
