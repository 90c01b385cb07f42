// A schedule whose rate is a closed-form function of the epoch index (constant, step, multistep, exponential, cosine).
// Computing lr(e) directly, instead of multiplying by gamma each epoch, keeps the rate exact to a few ulps over any run
// and makes a resumed run bit-identical to an uninterrupted one.
import type { EpochCountState, Schedule, ScheduleState } from './types';
import { requireStateType } from './checks';

export class ClosedFormSchedule implements Schedule {
  private epochsDone = 0;

  constructor(
    private readonly kind: EpochCountState['type'],
    /** The rate used during epoch e (e = 0, 1, ...); lrAt(0) is the base rate. */
    private readonly lrAt: (epoch: number) => number,
  ) {}

  get lr(): number {
    return this.lrAt(this.epochsDone);
  }

  endEpoch(): void {
    this.epochsDone++;
  }

  state(): EpochCountState {
    return { type: this.kind, epochsDone: this.epochsDone };
  }

  restore(state: ScheduleState): void {
    requireStateType(this.kind, state);
    const done = state.epochsDone;
    if (!Number.isInteger(done) || done < 0) {
      throw new Error(
        `cannot resume the '${this.kind}' schedule: epochsDone must be a whole number ≥ 0 (got ${String(done)})`,
      );
    }
    this.epochsDone = done;
  }
}
