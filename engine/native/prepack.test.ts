// A dense layer's weight packed once (denseForward's `packed` handle): results bitwise those without it, fused and
// unfused, for 1, 2 and 3 threads and whichever ISA the addon runs (npm test repeats the kernel tests on the scalar
// and emulated AVX-512 kernels); repacked exactly when the weights version or the weight buffer changes.
import { afterAll, describe, expect, it } from 'vitest';
import type { PackedWeights } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { expectBitwise, randomFloats, zeros } from './testing';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/** The microkernel's tile width for the ISA the addon dispatched to (gemm/select_kernel.cpp). */
const panelWidth = ({ avx512: 32, avx2: 16, neon: 12, scalar: 8 } as Record<string, number>)[native.isa];

type Forward = 'denseForward' | 'denseReluForward';

function run(
  kernel: Forward,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  dims: [number, number, number],
  packed?: PackedWeights,
  version = 0,
): Float32Array {
  const [batch, inFeatures, outFeatures] = dims;
  const y = zeros(batch * outFeatures).fill(-7);
  if (packed) native[kernel](x, w, bias, y, batch, inFeatures, outFeatures, packed, version);
  else native[kernel](x, w, bias, y, batch, inFeatures, outFeatures);
  return y;
}

describe('dense forward on weights packed once', () => {
  // Batches up to 4 and outputs narrower than a tile stay on the small-row kernels (the handle is not used); the others
  // go through the panel driver: partial row and column tiles, depths over one K block, row blocks over mc.
  const shapes: [number, number, number][] = [
    [1, 784, 512],
    [4, 300, 37],
    [5, 129, 70],
    [7, 33, 17],
    [64, 784, 512],
    [256, 784, 512],
    [256, 512, 10],
    [301, 1500, 48],
  ];
  for (const dims of shapes) {
    const [batch, inFeatures, outFeatures] = dims;
    it(`gives the unpacked bits: batch ${batch}, ${inFeatures} → ${outFeatures}, with and without ReLU and bias`, () => {
      const rng = new Rng(batch * 7919 + outFeatures);
      const x = randomFloats(rng, batch * inFeatures);
      const w = randomFloats(rng, outFeatures * inFeatures, 0.1);
      const b = randomFloats(rng, outFeatures, 0.1);
      for (const kernel of ['denseForward', 'denseReluForward'] as const) {
        for (const bias of [b, null]) {
          native.setThreads(1);
          const expected = run(kernel, x, w, bias, dims);
          // One handle packed on 3 threads and read on every count, and a fresh one packed on each.
          const shared = native.packedWeights();
          native.setThreads(3);
          expectBitwise(run(kernel, x, w, bias, dims, shared, 1), expected);
          for (const threads of [1, 2, 3]) {
            native.setThreads(threads);
            expectBitwise(run(kernel, x, w, bias, dims, shared, 1), expected);
            expectBitwise(run(kernel, x, w, bias, dims, native.packedWeights(), 1), expected);
          }
        }
      }
    });
  }

  it('reuses the packed copy while the version and the buffer stand, and packs again when either moves', () => {
    const dims: [number, number, number] = [64, 200, 96];
    const rng = new Rng(5);
    const x = randomFloats(rng, 64 * 200);
    const w = randomFloats(rng, 96 * 200, 0.1);
    const before = run('denseForward', x, w, null, dims);
    const packed = native.packedWeights();
    expectBitwise(run('denseForward', x, w, null, dims, packed, 3), before);

    w.set(randomFloats(rng, w.length, 0.1)); // written in place, the version left as it was
    const after = run('denseForward', x, w, null, dims);
    expect(after).not.toEqual(before);
    // The copy is what the product reads (the point of it): whoever writes weights must move the version.
    expectBitwise(run('denseForward', x, w, null, dims, packed, 3), before);
    expectBitwise(run('denseForward', x, w, null, dims, packed, 4), after);

    // Another buffer with the same values at the same version: packed from it, since a different buffer may differ.
    const other = w.slice();
    other[0] += 1;
    expectBitwise(run('denseForward', x, other, null, dims, packed, 4), run('denseForward', x, other, null, dims));
  });

  it('holds the weight rounded up to whole panels once a product packs, and nothing for small batches', () => {
    const packed = native.packedWeights();
    const rng = new Rng(9);
    const [inFeatures, outFeatures] = [100, 70];
    const w = randomFloats(rng, outFeatures * inFeatures);
    const x = randomFloats(rng, 64 * inFeatures);
    expect(native.packedWeightsBytes(packed)).toBe(0);
    run('denseForward', x, w, null, [4, inFeatures, outFeatures], packed, 1); // small-row kernels: nothing packed
    expect(native.packedWeightsBytes(packed)).toBe(0);
    run('denseForward', x, w, null, [64, inFeatures, outFeatures], packed, 1);
    const bytes = Math.ceil(outFeatures / panelWidth) * panelWidth * inFeatures * 4;
    expect(native.packedWeightsBytes(packed)).toBe(bytes);
    run('denseForward', x, w, null, [64, inFeatures, outFeatures], packed, 2); // repacked in place
    expect(native.packedWeightsBytes(packed)).toBe(bytes);
    // A new shape replaces the allocation rather than adding one.
    run('denseForward', x, w, null, [64, 50, 40], packed, 2); // 40 outputs: at least a tile on every ISA
    expect(native.packedWeightsBytes(packed)).toBe(Math.ceil(40 / panelWidth) * panelWidth * 50 * 4);
  });

  it('refuses what is not a handle, a bad version, and a missing version', () => {
    const x = zeros(8 * 4);
    const w = zeros(4 * 4);
    const y = zeros(8 * 4);
    const call = (...extra: unknown[]) =>
      (native.denseForward as (...args: unknown[]) => void)(x, w, null, y, 8, 4, 4, ...extra);
    expect(() => call({}, 1)).toThrow('denseForward: packed must be a handle made by packedWeights(), or null');
    expect(() => call(w, 1)).toThrow('denseForward: packed must be a handle made by packedWeights(), or null');
    expect(() => call(native.packedWeights(), -1)).toThrow(/denseForward: weightsVersion/);
    expect(() => call(native.packedWeights(), 1.5)).toThrow(/denseForward: weightsVersion/);
    expect(() => call(native.packedWeights())).toThrow('denseForward: expected 9 arguments, got 8');
    expect(() => (native.packedWeightsBytes as (p: unknown) => number)(null)).toThrow(
      'packedWeightsBytes: packed must be a handle made by packedWeights()',
    );
    call(null, 0); // null: no packed copy, as with 7 arguments
  });
});
