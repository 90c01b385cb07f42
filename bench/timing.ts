// The measuring rule every suite follows (pytorch.py repeats it in Python): warm up, size the timed run from the
// warm-up's speed, then time `repeats` runs of the same number of steps and keep the median.
import type { StepPlan } from './workloads';

export interface Timing {
  warmupSteps: number;
  /** Steps in each timed repeat. */
  steps: number;
  repeats: number;
  /** Wall-clock seconds of the median repeat. */
  seconds: number;
  /** Wall-clock seconds of the fastest repeat (what a peak is compared with: the FMA probe keeps its best too). */
  bestSeconds: number;
  /** True when the first step alone took longer than the budget: it is then the only step timed, setup included. */
  firstStepOnly: boolean;
}

/**
 * Runs `step` until measured. Warm-up: plan.warmupSteps steps, stopping early after a quarter of the budget (at
 * least one step, which absorbs first-call compilation and allocation). Timed steps per repeat: plan.timedSteps,
 * raised so a repeat lasts at least minRepeatSeconds, lowered (to 1 at least) so all repeats fit the budget.
 * A first step longer than the whole budget is reported on its own (firstStepOnly). A step that returns a promise
 * (ONNX Runtime's run) is awaited; a synchronous one is not, so it pays no microtask per step.
 */
export async function measure(
  step: Step,
  plan: StepPlan,
  budgetSeconds: number,
  minRepeatSeconds: number,
): Promise<Timing> {
  const warmupLimit = budgetSeconds / 4;
  const warmupStart = now();
  let warmupSteps = 0;
  let afterFirst = warmupStart;
  while (warmupSteps < Math.max(1, plan.warmupSteps)) {
    const pending = step();
    if (pending) await pending;
    warmupSteps++;
    if (warmupSteps === 1) {
      afterFirst = now();
      // Too slow to time twice within the budget: report the one step measured rather than none.
      if (afterFirst - warmupStart > budgetSeconds) {
        const seconds = afterFirst - warmupStart;
        return { warmupSteps: 0, steps: 1, repeats: 1, seconds, bestSeconds: seconds, firstStepOnly: true };
      }
    }
    if (now() - warmupStart > warmupLimit) break;
  }
  // Seconds per step, leaving out the first (slow) step when there were others.
  const end = now();
  const perStep = warmupSteps > 1 ? (end - afterFirst) / (warmupSteps - 1) : end - warmupStart;

  const { steps, repeats } = sizeTimedRun(plan, perStep, budgetSeconds, minRepeatSeconds);
  const seconds: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = now();
    for (let s = 0; s < steps; s++) {
      const pending = step();
      if (pending) await pending;
    }
    seconds.push(now() - start);
  }
  return {
    warmupSteps,
    steps,
    repeats,
    seconds: median(seconds),
    bestSeconds: Math.min(...seconds),
    firstStepOnly: false,
  };
}

/** One step of a workload: synchronous, or a promise for backends whose API is asynchronous. */
export type Step = () => void | Promise<void>;

/** Steps per repeat and repeats for a step of `perStep` seconds (pure, so the rule can be tested). */
export function sizeTimedRun(
  plan: StepPlan,
  perStep: number,
  budgetSeconds: number,
  minRepeatSeconds: number,
): { steps: number; repeats: number } {
  const timedBudget = budgetSeconds * 0.75;
  const safePerStep = Math.max(perStep, 1e-9);
  let steps = Math.max(plan.timedSteps, Math.ceil(minRepeatSeconds / safePerStep));
  steps = Math.min(steps, Math.floor(timedBudget / plan.repeats / safePerStep));
  steps = Math.max(1, steps);
  const repeats = Math.max(1, Math.min(plan.repeats, Math.floor(timedBudget / (steps * safePerStep))));
  return { steps, repeats };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function now(): number {
  return performance.now() / 1000;
}
