// What run.ts hands each suite's child process (one job = one workload at one batch size) and the JSON line the
// child prints back. pytorch.py reads and writes the same shapes, so keep the field names in step with it.
import type { StepPlan, SuiteName, TrainingWorkload, Workload } from './workloads';

export interface Job {
  suite: SuiteName;
  workload: Workload;
  /** For an inference workload, the training workload whose network and data it uses; else null. */
  base: TrainingWorkload | null;
  /** Samples per step (gemm: M). */
  batch: number;
  /** Threads requested; every suite is asked for the same count. */
  threads: number;
  plan: StepPlan;
  /** Wall-clock seconds the timed part of one job may take; slow suites time fewer steps to fit (see timing.ts). */
  budgetSeconds: number;
  /** Minimum seconds of one timed repeat; fast suites time more steps than the plan to reach it. */
  minRepeatSeconds: number;
  /** Directory holding manifest.json and the data files (data.ts). */
  dataDir: string;
}

/** One result line on stdout. Speeds are medians over `repeats` timed runs of `steps` steps each. */
export interface ResultLine {
  suite: SuiteName;
  workload: Workload['name'];
  batch: number;
  /** Threads the suite actually used (tfjs-cpu is always 1; tfjs-wasm is 1 under Node, see README). */
  threads: number;
  threads_requested: number;
  samples_per_s?: number;
  gflops?: number;
  /**
   * GEMM (netwright): the best repeat's GFLOPS (gflops is the median's), the FMA peak of the same threads, measured
   * in the same child right after (the best of several repeats, engine/native/peak.ts), and best_gflops as a share of
   * it; peak_spread is (best - worst) / best over the
   * repeats no other process disturbed, peak_undisturbed how many of them there were ("5/7").
   */
  best_gflops?: number;
  peak_gflops?: number;
  share_of_peak?: number;
  peak_spread?: number;
  peak_undisturbed?: string;
  /** threads x 2 FMA pipes x the ISA's lanes x 2 flops x the clock /proc/cpuinfo lists (under KVM: the base clock). */
  peak_listed_clock_gflops?: number;
  /**
   * GEMM (netwright) by CPU time: operations per CPU-second of the process (all threads, warm-up included), the
   * probe's best per thread CPU-second, and their ratio: the kernel's efficiency per core, which stays meaningful
   * when other processes share the cores (wall-time shares then mostly measure the load).
   */
  cpu_gflops?: number;
  peak_cpu_gflops_per_thread?: number;
  cpu_share_of_peak?: number;
  /** Timed steps per repeat, and the median repeat's wall-clock seconds. */
  steps?: number;
  repeats?: number;
  seconds?: number;
  warmup_steps?: number;
  /** W4: median seconds per step times 500. */
  seconds_for_500_steps?: number;
  /** Loss of the last timed step, as a sign the step really trained. */
  loss?: number;
  /** Caveat about the figure, e.g. a step so slow that only the first one (setup included) was timed. */
  note?: string;
  /** Set when the suite could not run this workload; the speed fields are then absent. */
  error?: string;
  /** Backend facts: versions, ISA, SIMD. */
  info?: Record<string, string | number | boolean>;
  /** With --rounds N > 1: which round (1-based) this line is from. */
  round?: number;
}

export interface SummaryLine {
  suite: 'summary';
  workload: Workload['name'];
  batch: number;
  threads: number;
  metric: 'samples_per_s' | 'gflops';
  /** The metric of every suite that produced one (with rounds: the median of its rounds). */
  values: Partial<Record<SuiteName, number>>;
  /**
   * netwright / peer for every peer with a value (above 1: netwright is faster). Empty without a netwright value.
   * With rounds: the median of the rounds' ratios, each round's two figures measured moments apart.
   */
  ratios: Partial<Record<SuiteName, number>>;
  /** With rounds: how many rounds gave both figures, and the lowest and highest of their ratios. */
  rounds?: Partial<Record<SuiteName, number>>;
  ratio_range?: Partial<Record<SuiteName, [number, number]>>;
  /** Suites that reported an error for this workload. */
  errors?: Partial<Record<SuiteName, string>>;
}
