// The split sliders' arithmetic: train/validation/test in whole percents that always add up to 100, so the
// importer gets fractions summing to 1 however the user drags.
import type { SplitFractions } from '../../../main/api/types';

export type SplitShare = 'train' | 'validation' | 'test';
export interface SplitPercents {
  train: number;
  validation: number;
  test: number;
}

export const SPLIT_SHARES: readonly SplitShare[] = ['train', 'validation', 'test'];
/** The importer refuses an empty training split; a sliver is enough to keep the sliders free. */
export const MIN_TRAIN_PERCENT = 1;
export const DEFAULT_SPLIT: SplitPercents = { train: 70, validation: 15, test: 15 };
export const DEFAULT_SPLIT_SEED = 42;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Moves one share to `value` (rounded, clamped) and gives the rest to the other two in proportion to what they
 * held (evenly when both were 0), rounding so the total stays exactly 100.
 */
export function setShare(current: SplitPercents, share: SplitShare, value: number): SplitPercents {
  const low = share === 'train' ? MIN_TRAIN_PERCENT : 0;
  // The train share must keep its minimum, so the others can take at most 100 - MIN_TRAIN.
  const high = share === 'train' ? 100 : 100 - MIN_TRAIN_PERCENT;
  const moved = clamp(Math.round(Number.isFinite(value) ? value : current[share]), low, high);
  const others = SPLIT_SHARES.filter((s) => s !== share);
  const rest = 100 - moved;
  const before = others.map((s) => current[s]);
  const total = before[0] + before[1];
  let first = total > 0 ? Math.round((rest * before[0]) / total) : Math.ceil(rest / 2);
  // When train is among the others it keeps its minimum.
  const minOf = (s: SplitShare) => (s === 'train' ? MIN_TRAIN_PERCENT : 0);
  first = clamp(first, minOf(others[0]), rest - minOf(others[1]));
  const next = { ...current, [share]: moved } as SplitPercents;
  next[others[0]] = first;
  next[others[1]] = rest - first;
  return next;
}

/** The fractions the importer takes (whole percents / 100, summing to 1). */
export function toFractions(percents: SplitPercents, seed: number): SplitFractions {
  return { train: percents.train / 100, validation: percents.validation / 100, test: percents.test / 100, seed };
}

/** A seed typed by the user: a whole number ≥ 0, or null when it is not one. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return Number.isSafeInteger(seed) && seed <= 0xffffffff ? seed : null;
}
