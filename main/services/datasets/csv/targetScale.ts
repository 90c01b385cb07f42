// Whether a regression label is on a scale a network learns badly from: its outputs start near 0 and its weights and
// learning rates suit targets of about ±1, so a label of house prices (130,000 ± 59,000) starts with errors and
// gradients that size: plain SGD diverges to NaN at the usual rates and Adam's steps take long to grow the outputs.
// The import says so with the divisor that brings the label near that scale (the user rescales the column: the
// dataset keeps the values the file holds, so predictions stay in its units).
import { readFileSync } from 'node:fs';
import type { ImportNote } from '../../../api/importNotes';

/** A spread (standard deviation over the training rows) from which the label is called large. */
export const LARGE_TARGET_STD = 100;

/** Four significant digits: the note's numbers are for reading, not for computing. */
const shown = (x: number) => Number(x.toPrecision(4));

/**
 * The 'csv-label-large' note for the float32 targets at `targetsPath` (one per row) over the training rows `train`,
 * or null when their spread is below LARGE_TARGET_STD (or there are fewer than two training rows).
 */
export function largeTargetNote(column: string, targetsPath: string, train: Int32Array): ImportNote | null {
  if (train.length < 2) return null;
  const bytes = readFileSync(targetsPath);
  // A copy: a small file's Buffer may sit in Node's shared pool at an offset a Float32Array cannot start at.
  const targets = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let mean = 0;
  let squares = 0; // Welford, in float64: stable when the mean is large beside the spread
  for (let i = 0; i < train.length; i++) {
    const y = targets[train[i]];
    const delta = y - mean;
    mean += delta / (i + 1);
    squares += delta * (y - mean);
  }
  const std = Math.sqrt(squares / train.length);
  if (!(std >= LARGE_TARGET_STD)) return null;
  const divisor = 10 ** Math.floor(Math.log10(std));
  return {
    code: 'csv-label-large',
    values: {
      column,
      mean: shown(mean),
      std: shown(std),
      divisor,
      scaledMean: shown(mean / divisor),
      scaledStd: shown(std / divisor),
    },
  };
}
