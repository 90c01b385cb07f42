// The constant schedule: the base rate for every epoch.
import type { Schedule } from './types';
import { ClosedFormSchedule } from './closedForm';
import { requireBaseLr } from './checks';

export function createConstantSchedule(baseLr: number): Schedule {
  requireBaseLr('constant', baseLr);
  return new ClosedFormSchedule('constant', () => baseLr);
}
