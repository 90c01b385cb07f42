// The progress bar's share done and time left.
import { describe, expect, it } from 'vitest';
import { formatDuration, fractionDone, positionOf, secondsLeft } from './timeLeft';

describe('time left', () => {
  const halfway = { epoch: 3, batch: 5, batches: 10, epochsPlanned: 5 };

  it('counts finished epochs and the batches of the current one', () => {
    expect(fractionDone(halfway)).toBeCloseTo(0.5);
  });

  it('uses the recent epoch durations when there are some', () => {
    // 2 s per epoch (the last three), 2.5 of 5 epochs left.
    expect(secondsLeft(halfway, [10, 2, 2, 2], 999)).toBeCloseTo(5);
  });

  it('falls back to the watching time before the first epoch ends', () => {
    const early = { epoch: 1, batch: 5, batches: 10, epochsPlanned: 2 }; // a quarter done
    expect(secondsLeft(early, [], 30)).toBeCloseTo(90);
  });

  it('knows nothing before the first batch', () => {
    expect(secondsLeft({ epoch: 1, batch: 0, batches: 10, epochsPlanned: 2 }, [], 5)).toBeNull();
  });

  it('formats minutes and hours', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('where a run stands', () => {
  it('says the epoch an early-stopped run ended at, not the next one', () => {
    const ended = positionOf(12, 50, null, false);
    expect(ended.epoch).toBe(12);
    expect(fractionDone(ended)).toBeCloseTo(12 / 50, 10);
  });

  it('says the last whole epoch of a stopped run, even when its last report was mid-epoch', () => {
    expect(positionOf(7, 30, { epoch: 8, batch: 3, batches: 10 }, false).epoch).toBe(7);
  });

  it('follows the epoch in progress while training, and the next epoch before the first report', () => {
    expect(positionOf(7, 30, { epoch: 8, batch: 3, batches: 10 }, true)).toEqual({
      epoch: 8,
      batch: 3,
      batches: 10,
      epochsPlanned: 30,
    });
    expect(positionOf(7, 30, null, true).epoch).toBe(8);
    expect(positionOf(0, 30, null, false).epoch).toBe(1);
  });

  it('ends a run trained to the end on its last epoch', () => {
    expect(fractionDone(positionOf(30, 30, null, false))).toBe(1);
  });
});

describe('time left by the wall clock', () => {
  it('follows the pace epochs really end at, not their own times (15,190 epochs of a fast run: 43 s, not 7)', () => {
    const p = { epoch: 34811, batch: 0, batches: 20, epochsPlanned: 50000 };
    const ownTimes = [0.00045, 0.00046, 0.00044];
    expect(secondsLeft(p, ownTimes, 100)).toBeLessThan(8);
    expect(secondsLeft(p, ownTimes, 100, 1 / 356)).toBeCloseTo((50000 - 34810) / 356, 0);
  });
});
