// A rate changed at a pause: each schedule continues from the new rate as PyTorch's chainable schedulers do once
// group['lr'] is set, and the change survives a checkpoint (state and restore).
import { describe, expect, it } from 'vitest';
import { createSchedule } from './index';
import type { ScheduleConfig } from '../train/config';

/** The rates of epochs 0..n-1 with the rate set to `newLr` at the start of epoch `at`. */
function rebased(config: ScheduleConfig, base: number, at: number, newLr: number, n: number): number[] {
  const schedule = createSchedule(config, base);
  const rates: number[] = [];
  for (let e = 0; e < n; e++) {
    if (e === at) schedule.rebase(newLr);
    rates.push(schedule.lr);
    schedule.endEpoch(1); // a constant loss: the plateau schedule reduces after its patience
  }
  return rates;
}

describe('Schedule.rebase', () => {
  it('step decay multiplies the new rate by gamma at its later boundaries', () => {
    const rates = rebased({ type: 'step', stepSize: 2, gamma: 0.5 }, 0.1, 3, 0.4, 6);
    expect(rates.slice(0, 3)).toEqual([0.1, 0.1, 0.05]);
    expect(rates[3]).toBeCloseTo(0.4, 12);
    expect(rates[4]).toBeCloseTo(0.2, 12);
    expect(rates[5]).toBeCloseTo(0.2, 12);
  });

  it('cosine moves the part above etaMin along the same cosine', () => {
    const config: ScheduleConfig = { type: 'cosine', tMax: 4, etaMin: 0.01 };
    const plain = rebased(config, 0.1, 99, 0, 4);
    const rates = rebased(config, 0.1, 1, 0.05, 4);
    const factor = (0.05 - 0.01) / (plain[1] - 0.01);
    expect(rates[1]).toBeCloseTo(0.05, 12);
    expect(rates[2]).toBeCloseTo(0.01 + factor * (plain[2] - 0.01), 12);
    expect(rates[3]).toBeCloseTo(0.01 + factor * (plain[3] - 0.01), 12);
  });

  it('plateau reduces from the new rate', () => {
    const rates = rebased({ type: 'plateau', patience: 0, factor: 0.5 }, 0.1, 2, 0.8, 4);
    // Epoch 0 sets the best loss; each later equal loss is a bad epoch and halves the rate.
    expect(rates).toEqual([0.1, 0.1, 0.8, 0.4]);
  });

  it('a restored state keeps the change', () => {
    const config: ScheduleConfig = { type: 'exponential', gamma: 0.9 };
    const live = createSchedule(config, 0.1);
    live.endEpoch();
    live.rebase(0.02);
    const restored = createSchedule(config, 0.1);
    restored.restore(JSON.parse(JSON.stringify(live.state())));
    live.endEpoch();
    restored.endEpoch();
    expect(restored.lr).toBe(live.lr);
    expect(live.lr).toBeCloseTo(0.018, 12);
  });

  it('refuses a rate placed on a schedule at its floor', () => {
    const schedule = createSchedule({ type: 'cosine', tMax: 1 }, 0.1);
    schedule.endEpoch();
    expect(() => schedule.rebase(0.05)).toThrow(/floor/);
  });
});
