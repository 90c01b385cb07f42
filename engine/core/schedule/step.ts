// Step decay (PyTorch StepLR): lr(e) = base * gamma^floor(e / stepSize).
import type { Schedule } from './types';
import { ClosedFormSchedule } from './closedForm';
import { requireBaseLr, requirePositive, requireWholeAtLeast } from './checks';

export function createStepSchedule(config: { stepSize: number; gamma: number }, baseLr: number): Schedule {
  requireBaseLr('step', baseLr);
  const stepSize = requireWholeAtLeast('step', 'stepSize', config.stepSize, 1);
  const gamma = requirePositive('step', 'gamma', config.gamma);
  return new ClosedFormSchedule('step', (epoch) => baseLr * Math.pow(gamma, Math.floor(epoch / stepSize)));
}
