// The FMA peak probe the bench divides GEMM and convolution speeds by. Speed is never asserted: these check what the
// probe returns (its shape, how repeats are reduced, where the clock comes from), not how fast the cores are.
import { describe, expect, it } from 'vitest';
import { loadKernels } from './index';
import { listedClockGhz, measureFmaPeak, reduceSamples } from './peak';

describe('measureFmaPeak', () => {
  it('reports the best repeat on the threads asked for, with the dispatched ISA', () => {
    const kernels = loadKernels();
    const peak = measureFmaPeak({ iterations: 20_000, repeats: 3, threads: 1 });
    expect(peak.threads).toBe(1);
    expect(peak.repeats).toBe(3);
    expect(peak.isa).toBe(kernels.isa);
    expect(Number.isFinite(peak.gflops) && peak.gflops > 0).toBe(true);
    expect(peak.medianGflops).toBeLessThanOrEqual(peak.gflops);
    expect(peak.undisturbed).toBeGreaterThanOrEqual(0);
    expect(peak.undisturbed).toBeLessThanOrEqual(3);
  });

  it('runs one sample per thread per repeat, each doing the asked-for operations', () => {
    const kernels = loadKernels();
    const previous = kernels.threads();
    kernels.setThreads(2);
    try {
      const probe = (kernels as unknown as { fmaPeak: (i: number, r: number, t: number) => Float64Array }).fmaPeak;
      const samples = probe(1000, 4, 2);
      expect(samples.length).toBe(4 * 2 * 3);
      const lanes = { avx512: 16, avx2: 8, neon: 4, scalar: 4 }[kernels.isa] ?? NaN;
      for (let i = 0; i < 8; i++) expect(samples[i * 3 + 2]).toBe(1000 * 12 * lanes * 2);
      // More threads than the pool has are clamped to the pool.
      expect(probe(1000, 1, 64).length).toBe(2 * 3);
      expect(() => probe(1000, 0, 1)).toThrow(/repeats/);
    } finally {
      kernels.setThreads(previous);
    }
  });
});

describe('reduceSamples', () => {
  it("counts every thread's operations over the slowest thread's wall time", () => {
    // One repeat, two threads: 1e9 operations each, in 0.01 s and 0.02 s of wall time (all of it on a core).
    const [repeat] = reduceSamples(Float64Array.of(0.01, 0.01, 1e9, 0.02, 0.02, 1e9), 1, 2);
    expect(repeat.gflops).toBeCloseTo(100, 9);
    expect(repeat.cpuGflops).toBeCloseTo(150, 9); // 100 + 50 per CPU-second
    expect(repeat.undisturbed).toBe(true);
  });

  it('marks a repeat disturbed when a thread had its core for less than 97 % of the wall time', () => {
    const [kept, held] = reduceSamples(Float64Array.of(0.01, 0.0098, 1e9, 0.01, 0.009, 1e9), 2, 1);
    expect(kept.undisturbed).toBe(true);
    expect(held.undisturbed).toBe(false);
    expect(held.cpuGflops).toBeCloseTo(1e9 / 0.009 / 1e9, 9);
  });

  it('treats an unknown CPU time as undisturbed and leaves the CPU-time rate unknown', () => {
    const [repeat] = reduceSamples(Float64Array.of(0.01, NaN, 1e9), 1, 1);
    expect(repeat.undisturbed).toBe(true);
    expect(repeat.cpuGflops).toBeNull();
  });

  it('rejects samples of the wrong length', () => {
    expect(() => reduceSamples(new Float64Array(5), 1, 2)).toThrow(/expected 1 x 2 x 3/);
  });
});

describe('listedClockGhz', () => {
  it("reads the first core's cpu MHz line", () => {
    const text = 'processor\t: 0\ncpu MHz\t\t: 2245.780\ncache size\t: 512 KB\ncpu MHz\t\t: 1000.0\n';
    expect(listedClockGhz(text)).toBeCloseTo(2.24578, 12);
  });

  it('gives null without such a line', () => {
    expect(listedClockGhz('processor\t: 0\nBogoMIPS\t: 48.00\n')).toBeNull();
  });
});
