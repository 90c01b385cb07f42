// The FMA peak probe the bench divides GEMM and convolution speeds by: it runs the dispatched ISA's loop on every
// thread and reports a real figure (never a timed assertion: only that the figure is a positive finite rate).
import { describe, expect, it } from 'vitest';
import { fmaPeakGflops } from './peak';

describe('fmaPeakGflops', () => {
  it('measures a positive, finite GFLOPS figure with the dispatched ISA', () => {
    const gflops = fmaPeakGflops(20_000);
    expect(Number.isFinite(gflops)).toBe(true);
    expect(gflops).toBeGreaterThan(0);
  });
});
