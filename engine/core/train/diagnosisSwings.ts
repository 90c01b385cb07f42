// An unstable validation loss: over the latest epochs it rose and fell by large amounts, again and again, while the
// training loss moved smoothly. A single jump is a validation spike (diagnosisLoss.ts); a steady rise is overfitting.
// An unstable training loss: the training loss itself doing so (a single jump of it is a loss spike).
import { median, round4 } from './diagnosisMath';
import { reference, type Finding } from './diagnosisLoss';
import type { RunSetup } from './diagnosisSetup';
import type { DiagnosisThresholds } from './diagnosisThresholds';
import type { EpochRecord } from './diagnose';

/** A move of a series from one turning point to the next (indices into the series). */
interface Swing {
  from: number;
  to: number;
  rise: boolean;
}

/**
 * The swings of `values` of at least `size`: a turning point counts only once the series has moved `size` back
 * from it, so smaller wiggles on the way (and a two-epoch bump's shoulder) do not split a swing.
 */
export function swingsOf(values: readonly number[], size: number): Swing[] {
  const swings: Swing[] = [];
  let low = 0;
  let high = 0;
  let direction = 0; // +1 rising, -1 falling, 0 not yet moved by `size`
  let pivot = 0;
  let extreme = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (direction === 0) {
      if (v > values[high]) high = i;
      if (v < values[low]) low = i;
      if (values[high] - values[low] >= size) {
        direction = high > low ? 1 : -1;
        [pivot, extreme] = high > low ? [low, high] : [high, low];
      }
    } else if (direction * (v - values[extreme]) >= 0) {
      extreme = i;
    } else if (Math.abs(v - values[extreme]) >= size) {
      swings.push({ from: pivot, to: extreme, rise: direction > 0 });
      [pivot, extreme, direction] = [extreme, i, -direction];
    }
  }
  if (direction !== 0) swings.push({ from: pivot, to: extreme, rise: direction > 0 });
  return swings;
}

/** How far a series went back and forth: its total movement beyond the net change from first to last (0 if monotone). */
function backAndForth(values: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < values.length; i++) total += Math.abs(values[i] - values[i - 1]);
  return total - Math.abs(values[values.length - 1] - values[0]);
}

/** The rises of `values` (the latest epochs' losses) large against both their median and the reference loss. */
function largeRises(
  values: readonly number[],
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
) {
  const size = Math.max(
    th.unstableSwingOfTypical * median(values),
    th.unstableSwingOfReference * reference(history, setup, th).value,
  );
  return swingsOf(values, size).filter((s) => s.rise);
}

/** A finding on the swings of `values` over the epochs of `recent`, quoting the largest rise. */
function swingsFinding(
  code: 'validation-unstable' | 'training-unstable',
  recent: readonly EpochRecord[],
  values: readonly number[],
  rises: readonly Swing[],
): Finding {
  const largest = rises.reduce((a, b) => (values[b.to] - values[b.from] > values[a.to] - values[a.from] ? b : a));
  return {
    code,
    severity: 'warning',
    params: {
      fromEpoch: recent[0].epoch,
      toEpoch: recent[recent.length - 1].epoch,
      rises: rises.length,
      lowest: round4(Math.min(...values)),
      highest: round4(Math.max(...values)),
      largestFrom: round4(values[largest.from]),
      largestTo: round4(values[largest.to]),
      largestEpoch: recent[largest.to].epoch,
    },
  };
}

/**
 * The validation loss of the latest epochs rose unstableRises times or more, each rise large against both its
 * median and the reference loss, while the training loss over the same epochs went back and forth far less.
 */
export function validationUnstable(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  const records = history.filter((r) => r.valLoss !== undefined);
  if (records.length < th.minEpochs) return null;
  const recent = records.slice(-Math.max(2, Math.round(th.unstableEpochs)));
  const val = recent.map((r) => r.valLoss!);
  const train = recent.map((r) => r.trainLoss);
  const rises = largeRises(val, history, setup, th);
  if (rises.length < Math.round(th.unstableRises)) return null;
  if (backAndForth(train) > th.unstableTrainShare * backAndForth(val)) return null;
  return swingsFinding('validation-unstable', recent, val, rises);
}

/**
 * The training loss of the latest epochs rose unstableRises times or more by the same measure. An epoch's training
 * loss averages its steps and moves smoothly while each step improves the weights a little: large rises, again and
 * again, are steps that throw the weights far off. (One rise alone is a loss spike, lossSpike.)
 */
export function trainingUnstable(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  if (history.length < th.minEpochs) return null;
  const recent = history.slice(-Math.max(2, Math.round(th.unstableEpochs)));
  const train = recent.map((r) => r.trainLoss);
  const rises = largeRises(train, history, setup, th);
  if (rises.length < Math.round(th.unstableRises)) return null;
  // With dropout, every step's loss is measured through a random mask, so the training loss swings though no step
  // goes wrong (most when an epoch is one step: the dropout lesson's full batch); the validation loss, measured
  // without dropout on the weights the steps left, then moves far less. Steps that throw the weights off move it too.
  if (setup.dropout && recent.every((r) => r.valLoss !== undefined)) {
    const val = recent.map((r) => r.valLoss!);
    if (backAndForth(val) <= th.unstableTrainShare * backAndForth(train)) return null;
  }
  return swingsFinding('training-unstable', recent, train, rises);
}
