// The training-mode batch norm → ReLU kernels (batchNormReluForwardTrain, batchNormReluBackward) give bitwise what
// the separate kernels give one after the other (batch norm then activationForward; activationBackward then batch
// norm's backward; the backward's ReLU mask recomputed from x), on the rows path and the few-positions path, for 1, 2 and 3 threads and whichever ISA the addon
// runs (npm test repeats the kernel tests on the scalar and emulated AVX-512 kernels).
import { afterAll, describe, expect, it } from 'vitest';
import { Activation } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectBitwise, expectClose, randomFloats, zeros } from './testing';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/** [batch, channels, spatial]: rows with a tail after groups of 8, a 16-position row, BatchNorm1d's columns. */
const shapes: [number, number, number][] = [
  [4, 5, 1237],
  [3, 6, 16],
  [8, 7, 1],
  [6, 3, 5],
];

interface Case {
  x: Float32Array;
  gamma: Float32Array;
  beta: Float32Array;
  dz: Float32Array;
  dims: [number, number, number];
}

function makeCase(batch: number, channels: number, spatial: number): Case {
  const rng = new Rng(batch * 100 + channels * 10 + spatial);
  const count = batch * channels * spatial;
  const x = randomFloats(rng, count);
  const dz = randomFloats(rng, count);
  // A NaN and signed zeros in the upstream gradient: the masked select passes them exactly where the ReLU does.
  dz[0] = NaN;
  for (let i = 3; i < count; i += 41) dz[i] = i % 2 ? -0 : 0;
  return {
    x,
    gamma: randomFloats(rng, channels),
    beta: randomFloats(rng, channels),
    dz,
    dims: [batch, channels, spatial],
  };
}

/** Saved and running statistics as a layer starts them (running variance 1). */
function freshStats(channels: number) {
  return { mean: zeros(channels), invStd: zeros(channels), runMean: zeros(channels), runVar: zeros(channels).fill(1) };
}

/** The separate kernels: batch norm forward, ReLU forward, ReLU backward, batch norm backward. */
function separate(c: Case, accumulate: boolean) {
  const [batch, channels, spatial] = c.dims;
  const count = batch * channels * spatial;
  const y = zeros(count);
  const z = zeros(count);
  const stats = freshStats(channels);
  native.batchNormForwardTrain(
    c.x,
    c.gamma,
    c.beta,
    y,
    stats.mean,
    stats.invStd,
    stats.runMean,
    stats.runVar,
    batch,
    channels,
    spatial,
    1e-5,
    0.1,
  );
  native.activationForward(Activation.ReLU, y, z, count, 0);
  const dy = zeros(count);
  native.activationBackward(Activation.ReLU, y, z, c.dz, dy, count, 0, false);
  const dx = randomFloats(new Rng(7), count);
  const [dGamma, dBeta] = [zeros(channels), zeros(channels)];
  native.batchNormBackward(
    c.x,
    c.gamma,
    dy,
    stats.mean,
    stats.invStd,
    dx,
    dGamma,
    dBeta,
    batch,
    channels,
    spatial,
    accumulate,
  );
  return { z, ...stats, dx, dGamma, dBeta };
}

function fused(c: Case, accumulate: boolean, kernels = native) {
  const [batch, channels, spatial] = c.dims;
  const count = batch * channels * spatial;
  const z = zeros(count).fill(-1);
  const stats = freshStats(channels);
  const scale = zeros(channels);
  kernels.batchNormReluForwardTrain(
    c.x,
    c.gamma,
    c.beta,
    z,
    stats.mean,
    stats.invStd,
    scale,
    stats.runMean,
    stats.runVar,
    batch,
    channels,
    spatial,
    1e-5,
    0.1,
  );
  const dx = randomFloats(new Rng(7), count);
  const [dGamma, dBeta] = [zeros(channels), zeros(channels)];
  kernels.batchNormReluBackward(
    c.x,
    c.gamma,
    c.beta,
    c.dz,
    stats.mean,
    stats.invStd,
    scale,
    dx,
    dGamma,
    dBeta,
    batch,
    channels,
    spatial,
    accumulate,
  );
  return { z, ...stats, dx, dGamma, dBeta };
}

describe('batch norm → ReLU in training, in one pass each way', () => {
  for (const [batch, channels, spatial] of shapes) {
    for (const accumulate of [false, true]) {
      it(`equals the separate kernels bit for bit: [${batch}, ${channels}, ${spatial}], accumulate=${accumulate}`, () => {
        const c = makeCase(batch, channels, spatial);
        native.setThreads(1);
        const expected = separate(c, accumulate);
        expect(expected.z.some((v) => v === 0) && expected.z.some((v) => v > 0)).toBe(true);
        for (const threads of [1, 2, 3]) {
          native.setThreads(threads);
          const actual = fused(c, accumulate);
          for (const key of Object.keys(expected) as (keyof typeof expected)[])
            expectBitwise(actual[key], expected[key]);
        }
      });
    }
  }

  it('agrees with the reference kernels', () => {
    const c = makeCase(3, 4, 50);
    c.dz[0] = 0.5;
    const expected = fused(c, false, createReferenceKernels());
    const actual = fused(c, false);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) expectClose(actual[key], expected[key]);
  });

  it('names a short saved scale in its error', () => {
    const call = () =>
      native.batchNormReluBackward(
        zeros(8),
        zeros(2),
        zeros(2),
        zeros(8),
        zeros(2),
        zeros(2),
        zeros(1),
        zeros(8),
        zeros(2),
        zeros(2),
        2,
        2,
        2,
        false,
      );
    expect(call).toThrow(/batchNormReluBackward: savedScale holds 1 floats?, needs 2/);
  });
});
