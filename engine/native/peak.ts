// The FMA peak probe for the bench: GFLOPS of independent multiply-adds run by the kernel pool's threads at once, with
// the ISA the GEMM dispatches to, i.e. the ceiling an fp32 kernel can reach on these cores. Not part of the Kernels
// contract (the engine never needs it).
//
// Why one timed call was not enough (it read 107 and 144 GFLOPS in one bench command on 2 cores that reach 214): the
// wall time of a whole parallel call also timed the worker's wake-up, and a worker that another process held off its
// core for a few milliseconds made one 36 ms sample read as if one core had done all the work. Now the threads meet at
// a barrier before each repeat and each times its own loop (native side, ops/binding_gemm.cpp); a repeat counts all
// threads' operations over the longest thread's time, a repeat where a thread had less CPU time than wall time is
// marked disturbed, and the probe keeps the best of several repeats after a warm-up one (which also lets the clock
// ramp up). The loop itself (ukernel_*.cpp fmaLoop*) runs 12 independent vector chains: Zen 2/3 need 5 cycles of FMA
// latency x 2 pipes = 10 in flight per core; x = 0.999 x + 0.001 converges to 1, so no denormals or overflow.
import { readFileSync } from 'node:fs';
import { loadKernels } from './index';

type ProbeSamples = (iterations: number, repeats: number, threads: number) => Float64Array;

/** One probe: `repeats` timed repeats on `threads` threads. */
export interface FmaPeak {
  isa: string;
  threads: number;
  repeats: number;
  /** The best repeat: all threads' floating-point operations over the longest thread's wall seconds, / 1e9. */
  gflops: number;
  /** The median repeat, the same way. */
  medianGflops: number;
  /** (best - worst) / best over the undisturbed repeats (over all when none was): how far repeats agree. */
  spread: number;
  /**
   * The best repeat by CPU time: the sum over threads of operations / that thread's CPU seconds, / 1e9 (null where
   * CPU time is unknown). What the cores do while the probe holds them: it stays near the quiet figure under load,
   * where the wall-time figure does not (compare it with a kernel's operations per CPU second).
   */
  cpuGflops: number | null;
  /** Repeats in which every thread had at least 97 % of its wall time on a core (all, where CPU time is unknown). */
  undisturbed: number;
  /** The clock /proc/cpuinfo lists (Linux only); under KVM it is the base clock, not what the cores boost to. */
  listedClockGhz: number | null;
  /** threads x 2 FMA pipes x the ISA's lanes x 2 flops x the listed clock: the ceiling if the cores ran at it. */
  theoreticalGflops: number | null;
}

// fp32 lanes per vector FMA of each ISA's probe loop (scalar: the SSE2/portable loop, 4 lanes, multiply then add).
const LANES: Record<string, number> = { avx512: 16, avx2: 8, neon: 4, scalar: 4 };
// A repeat whose threads each ran at least this share of their wall time counts as undisturbed.
const UNDISTURBED_CPU_SHARE = 0.97;

export interface FmaPeakOptions {
  /** Rounds of 12 vector FMAs per thread per repeat (20 M: about 36 ms at 3.35 GHz with AVX2). */
  iterations?: number;
  /** Timed repeats, after one untimed warm-up repeat. */
  repeats?: number;
  /** Threads to run on (at most the pool's size, which is the default). */
  threads?: number;
}

/** Measures the FMA peak (see the file's head); throws if the addon predates the probe. */
export function measureFmaPeak(options: FmaPeakOptions = {}): FmaPeak {
  const kernels = loadKernels();
  const probe = (kernels as unknown as { fmaPeak?: ProbeSamples }).fmaPeak;
  if (typeof probe !== 'function') {
    throw new Error('the native kernels have no fmaPeak probe: rebuild them with `npm run native:build`');
  }
  const iterations = options.iterations ?? 20_000_000;
  const repeats = options.repeats ?? 7;
  const threads = Math.min(options.threads ?? kernels.threads(), kernels.threads());
  probe(iterations, 1, threads); // warm-up: the workers are awake and the clocks have ramped up
  const samples = probe(iterations, repeats, threads);
  const perRepeat = reduceSamples(samples, repeats, threads);
  const undisturbed = perRepeat.filter((r) => r.undisturbed);
  const rates = perRepeat.map((r) => r.gflops).sort((a, b) => a - b);
  const agreeing = (undisturbed.length > 0 ? undisturbed : perRepeat).map((r) => r.gflops);
  const best = rates[rates.length - 1];
  const clock = listedClockGhz();
  const lanes = LANES[kernels.isa];
  return {
    isa: kernels.isa,
    threads,
    repeats,
    gflops: best,
    medianGflops: rates[Math.floor(rates.length / 2)],
    spread: (Math.max(...agreeing) - Math.min(...agreeing)) / Math.max(...agreeing),
    cpuGflops: perRepeat.some((r) => r.cpuGflops === null) ? null : Math.max(...perRepeat.map((r) => r.cpuGflops ?? 0)),
    undisturbed: undisturbed.length,
    listedClockGhz: clock,
    theoreticalGflops: clock === null || lanes === undefined ? null : threads * 2 * lanes * 2 * clock,
  };
}

/** The best repeat's GFLOPS with the default settings on the pool's threads. */
export function fmaPeakGflops(): number {
  return measureFmaPeak().gflops;
}

/** Per repeat: GFLOPS and whether every thread kept its core (samples are repeats x threads x [wall s, CPU s, flops]). */
export function reduceSamples(
  samples: Float64Array,
  repeats: number,
  threads: number,
): { gflops: number; cpuGflops: number | null; undisturbed: boolean }[] {
  if (samples.length !== repeats * threads * 3) {
    throw new Error(`fmaPeak returned ${samples.length} numbers, expected ${repeats} x ${threads} x 3`);
  }
  return Array.from({ length: repeats }, (_, r) => {
    let flops = 0;
    let longest = 0;
    let undisturbed = true;
    let cpuRate: number | null = 0;
    for (let t = 0; t < threads; t++) {
      const [wall, cpu, done] = samples.subarray((r * threads + t) * 3, (r * threads + t + 1) * 3);
      flops += done;
      longest = Math.max(longest, wall);
      if (!Number.isNaN(cpu) && cpu < UNDISTURBED_CPU_SHARE * wall) undisturbed = false;
      cpuRate = Number.isNaN(cpu) || cpu <= 0 || cpuRate === null ? null : cpuRate + done / cpu;
    }
    return { gflops: flops / longest / 1e9, cpuGflops: cpuRate === null ? null : cpuRate / 1e9, undisturbed };
  });
}

/** The first `cpu MHz` of /proc/cpuinfo in GHz, or null (not Linux, or no such line). */
export function listedClockGhz(cpuinfo?: string): number | null {
  let text = cpuinfo;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return null;
    }
  }
  const match = /^cpu MHz\s*:\s*([0-9.]+)/m.exec(text);
  return match ? Number(match[1]) / 1000 : null;
}
