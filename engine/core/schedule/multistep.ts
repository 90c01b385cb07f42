// Multi-step decay (PyTorch MultiStepLR): lr(e) = base * gamma^(number of milestones ≤ e).
import type { Schedule } from './types';
import { ClosedFormSchedule } from './closedForm';
import { requireBaseLr, requirePositive, requireWholeAtLeast } from './checks';

export function createMultistepSchedule(config: { milestones: number[]; gamma: number }, baseLr: number): Schedule {
  requireBaseLr('multistep', baseLr);
  const gamma = requirePositive('multistep', 'gamma', config.gamma);
  if (!Array.isArray(config.milestones) || config.milestones.length === 0) {
    throw new Error(
      `schedule 'multistep': milestones must list at least one epoch (got ${JSON.stringify(config.milestones)})`,
    );
  }
  const milestones = config.milestones.map((m, i) => requireWholeAtLeast('multistep', `milestones[${i}]`, m, 1));
  for (let i = 1; i < milestones.length; i++) {
    if (milestones[i] <= milestones[i - 1]) {
      throw new Error(
        `schedule 'multistep': milestones must be in increasing order without repeats (milestones[${i - 1}] = ${milestones[i - 1]}, milestones[${i}] = ${milestones[i]})`,
      );
    }
  }
  return new ClosedFormSchedule('multistep', (epoch) => {
    let passed = 0;
    while (passed < milestones.length && milestones[passed] <= epoch) passed++;
    return baseLr * Math.pow(gamma, passed);
  });
}
