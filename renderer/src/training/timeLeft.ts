// Time left in a run: from the recorded epoch durations when there are some (they leave out pauses), otherwise
// from the time since the live panel started watching.

export interface TrainingPosition {
  /** 1-based epoch being trained, its batch (1-based, done) and batches per epoch. */
  epoch: number;
  batch: number;
  batches: number;
  epochsPlanned: number;
}

/**
 * Where a run stands. While it trains: the epoch and batch in progress (or, before the first report, the next
 * epoch). Once it has ended (completed, stopped early, stopped): the last epoch it finished, whole.
 */
export function positionOf(
  epochsDone: number,
  epochsPlanned: number,
  progress: { epoch: number; batch: number; batches: number } | null,
  active: boolean,
): TrainingPosition {
  if (active && progress)
    return { epoch: progress.epoch, batch: progress.batch, batches: progress.batches, epochsPlanned };
  if (active || epochsDone === 0) return { epoch: epochsDone + 1, batch: 0, batches: 1, epochsPlanned };
  return { epoch: epochsDone, batch: 1, batches: 1, epochsPlanned };
}

/** The share of the run done, 0..1. */
export function fractionDone(p: TrainingPosition): number {
  if (p.epochsPlanned <= 0) return 0;
  const inEpoch = p.batches > 0 ? Math.min(1, Math.max(0, p.batch / p.batches)) : 0;
  return Math.min(1, Math.max(0, (p.epoch - 1 + inEpoch) / p.epochsPlanned));
}

/**
 * Seconds left, or null while there is nothing to go on. `epochSeconds` are the durations of finished epochs
 * (the last few count, since the first epoch often includes warm-up); `elapsedSeconds` is the watching time.
 */
export function secondsLeft(
  p: TrainingPosition,
  epochSeconds: readonly number[],
  elapsedSeconds: number,
  /** Seconds per epoch by the wall clock (liveRun.ts paceOf): wins over the epochs' own times when known. */
  pace: number | null = null,
): number | null {
  const done = fractionDone(p);
  if (done >= 1) return 0;
  if (pace !== null && pace > 0) return pace * p.epochsPlanned * (1 - done);
  const recent = epochSeconds.filter((s) => Number.isFinite(s) && s > 0).slice(-3);
  if (recent.length > 0) {
    const perEpoch = recent.reduce((a, b) => a + b, 0) / recent.length;
    return perEpoch * p.epochsPlanned * (1 - done);
  }
  if (done <= 0 || !(elapsedSeconds > 0)) return null;
  return (elapsedSeconds * (1 - done)) / done;
}

/** 75 → "1:15", 3725 → "1:02:05": the same in every language. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
