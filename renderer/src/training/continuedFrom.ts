// Where a continued run picks up, for the notice Continue shows: its last checkpoint, which a crash may have left
// behind its last recorded epoch (the epochs after it are trained again and their curves replaced: the supervisor
// truncates them), or, with none saved, its first epoch from the same starting weights.
import type { RunDetail } from '../../../main/api/types';

export type ContinuedFrom =
  | { key: 'continued'; params: Record<string, never> }
  | { key: 'continuedFromEarlier'; params: { epoch: number; last: number } }
  | { key: 'continuedFromStart'; params: Record<string, never> };

export function continuedFrom(detail: Pick<RunDetail, 'checkpoints' | 'epochs'>): ContinuedFrom {
  const saved = detail.checkpoints.filter((c) => c.kind === 'last').map((c) => c.epoch);
  if (saved.length === 0) return { key: 'continuedFromStart', params: {} };
  const from = Math.max(...saved);
  const last = detail.epochs.at(-1)?.epoch ?? 0;
  return from < last
    ? { key: 'continuedFromEarlier', params: { epoch: from, last } }
    : { key: 'continued', params: {} };
}
