// A schedule whose rate is a closed-form function of the epoch index (constant, step, multistep, exponential, cosine).
// Computing lr(e) directly, instead of multiplying by gamma each epoch, keeps the rate exact to a few ulps over any run
// and makes a resumed run bit-identical to an uninterrupted one.
import type { EpochCountState, Schedule, ScheduleState } from './types';
import { requireStateType } from './checks';

export class ClosedFormSchedule implements Schedule {
  private epochsDone = 0;
  /** After a changed rate: lr(e) = floor + scale * (lrAt(e) - floor). */
  private scale = 1;

  constructor(
    private readonly kind: EpochCountState['type'],
    /** The rate used during epoch e (e = 0, 1, ...); lrAt(0) is the base rate. */
    private readonly lrAt: (epoch: number) => number,
    /** The rate the formula approaches and a changed rate keeps (cosine's etaMin; 0 for the others). */
    private readonly floor = 0,
  ) {}

  get lr(): number {
    const formula = this.lrAt(this.epochsDone);
    return this.scale === 1 ? formula : this.floor + this.scale * (formula - this.floor);
  }

  rebase(lr: number): void {
    const above = this.lrAt(this.epochsDone) - this.floor;
    if (!(above > 0))
      throw new Error(
        `schedule '${this.kind}': the rate is at its floor (${this.floor}) this epoch, so a new rate cannot be placed on it`,
      );
    this.scale = (lr - this.floor) / above;
  }

  endEpoch(): void {
    this.epochsDone++;
  }

  state(): EpochCountState {
    return this.scale === 1
      ? { type: this.kind, epochsDone: this.epochsDone }
      : { type: this.kind, epochsDone: this.epochsDone, scale: this.scale };
  }

  restore(state: ScheduleState): void {
    requireStateType(this.kind, state);
    const done = state.epochsDone;
    if (!Number.isInteger(done) || done < 0) {
      throw new Error(
        `cannot resume the '${this.kind}' schedule: epochsDone must be a whole number ≥ 0 (got ${String(done)})`,
      );
    }
    const scale = (state as EpochCountState).scale ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale)) {
      throw new Error(
        `cannot resume the '${this.kind}' schedule: scale must be a finite number (got ${String(scale)})`,
      );
    }
    this.epochsDone = done;
    this.scale = scale;
  }
}
