// x W^T products (a dense layer's forward pass in training, W [out, in]) read W's rows in place on the AVX2 and
// AVX-512 kernels and pack only x (gemm/weight_rows.cpp): the values must be the product's, and the bits those of the
// panel driver with W packed, which NETWRIGHT_GEMM_PACK_WEIGHTS=1 asks a child process for. On kernels without
// in-place rows (scalar, NEON, AVX2 in MSVC builds) both runs use the panel driver and agree trivially.
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { weightRowsBits, weightRowsOutputs, weightRowsThreads } from '../test/weightRowsBits';
import { bitsInChild } from '../test/bitsInChild';
import { loadKernels } from './index';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

describe('x W^T with W read in place', () => {
  it('gives the bits of the panel driver (W packed), for 1 to 3 threads', () => {
    const here = weightRowsBits(native, weightRowsThreads);
    expect(
      bitsInChild(new URL('../test/weightRowsBits.ts', import.meta.url), { NETWRIGHT_GEMM_PACK_WEIGHTS: '1' }),
    ).toBe(here);
  }, 150_000);

  it('gives the same bits on 1, 2 and 3 threads', () => {
    const one = weightRowsOutputs(native, 1);
    for (const threads of [2, 3]) {
      const many = weightRowsOutputs(native, threads);
      many.forEach((output, i) => expect(Buffer.from(output.buffer).equals(Buffer.from(one[i].buffer))).toBe(true));
    }
  });

  it.each([
    [64, 784, 512],
    [63, 300, 37],
    [100, 785, 100],
    [16, 1, 16],
  ])('matches a float64 reference with a bias and the ReLU: batch %i, %i in, %i out', (batch, inputs, units) => {
    native.setThreads(2);
    const rng = new Rng(batch + inputs + units);
    const x = Float32Array.from({ length: batch * inputs }, () => rng.uniform() * 2 - 1);
    const w = Float32Array.from({ length: units * inputs }, () => rng.uniform() * 2 - 1);
    const bias = Float32Array.from({ length: units }, () => rng.uniform() * 2 - 1);
    const y = new Float32Array(batch * units);
    const relu = new Float32Array(batch * units);
    native.denseForward(x, w, bias, y, batch, inputs, units);
    native.denseReluForward(x, w, bias, relu, batch, inputs, units);
    let worst = 0;
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < units; j++) {
        let sum = bias[j];
        for (let k = 0; k < inputs; k++) sum += x[i * inputs + k] * w[j * inputs + k];
        worst = Math.max(worst, Math.abs(y[i * units + j] - sum) / Math.sqrt(inputs));
        expect(relu[i * units + j]).toBe(Math.max(y[i * units + j], 0));
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('puts +0 where the ReLU meets a NaN, and where the sum is 0', () => {
    native.setThreads(1);
    const [batch, inputs, units] = [16, 8, 16];
    const x = new Float32Array(batch * inputs).fill(0);
    x[5] = Number.NaN; // row 0: every output NaN before the ReLU
    const w = new Float32Array(units * inputs).fill(1);
    const bias = new Float32Array(units).fill(-0); // rows 1..15: -0 + (+0) sums, +0
    const relu = new Float32Array(batch * units).fill(7);
    native.denseReluForward(x, w, bias, relu, batch, inputs, units);
    for (const value of relu) expect(Object.is(value, 0)).toBe(true);
  });
});
