// The FMA peak probe for the bench: GFLOPS of independent multiply-adds run by every thread of the kernel pool at
// once, with the ISA the GEMM dispatches to, i.e. the ceiling an fp32 kernel can reach on these cores. Not part of
// the Kernels contract (the engine never needs it).
import { loadKernels } from './index';

type Probe = (iterationsPerThread: number) => number;

/** The best of three runs of `iterationsPerThread` rounds (12 vector FMAs each) after a short warm-up. */
export function fmaPeakGflops(iterationsPerThread = 20_000_000): number {
  const probe = (loadKernels() as unknown as { fmaPeak?: Probe }).fmaPeak;
  if (typeof probe !== 'function') {
    throw new Error('the native kernels have no fmaPeak probe: rebuild them with `npm run native:build`');
  }
  probe(Math.ceil(iterationsPerThread / 10)); // wakes the pool's threads and lets the clocks settle
  return Math.max(probe(iterationsPerThread), probe(iterationsPerThread), probe(iterationsPerThread));
}
