// The jobs of a bench run, in the order they run: per workload and batch, every suite that runs it, back to back,
// and with --rounds N that group N times, each round in the order opposite to the one before (netwright first, then
// last, ...), so that a drift of the machine's speed during a group weighs on every suite alike.
import type { BenchOptions } from './args';
import type { Job } from './protocol';
import { suiteRuns, trainingWorkloadOf, type SuiteName } from './workloads';

/** Seconds the timed part of one job may take, and the shortest timed repeat (see timing.ts). */
export const BUDGET = {
  full: { budgetSeconds: 12, minRepeatSeconds: 0.3 },
  quick: { budgetSeconds: 1.5, minRepeatSeconds: 0.05 },
};

export interface ScheduledJob {
  job: Job;
  /** 1-based; null when the run has one round (its result lines then carry no round). */
  round: number | null;
}

export function jobsOf(
  options: Pick<BenchOptions, 'workloads' | 'threads' | 'quick' | 'rounds'>,
  suites: readonly SuiteName[],
  dataDir: string,
): ScheduledJob[] {
  const timing = options.quick ? BUDGET.quick : BUDGET.full;
  const scheduled: ScheduledJob[] = [];
  for (const workload of options.workloads) {
    const batches = workload.kind === 'gemm' ? [workload.M] : workload.batches;
    const base = workload.kind === 'infer' ? trainingWorkloadOf(workload) : null;
    const running = suites.filter((name) => suiteRuns(name, workload));
    for (const batch of batches) {
      for (let round = 1; round <= options.rounds; round++) {
        const order = round % 2 === 1 ? running : [...running].reverse();
        for (const suite of order) {
          scheduled.push({
            job: {
              suite,
              workload,
              base,
              batch,
              threads: options.threads,
              plan: options.quick ? workload.quick : workload.full,
              ...timing,
              dataDir,
            },
            round: options.rounds > 1 ? round : null,
          });
        }
      }
    }
  }
  return scheduled;
}
