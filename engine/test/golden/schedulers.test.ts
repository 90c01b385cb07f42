// Learning-rate schedules against fixtures/schedulers.json (PyTorch's schedulers, 30 epochs each).
import { describe, expect, it } from 'vitest';
import { loadCases, expectClose, TOL } from './fixtures';
import { createSchedule, plannedCurve } from '../../core/schedule';
import type { ScheduleConfig } from '../../core/train/config';

interface SchedulerCase {
  name: string;
  scheduler: string;
  hyper: Record<string, unknown>;
  base_lr: number;
  epochs: number;
  lrs: number[];
  val_losses?: number[];
  lr_after_last_step?: number;
}

/** Translate the golden (PyTorch) scheduler name and hyperparameters into our ScheduleConfig. */
function toConfig(c: SchedulerCase): ScheduleConfig {
  const h = c.hyper;
  switch (c.scheduler) {
    case 'step_lr':
      return { type: 'step', stepSize: h.step_size as number, gamma: h.gamma as number };
    case 'multistep_lr':
      return { type: 'multistep', milestones: h.milestones as number[], gamma: h.gamma as number };
    case 'exponential_lr':
      return { type: 'exponential', gamma: h.gamma as number };
    case 'cosine_annealing_lr':
      return { type: 'cosine', tMax: h.T_max as number, etaMin: h.eta_min as number };
    case 'reduce_lr_on_plateau':
      // Our plateau schedule implements only these PyTorch options; a case using others cannot be reproduced.
      if (h.mode !== 'min' || h.threshold_mode !== 'rel' || h.cooldown !== 0) {
        throw new Error(`${c.name}: unsupported plateau options ${JSON.stringify(h)}`);
      }
      return {
        type: 'plateau',
        factor: h.factor as number,
        patience: h.patience as number,
        threshold: h.threshold as number,
        minLr: h.min_lr as number,
      };
    default:
      throw new Error(`${c.name}: unknown scheduler '${c.scheduler}'`);
  }
}

const cases = loadCases<SchedulerCase>('schedulers.json');

describe('learning-rate schedules match PyTorch', () => {
  for (const c of cases) {
    it(c.name, () => {
      const config = toConfig(c);
      const schedule = createSchedule(config, c.base_lr);
      const lrs: number[] = [];
      for (let epoch = 0; epoch < c.epochs; epoch++) {
        lrs.push(schedule.lr);
        schedule.endEpoch(c.val_losses?.[epoch]);
      }
      expect(lrs.length).toBe(c.lrs.length);
      expectClose(lrs, c.lrs, TOL.lr, `${c.name} lrs`);
      if (config.type === 'plateau') {
        expect(c.lr_after_last_step, `${c.name} has lr_after_last_step`).toBeTypeOf('number');
        expectClose(schedule.lr, c.lr_after_last_step!, TOL.lr, `${c.name} lr_after_last_step`);
        expect(plannedCurve(config, c.base_lr, c.epochs).exact).toBe(false);
      } else {
        const planned = plannedCurve(config, c.base_lr, c.epochs);
        expect(planned.exact).toBe(true);
        expect(planned.lrs).toEqual(lrs);
        expectClose(planned.lrs, c.lrs, TOL.lr, `${c.name} plannedCurve`);
      }
    });
  }
});
