// Cosine annealing (PyTorch CosineAnnealingLR, closed form):
// lr(e) = etaMin + (base - etaMin) * (1 + cos(pi * e / tMax)) / 2 for every e. Not clamped after tMax: the rate
// climbs back to the base rate by 2 * tMax and repeats with that period, as PyTorch's schedule does.
import type { Schedule } from './types';
import { ClosedFormSchedule } from './closedForm';
import { requireBaseLr, requireNonNegative } from './checks';

export function createCosineSchedule(config: { tMax: number; etaMin?: number }, baseLr: number): Schedule {
  requireBaseLr('cosine', baseLr);
  const tMax = config.tMax;
  if (typeof tMax !== 'number' || !Number.isFinite(tMax) || tMax < 1) {
    throw new Error(`schedule 'cosine': tMax must be a number of epochs ≥ 1 (got ${String(tMax)})`);
  }
  const etaMin = requireNonNegative('cosine', 'etaMin', config.etaMin ?? 0);
  if (etaMin > baseLr) {
    throw new Error(`schedule 'cosine': etaMin (${etaMin}) must not exceed the base learning rate (${baseLr})`);
  }
  return new ClosedFormSchedule(
    'cosine',
    (epoch) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * epoch) / tMax))) / 2,
    etaMin,
  );
}
