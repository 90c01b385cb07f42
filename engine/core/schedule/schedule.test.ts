// Schedules: planned curves, bad settings, and exact resumption from a checkpointed state.
import { describe, expect, it } from 'vitest';
import { createSchedule, plannedCurve, type ScheduleState } from './index';
import type { ScheduleConfig } from '../train/config';

const configs: ScheduleConfig[] = [
  { type: 'constant' },
  { type: 'step', stepSize: 3, gamma: 0.5 },
  { type: 'multistep', milestones: [2, 5], gamma: 0.1 },
  { type: 'exponential', gamma: 0.9 },
  { type: 'cosine', tMax: 4, etaMin: 0.01 },
  { type: 'plateau', factor: 0.5, patience: 1 },
];

describe('plannedCurve', () => {
  it('constant stays at the base rate', () => {
    expect(plannedCurve({ type: 'constant' }, 0.1, 4)).toEqual({ lrs: [0.1, 0.1, 0.1, 0.1], exact: true });
  });

  it('step halves every stepSize epochs', () => {
    expect(plannedCurve({ type: 'step', stepSize: 2, gamma: 0.5 }, 1, 7).lrs).toEqual([
      1, 1, 0.5, 0.5, 0.25, 0.25, 0.125,
    ]);
  });

  it('multistep multiplies by gamma at each milestone epoch', () => {
    const { lrs } = plannedCurve({ type: 'multistep', milestones: [2, 5], gamma: 0.5 }, 1, 7);
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it('exponential uses base * gamma^epoch without accumulated rounding', () => {
    const { lrs } = plannedCurve({ type: 'exponential', gamma: 0.9 }, 0.1, 200);
    for (let e = 0; e < 200; e++) expect(lrs[e]).toBe(0.1 * Math.pow(0.9, e));
  });

  it('cosine reaches etaMin at tMax and rises again with period 2 * tMax', () => {
    const { lrs, exact } = plannedCurve({ type: 'cosine', tMax: 4, etaMin: 0.01 }, 0.1, 9);
    expect(exact).toBe(true);
    expect(lrs[0]).toBe(0.1);
    expect(lrs[2]).toBeCloseTo(0.055, 15);
    expect(lrs[4]).toBeCloseTo(0.01, 15);
    expect(lrs[6]).toBeCloseTo(0.055, 15);
    expect(lrs[8]).toBeCloseTo(0.1, 15);
  });

  it('cosine without etaMin anneals to zero', () => {
    expect(plannedCurve({ type: 'cosine', tMax: 2 }, 0.2, 3).lrs[2]).toBeCloseTo(0, 15);
  });

  it('plateau previews the fastest possible decay and says it is not exact', () => {
    const planned = plannedCurve({ type: 'plateau', factor: 0.5, patience: 2, minLr: 0.02 }, 0.1, 12);
    // Epoch 0 sets the best loss; epochs 1, 2, 3 are bad; the third bad one (> patience 2) halves the rate for epoch 4.
    expect(planned.lrs).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.02, 0.02]);
    expect(planned.exact).toBe(false);
    expect(planned.note).toMatch(/fastest possible/);
    expect(planned.note).toMatch(/validation loss/);
  });

  it('plateau uses the PyTorch defaults when settings are left out', () => {
    const { lrs } = plannedCurve({ type: 'plateau' }, 1, 13);
    expect(lrs[11]).toBe(1); // patience 10: epochs 1..11 are bad, the 11th reduces
    expect(lrs[12]).toBeCloseTo(0.1, 15);
  });

  it('gives an empty curve for zero epochs and rejects a negative count', () => {
    expect(plannedCurve({ type: 'constant' }, 0.1, 0).lrs).toEqual([]);
    expect(() => plannedCurve({ type: 'constant' }, 0.1, -1)).toThrow(/epochs/);
  });
});

describe('createSchedule rejects bad settings with a clear message', () => {
  const bad: Array<[ScheduleConfig, number, RegExp]> = [
    [{ type: 'step', stepSize: 0, gamma: 0.5 }, 0.1, /stepSize must be a whole number ≥ 1 \(got 0\)/],
    [{ type: 'step', stepSize: 1.5, gamma: 0.5 }, 0.1, /stepSize/],
    [{ type: 'step', stepSize: 2, gamma: 0 }, 0.1, /gamma must be a number > 0/],
    [{ type: 'exponential', gamma: -0.5 }, 0.1, /gamma/],
    [{ type: 'multistep', milestones: [5, 3], gamma: 0.1 }, 0.1, /increasing order/],
    [{ type: 'multistep', milestones: [3, 3], gamma: 0.1 }, 0.1, /without repeats/],
    [{ type: 'multistep', milestones: [], gamma: 0.1 }, 0.1, /at least one/],
    [{ type: 'multistep', milestones: [0, 3], gamma: 0.1 }, 0.1, /milestones\[0\]/],
    [{ type: 'cosine', tMax: 0 }, 0.1, /tMax must be/],
    [{ type: 'cosine', tMax: 5, etaMin: 0.5 }, 0.1, /etaMin/],
    [{ type: 'plateau', factor: 1 }, 0.1, /factor must be between 0 and 1/],
    [{ type: 'plateau', patience: -1 }, 0.1, /patience/],
    [{ type: 'constant' }, 0, /base learning rate/],
    [{ type: 'constant' }, NaN, /base learning rate/],
    [{ type: 'warmup' } as unknown as ScheduleConfig, 0.1, /unknown schedule type 'warmup'/],
  ];
  for (const [config, baseLr, message] of bad) {
    it(`${JSON.stringify(config)} with base ${baseLr}`, () => {
      expect(() => createSchedule(config, baseLr)).toThrow(message);
    });
  }

  it('plateau refuses to step without a validation loss', () => {
    const schedule = createSchedule({ type: 'plateau' }, 0.1);
    expect(() => schedule.endEpoch()).toThrow(/needs the epoch's validation loss/);
  });
});

describe('state and restore', () => {
  // Validation losses with improvements, repeats and rises, so the plateau state is non-trivial mid-run.
  const losses = [2, 1.9, 1.9, 1.95, 1.8, 1.85, 1.85, 1.9, 1.7, 1.7, 1.75, 1.76, 1.6, 1.6, 1.6, 1.6];

  for (const config of configs) {
    it(`${config.type} resumes mid-run exactly as an uninterrupted run`, () => {
      const straight = createSchedule(config, 0.1);
      const expected: number[] = [];
      for (const loss of losses) {
        expected.push(straight.lr);
        straight.endEpoch(loss);
      }

      const first = createSchedule(config, 0.1);
      const resumedLrs: number[] = [];
      for (let e = 0; e < 7; e++) {
        resumedLrs.push(first.lr);
        first.endEpoch(losses[e]);
      }
      // Through JSON, as a checkpoint stores it.
      const saved = JSON.parse(JSON.stringify(first.state())) as ScheduleState;
      const second = createSchedule(config, 0.1);
      second.restore(saved);
      for (let e = 7; e < losses.length; e++) {
        resumedLrs.push(second.lr);
        second.endEpoch(losses[e]);
      }
      expect(resumedLrs).toEqual(expected);
      expect(second.state()).toEqual(straight.state());
      // The rate must actually change over this run for anything but the constant schedule.
      if (config.type !== 'constant') expect(new Set(expected).size).toBeGreaterThan(1);
    });
  }

  it('plateau state holds no Infinity before the first loss', () => {
    const state = createSchedule({ type: 'plateau' }, 0.1).state();
    expect(state).toEqual({ type: 'plateau', epochsDone: 0, lr: 0.1, best: null, badEpochs: 0 });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('refuses a state saved by another kind of schedule', () => {
    const cosineState = createSchedule({ type: 'cosine', tMax: 5 }, 0.1).state();
    expect(() => createSchedule({ type: 'step', stepSize: 2, gamma: 0.5 }, 0.1).restore(cosineState)).toThrow(
      /cannot resume the 'step' schedule from a 'cosine' schedule state/,
    );
    expect(() => createSchedule({ type: 'plateau' }, 0.1).restore(cosineState)).toThrow(/'plateau'/);
  });

  it('refuses a corrupt state', () => {
    const schedule = createSchedule({ type: 'exponential', gamma: 0.9 }, 0.1);
    expect(() => schedule.restore({ type: 'exponential', epochsDone: -2 })).toThrow(/epochsDone/);
    const plateau = createSchedule({ type: 'plateau' }, 0.1);
    expect(() => plateau.restore({ type: 'plateau', epochsDone: 3, lr: NaN, best: 1, badEpochs: 0 })).toThrow(/lr/);
  });
});
