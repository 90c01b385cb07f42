// The bits of AdaGrad, RMSProp (with and without momentum) and Adam / AdamW after a few steps on seeded values, as
// one SHA-256: engine/native/optimizerIsa.test.ts compares its own process's (AVX2 rules, 8 lanes, where the CPU
// has them) with this file run as a child with NETWRIGHT_ISA=scalar (the portable loops), which prints it.
// No test framework here: the child loads only this file, the addon and the RNG.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';

/** Values a step meets: ordinary ones, exact zeros (a square root of 0, a zero gradient), tiny and large ones. */
function values(rng: Rng, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const u = rng.uniform() * 2 - 1;
    out[i] = i % 11 === 0 ? 0 : i % 13 === 0 ? u * 1e-30 : i % 17 === 0 ? u * 1e6 : u;
  }
  return out;
}

type Step = (k: Kernels, w: Float32Array, g: Float32Array, s: Float32Array[], n: number, t: number) => void;

const steps: [number, Step][] = [
  [1, (k, w, g, s, n) => k.adagradStep(w, g, s[0], n, 0.05, 1e-10, 0.001)],
  [1, (k, w, g, s, n) => k.rmspropStep(w, g, s[0], null, n, 0.01, 0.99, 1e-8, 0, 0.001)],
  [2, (k, w, g, s, n) => k.rmspropStep(w, g, s[0], s[1], n, 0.01, 0.9, 1e-8, 0.5, 0)],
  [2, (k, w, g, s, n, t) => k.adamStep(w, g, s[0], s[1], n, 0.001, 0.9, 0.999, 1e-8, 0.01, t, false)],
  [2, (k, w, g, s, n, t) => k.adamStep(w, g, s[0], s[1], n, 0.001, 0.9, 0.999, 1e-8, 0.01, t, true)],
];

export function optimizerBits(native: Kernels, threadCounts: number[]): string {
  const hash = createHash('sha256');
  const add = (a: Float32Array) => hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const threads of threadCounts) {
    native.setThreads(threads);
    // 1237: 154 whole groups of 8 and a tail of 5; 100003: split between threads at places not a multiple of 8.
    for (const count of [7, 1237, 100003]) {
      steps.forEach(([states, step], index) => {
        const rng = new Rng(count * 10 + index);
        const w = values(rng, count);
        const state = Array.from({ length: states }, () => new Float32Array(count));
        for (let t = 1; t <= 3; t++) step(native, w, values(rng, count), state, count, t);
        [w, ...state].forEach(add);
      });
    }
  }
  return hash.digest('hex');
}

/** The thread counts both processes run. */
export const optimizerThreads = [1, 3];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${optimizerBits(loadKernels(), optimizerThreads)}\n`);
}
