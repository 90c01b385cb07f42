// Learning-rate schedules: build one from the training config, and preview its curve before training.
import type { ScheduleConfig } from '../train/config';
import type { Schedule } from './types';
import { createConstantSchedule } from './constant';
import { createStepSchedule } from './step';
import { createMultistepSchedule } from './multistep';
import { createExponentialSchedule } from './exponential';
import { createCosineSchedule } from './cosine';
import { PlateauSchedule, plateauSettings } from './plateau';

export type { Schedule, ScheduleState, EpochCountState, PlateauState } from './types';
export { PLATEAU_DEFAULTS } from './plateau';

/** The schedule for a run; throws an Error naming the bad setting (stepSize < 1, gamma ≤ 0, tMax < 1, ...). */
export function createSchedule(config: ScheduleConfig, baseLr: number): Schedule {
  switch (config.type) {
    case 'constant':
      return createConstantSchedule(baseLr);
    case 'step':
      return createStepSchedule(config, baseLr);
    case 'multistep':
      return createMultistepSchedule(config, baseLr);
    case 'exponential':
      return createExponentialSchedule(config, baseLr);
    case 'cosine':
      return createCosineSchedule(config, baseLr);
    case 'plateau':
      return new PlateauSchedule(plateauSettings(config, baseLr), baseLr);
    default:
      throw new Error(`unknown schedule type '${String((config as { type?: unknown }).type)}'`);
  }
}

export interface PlannedCurve {
  /** lrs[e] is the rate used during epoch e. */
  lrs: number[];
  /** False when the real curve depends on training (plateau). */
  exact: boolean;
  /** A plain-words caveat for the preview, when exact is false. */
  note?: string;
}

/**
 * The learning rate for each of `epochs` epochs, for a preview plot. For plateau, whose reductions depend on the
 * validation loss, this is the fastest possible decay: the loss never improves after the first epoch.
 */
export function plannedCurve(config: ScheduleConfig, baseLr: number, epochs: number): PlannedCurve {
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new Error(`plannedCurve: epochs must be a whole number ≥ 0 (got ${String(epochs)})`);
  }
  const schedule = createSchedule(config, baseLr);
  const lrs: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    lrs.push(schedule.lr);
    // Any constant loss: the first one improves on "no loss yet", every later one is a bad epoch.
    schedule.endEpoch(1);
  }
  if (config.type !== 'plateau') return { lrs, exact: true };
  const { factor, patience, minLr } = plateauSettings(config, baseLr);
  const floor = minLr > 0 ? `, never below ${minLr}` : '';
  return {
    lrs,
    exact: false,
    note:
      `The plateau schedule lowers the learning rate only when the validation loss stops improving, so the real curve ` +
      `depends on how training goes. This preview shows the fastest possible decay: the loss never improves after the ` +
      `first epoch, so the rate is multiplied by ${factor} after every ${patience + 1} epochs without improvement` +
      ` (patience ${patience})${floor}. In a real run the rate stays higher for as long as the loss keeps improving.`,
  };
}
