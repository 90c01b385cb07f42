// The contract every learning-rate schedule keeps, and the JSON state a checkpoint stores to resume one exactly.
import type { ScheduleKind } from '../train/config';

export interface Schedule {
  /** The learning rate to use for the current epoch. */
  readonly lr: number;
  /** Call once at the end of every epoch; the plateau schedule needs that epoch's validation loss. */
  endEpoch(validationLoss?: number): void;
  /** A JSON-serializable snapshot (no Infinity or NaN inside), for checkpoints. */
  state(): ScheduleState;
  /** Resume from a snapshot taken by a schedule built from the same config and base rate. */
  restore(state: ScheduleState): void;
  /**
   * Continue from `lr` now (a rate changed at a pause), as PyTorch's chainable schedulers do after
   * `group['lr']` is set: later steps act on the new rate (step, multistep, exponential and plateau multiply it,
   * cosine moves what lies above etaMin along the same cosine).
   */
  rebase(lr: number): void;
}

/** Schedules whose rate is a formula of the epoch: the state is only how many epochs have ended. */
export interface EpochCountState {
  type: Exclude<ScheduleKind, 'plateau'>;
  /** Epochs completed so far, which is also the index of the current epoch. */
  epochsDone: number;
  /** Factor on the formula's part above its floor after a changed rate (absent: 1, never changed). */
  scale?: number;
}

/** ReduceLROnPlateau depends on the losses it has seen, so it keeps its running values. */
export interface PlateauState {
  type: 'plateau';
  epochsDone: number;
  lr: number;
  /** Best validation loss so far; null before the first loss (JSON has no Infinity). */
  best: number | null;
  /** Epochs in a row without an improvement since the last improvement or reduction. */
  badEpochs: number;
}

export type ScheduleState = EpochCountState | PlateauState;
