// Reading a run's stored epochs: the records diagnose() takes, and the per-epoch series the charts draw.
import type { EpochRecord as StoredEpoch } from '../../../main/api/types';
import type { EpochRecord as DiagnoseEpoch } from '../../../engine/core/train/diagnose';
import {
  fromStoredEpoch,
  storedNorms as norms,
  storedNumber as numberOrNaN,
} from '../../../engine/core/train/diagnosisHistory';
import type { Point } from './smoothing';

/** The validation metrics of an epoch, when it had a validation split. */
export function validationOf(record: StoredEpoch): Record<string, unknown> | null {
  const v = record.metrics.validation;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
}

/** A stored epoch as diagnose() reads it (NaN stored as null comes back as NaN): the engine's one reading. */
export function toDiagnoseRecord(record: StoredEpoch): DiagnoseEpoch {
  return fromStoredEpoch(record);
}

/** One value per epoch (x = epoch); epochs without it are left out. */
export function epochSeries(epochs: readonly StoredEpoch[], pick: (r: StoredEpoch) => unknown): Point[] {
  const points: Point[] = [];
  for (const r of epochs) {
    const y = pick(r);
    if (typeof y === 'number') points.push({ x: r.epoch, y });
  }
  return points;
}

/** The validation metric `name` (e.g. 'mae', 'r2') per epoch. */
export function validationSeries(epochs: readonly StoredEpoch[], name: string): Point[] {
  return epochSeries(epochs, (r) => validationOf(r)?.[name]);
}

/** Gradient norm per layer over the epochs, layers in network order (as the engine reports them). */
export function gradNormSeries(epochs: readonly StoredEpoch[]): Array<{ layer: string; points: Point[] }> {
  const layers: string[] = [];
  for (const r of epochs) {
    for (const layer of Object.keys(norms(r.metrics.gradNorms) ?? {})) if (!layers.includes(layer)) layers.push(layer);
  }
  return layers.map((layer) => ({ layer, points: epochSeries(epochs, (r) => norms(r.metrics.gradNorms)?.[layer]) }));
}

/** The durations of the recorded epochs in seconds, for the time-left estimate. */
export function epochSeconds(epochs: readonly StoredEpoch[]): number[] {
  return epochs.map((r) => numberOrNaN(r.metrics.seconds));
}
