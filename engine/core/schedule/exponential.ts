// Exponential decay (PyTorch ExponentialLR): lr(e) = base * gamma^e.
import type { Schedule } from './types';
import { ClosedFormSchedule } from './closedForm';
import { requireBaseLr, requirePositive } from './checks';

export function createExponentialSchedule(config: { gamma: number }, baseLr: number): Schedule {
  requireBaseLr('exponential', baseLr);
  const gamma = requirePositive('exponential', 'gamma', config.gamma);
  return new ClosedFormSchedule('exponential', (epoch) => baseLr * Math.pow(gamma, epoch));
}
