// A group the studio refused to create is worded from the sweep problem's code (engine/core/train/sweep.ts) and its
// parameters (the setting and value) by groupMessages; the Record makes the compiler check every code has words.
import type { SweepProblem } from '../../../engine/core/train/sweep';
import type { GroupMessageKey } from './messages';

const SWEEP_REFUSALS: Record<SweepProblem['code'], true> = {
  'sweep-empty': true,
  'sweep-duplicate-setting': true,
  'sweep-bad-value': true,
  'sweep-bad-range': true,
  'sweep-not-numeric': true,
  'sweep-no-such-node': true,
  'sweep-not-dropout': true,
  'sweep-no-dropout': true,
  'sweep-not-a-count': true,
  'sweep-seeds': true,
  'sweep-samples': true,
  'sweep-too-many-runs': true,
  'sweep-base-config': true,
  'sweep-base-graph': true,
  'sweep-config': true,
  'sweep-graph': true,
};

/** The groupMessages key for a refusal `code`, or null when it is not a sweep problem. */
export function sweepRefusalKey(code: string): GroupMessageKey | null {
  return Object.hasOwn(SWEEP_REFUSALS, code) ? (`refused_${code}` as GroupMessageKey) : null;
}
