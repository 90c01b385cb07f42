// The bits of a stride-1 convolution's input gradient where it is added back from its columns (col2imAdd), as one
// SHA-256 over 1 and 2 threads: engine/native/col2imRows.test.ts compares its own process's (the rows added in
// registers, ops/col2im_rows.hpp, where the CPU has AVX2 or AVX-512) with this file run as a child with
// NETWRIGHT_COL2IM_PORTABLE=1 (geometry.cpp's loop), which prints it.
// No test framework here: the child loads only this file, the addon and the RNG.
import { pathToFileURL } from 'node:url';
import { Geom, type Kernels } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from '../native/index';
import { outputsHash } from './outputsHash';

export interface Col2imCase {
  name: string;
  /** [N, C, H, W, O, KH, KW, SH, SW, PH, PW, OH, OW] */
  geom: number[];
}

/**
 * Geometries whose input gradient goes through im2col's columns (stride 1, where the shifted windows cost more): LeNet's
 * two convolutions (28 columns = 16 + 12 lanes, 28 rows = three blocks of 8 and one of 4; 14 x 14 unpadded), and
 * smaller planes with a 5x5 kernel over 11 x 13 and a 3x3 one over 9 x 9.
 */
export const col2imCases: Col2imCase[] = [
  { name: 'LeNet first layer, 1 -> 6, 5x5, padding 2, 28 x 28', geom: [2, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2, 28, 28] },
  { name: 'LeNet second layer, 6 -> 16, 5x5, 14 x 14', geom: [3, 6, 14, 14, 16, 5, 5, 1, 1, 0, 0, 10, 10] },
  { name: '2 -> 6, 5x5, 11 x 13', geom: [2, 2, 11, 13, 6, 5, 5, 1, 1, 0, 0, 7, 9] },
  { name: '1 -> 6, 3x3, 9 x 9', geom: [2, 1, 9, 9, 6, 3, 3, 1, 1, 0, 0, 7, 7] },
];

/** Seeded values with exact zeros (of both signs) among them. */
function values(rng: Rng, count: number): Float32Array {
  return new Float32Array(count).map((_, i) => (i % 9 === 0 ? (i % 2 ? -0 : 0) : rng.uniform() * 2 - 1));
}

/** Each case's dx on `threads` threads, set and then accumulated (accumulateDx) onto seeded values. */
export function col2imOutputs(native: Kernels, threads: number): Float32Array[] {
  native.setThreads(threads);
  return col2imCases.flatMap(({ geom }, index) => {
    const g = Int32Array.from(geom);
    const rng = new Rng(4000 + index);
    const inputs = g[Geom.N] * g[Geom.C] * g[Geom.H] * g[Geom.W];
    const kernel = g[Geom.O] * g[Geom.C] * g[Geom.KH] * g[Geom.KW];
    const x = values(rng, inputs);
    const weight = values(rng, kernel);
    const dy = values(rng, g[Geom.N] * g[Geom.O] * g[Geom.OH] * g[Geom.OW]);
    const dWeight = new Float32Array(kernel);
    const set = new Float32Array(inputs).fill(Number.NaN);
    native.conv2dBackward(x, weight, dy, set, dWeight, null, g, false);
    const accumulated = values(rng, inputs);
    native.conv2dBackward(x, weight, dy, accumulated, dWeight, null, g, true);
    return [set, accumulated];
  });
}

export const col2imThreads = [1, 2];

export function col2imBits(native: Kernels, threadCounts: number[]): string {
  return outputsHash(threadCounts, (threads) => col2imOutputs(native, threads));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${col2imBits(loadKernels(), col2imThreads)}\n`);
}
