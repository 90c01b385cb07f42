// The bits of stride-1 convolutions run over shifted windows (forward, fused ReLU + pool, backward) on seeded inputs,
// as one SHA-256: engine/native/convWindows.test.ts compares its own process's (the AVX2 kernel reads the windows in
// place) with this file run as a child with NETWRIGHT_GEMM_PACK_WINDOWS=1 (the same windows copied into panels first),
// which prints it. No test framework here: the child loads only this file, the addon and the RNG.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';

function randomFloats(rng: Rng, count: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.uniform() * 2 - 1;
  return values;
}

const zeros = (count: number) => new Float32Array(count);

/** A 3 x 3 stride-1 geometry in the kernels' Int32Array layout. */
function windowGeom(N: number, C: number, H: number, W: number, O: number, pad: number): Int32Array {
  const [OH, OW] = [H + 2 * pad - 2, W + 2 * pad - 2];
  return Int32Array.from([N, C, H, W, O, 3, 3, 1, 1, pad, pad, OH, OW]);
}

/** [N, C, H, W, O, padding]: 3 and 32 input channels, 32 and 64 outputs (tiles of 6 rows ending in 2 and 4), odd sizes. */
const shapes: [number, number, number, number, number, number][] = [
  [4, 3, 32, 32, 32, 1],
  [3, 32, 16, 16, 64, 1],
  [2, 32, 20, 20, 32, 1],
  [5, 7, 9, 11, 13, 1],
  [2, 16, 8, 8, 10, 0],
];

export function convWindowsBits(native: Kernels, threadCounts: number[]): string {
  const hash = createHash('sha256');
  const add = (a: Float32Array) => hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const threads of threadCounts) {
    native.setThreads(threads);
    for (const [N, C, H, W, O, pad] of shapes) {
      const rng = new Rng(N * 1000 + C * 10 + O);
      const g = windowGeom(N, C, H, W, O, pad);
      const [OH, OW] = [g[11], g[12]];
      const x = randomFloats(rng, N * C * H * W);
      const w = randomFloats(rng, O * C * 9);
      const b = randomFloats(rng, O);
      const y = zeros(N * O * OH * OW);
      native.conv2dForward(x, w, b, y, g);
      add(y);
      const relu = zeros(y.length);
      const pooled = zeros(N * O * Math.floor(OH / 2) * Math.floor(OW / 2));
      native.conv2dReluForward(x, w, b, relu, g, pooled);
      add(pooled);
      const dy = randomFloats(rng, y.length);
      const [dx, dw, db] = [zeros(x.length), zeros(w.length), zeros(O)];
      native.conv2dBackward(x, w, dy, dx, dw, db, g, false);
      [dx, dw, db].forEach(add);
    }
  }
  return hash.digest('hex');
}

/** The thread counts both processes run. */
export const convWindowsThreads = [1, 2, 3];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${convWindowsBits(loadKernels(), convWindowsThreads)}\n`);
}
