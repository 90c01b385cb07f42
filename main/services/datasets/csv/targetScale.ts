// Whether a regression label is on a scale a network learns badly from, and what the import does about it: its
// outputs start near 0 and its weights and learning rates suit targets of about ±1, so a label of house prices
// (130,000 ± 59,000) starts with errors and gradients that size: plain SGD diverges to NaN at the usual rates and
// Adam's steps take long to grow the outputs. By default ('auto') such a label is standardized for training (the
// manifest's targetNormalization: the engine trains on (y - mean) / std and gives predictions, MAE and RMSE in the
// label's units again); kept as it is, the import says so with the divisor that brings it near ±1.
import { readFileSync } from 'node:fs';
import type { TargetNormalization } from '../../../../engine/core/data/dataset';
import { computeTargetNormalization } from '../../../../engine/core/data/targetNormalization';
import type { ImportNote } from '../../../api/importNotes';
import type { LabelScale } from './options';

/** A spread (standard deviation over the training rows), or a distance of the mean from 0, from which a label is large. */
export const LARGE_TARGET_STD = 100;

/** Four significant digits: the note's numbers are for reading, not for computing. */
const shown = (x: number) => Number(x.toPrecision(4));

export interface LabelScaling {
  /** What the manifest records (null: the model learns the label as it is). */
  targetNormalization: TargetNormalization | null;
  /** 'csv-label-standardized' when standardized, 'csv-label-large' when a large label is kept, else null. */
  note: ImportNote | null;
}

/**
 * The scaling of the float32 targets at `targetsPath` (one per row) for `choice`, from their mean and spread over
 * the training rows `train`. 'auto' standardizes a label whose spread or whose mean's distance from 0 is
 * LARGE_TARGET_STD or more (over at least two training rows); 'standardize' always; 'keep' never.
 */
export function labelScaling(
  column: string,
  targetsPath: string,
  train: Int32Array,
  choice: LabelScale = 'auto',
): LabelScaling {
  const bytes = readFileSync(targetsPath);
  // A copy: a small file's Buffer may sit in Node's shared pool at an offset a Float32Array cannot start at.
  const targets = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const stats = computeTargetNormalization(targets, 1, train);
  const [mean] = stats.mean;
  const [std] = stats.std;
  const large = train.length >= 2 && (std >= LARGE_TARGET_STD || Math.abs(mean) >= LARGE_TARGET_STD);
  if (choice === 'standardize' || (choice === 'auto' && large)) {
    return {
      targetNormalization: stats,
      note: { code: 'csv-label-standardized', values: { column, mean: shown(mean), std: shown(std) } },
    };
  }
  if (!large) return { targetNormalization: null, note: null };
  // Kept as it is: the power of ten that brings the spread (or, for a narrow label far from 0, the mean) near ±1.
  const divisor = 10 ** Math.floor(Math.log10(std >= LARGE_TARGET_STD ? std : Math.abs(mean)));
  return {
    targetNormalization: null,
    note: {
      code: 'csv-label-large',
      values: {
        column,
        mean: shown(mean),
        std: shown(std),
        divisor,
        scaledMean: shown(mean / divisor),
        scaledStd: shown(std / divisor),
      },
    },
  };
}
