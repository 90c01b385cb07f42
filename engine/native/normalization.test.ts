// Batch normalization (training, eval and both backwards) against the TypeScript reference.
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { copyOf, expectClose, randomFloats, zeros } from './testing';

const native = loadKernels();
const reference = createReferenceKernels();

describe('batch normalization', () => {
  const shapes: [number, number, number][] = [
    [4, 3, 25],
    [7, 5, 1],
    [2, 1, 33],
  ];
  for (const [batch, channels, spatial] of shapes) {
    const count = batch * channels * spatial;

    it(`training forward matches for batch=${batch} channels=${channels} spatial=${spatial}`, () => {
      const rng = new Rng(count);
      const x = randomFloats(rng, count, 3).map((v) => v + 2); // a non-zero mean
      const gamma = randomFloats(rng, channels);
      const beta = randomFloats(rng, channels);
      const runningMean = randomFloats(rng, channels);
      const runningVar = randomFloats(rng, channels).map((v) => 1 + Math.abs(v));
      const outputs = () => [zeros(count), zeros(channels), zeros(channels), copyOf(runningMean), copyOf(runningVar)];
      const [y, mean, invStd, rm, rv] = outputs();
      const [ey, emean, einvStd, erm, erv] = outputs();
      native.batchNormForwardTrain(x, gamma, beta, y, mean, invStd, rm, rv, batch, channels, spatial, 1e-5, 0.1);
      reference.batchNormForwardTrain(
        x,
        gamma,
        beta,
        ey,
        emean,
        einvStd,
        erm,
        erv,
        batch,
        channels,
        spatial,
        1e-5,
        0.1,
      );
      expectClose(y, ey, 1e-5, 1e-5);
      expectClose(mean, emean);
      expectClose(invStd, einvStd);
      expectClose(rm, erm);
      expectClose(rv, erv);
    });

    it(`training statistics stay exact for a large mean (one pass, shifted): batch=${batch} channels=${channels} spatial=${spatial}`, () => {
      // Values 1e4 + N(0, 0.01): E[x^2] - E[x]^2 unshifted would lose the variance to cancellation.
      const rng = new Rng(count + 7);
      const x = randomFloats(rng, count, 0.01).map((v) => v + 1e4);
      const gamma = zeros(channels).fill(1);
      const outputs = () => [zeros(count), zeros(channels), zeros(channels), zeros(channels), zeros(channels)];
      const [y, mean, invStd, rm, rv] = outputs();
      const [ey, emean, einvStd, erm, erv] = outputs();
      native.batchNormForwardTrain(
        x,
        gamma,
        zeros(channels),
        y,
        mean,
        invStd,
        rm,
        rv,
        batch,
        channels,
        spatial,
        1e-8,
        0.1,
      );
      // (y itself is (x - mean) * scale in float32, whose rounding of a mean near 1e4 dominates: not compared here.)
      reference.batchNormForwardTrain(
        x,
        gamma,
        zeros(channels),
        ey,
        emean,
        einvStd,
        erm,
        erv,
        batch,
        channels,
        spatial,
        1e-8,
        0.1,
      );
      expectClose(invStd, einvStd, 1e-4, 0);
      expectClose(rv, erv, 1e-4, 0);
      expectClose(mean, emean, 1e-7, 0);
    });

    it(`eval forward matches for batch=${batch} channels=${channels} spatial=${spatial}`, () => {
      const rng = new Rng(count + 1);
      const x = randomFloats(rng, count);
      const gamma = randomFloats(rng, channels);
      const beta = randomFloats(rng, channels);
      const runningMean = randomFloats(rng, channels);
      const runningVar = randomFloats(rng, channels).map((v) => 0.5 + Math.abs(v));
      const y = zeros(count);
      const expected = zeros(count);
      native.batchNormForwardEval(x, gamma, beta, y, runningMean, runningVar, batch, channels, spatial, 1e-3);
      reference.batchNormForwardEval(x, gamma, beta, expected, runningMean, runningVar, batch, channels, spatial, 1e-3);
      expectClose(y, expected);
    });

    for (const accumulateDx of [false, true]) {
      it(`training backward matches for batch=${batch} channels=${channels} spatial=${spatial} accumulate=${accumulateDx}`, () => {
        const rng = new Rng(count + 2);
        const x = randomFloats(rng, count, 2);
        const gamma = randomFloats(rng, channels);
        const beta = randomFloats(rng, channels);
        const mean = zeros(channels);
        const invStd = zeros(channels);
        native.batchNormForwardTrain(
          x,
          gamma,
          beta,
          zeros(count),
          mean,
          invStd,
          zeros(channels),
          zeros(channels),
          batch,
          channels,
          spatial,
          1e-5,
          0.1,
        );
        const dy = randomFloats(rng, count);
        const dx = randomFloats(rng, count);
        const expectedDx = copyOf(dx);
        const [dGamma, dBeta, eGamma, eBeta] = [zeros(channels), zeros(channels), zeros(channels), zeros(channels)];
        native.batchNormBackward(x, gamma, dy, mean, invStd, dx, dGamma, dBeta, batch, channels, spatial, accumulateDx);
        reference.batchNormBackward(
          x,
          gamma,
          dy,
          mean,
          invStd,
          expectedDx,
          eGamma,
          eBeta,
          batch,
          channels,
          spatial,
          accumulateDx,
        );
        expectClose(dx, expectedDx, 1e-4, 1e-5);
        expectClose(dGamma, eGamma);
        expectClose(dBeta, eBeta);
      });

      it(`eval backward matches for batch=${batch} channels=${channels} spatial=${spatial} accumulate=${accumulateDx}`, () => {
        const rng = new Rng(count + 3);
        const x = randomFloats(rng, count);
        const gamma = randomFloats(rng, channels);
        const runningMean = randomFloats(rng, channels);
        const runningVar = randomFloats(rng, channels).map((v) => 0.5 + Math.abs(v));
        const dy = randomFloats(rng, count);
        const dx = randomFloats(rng, count);
        const expectedDx = copyOf(dx);
        const [dGamma, dBeta, eGamma, eBeta] = [zeros(channels), zeros(channels), zeros(channels), zeros(channels)];
        native.batchNormBackwardEval(
          gamma,
          dy,
          x,
          runningMean,
          runningVar,
          dx,
          dGamma,
          dBeta,
          batch,
          channels,
          spatial,
          1e-5,
          accumulateDx,
        );
        reference.batchNormBackwardEval(
          gamma,
          dy,
          x,
          runningMean,
          runningVar,
          expectedDx,
          eGamma,
          eBeta,
          batch,
          channels,
          spatial,
          1e-5,
          accumulateDx,
        );
        expectClose(dx, expectedDx);
        expectClose(dGamma, eGamma);
        expectClose(dBeta, eBeta);
      });
    }
  }

  it('stays accurate when the mean is large compared with the spread', () => {
    const [batch, channels, spatial] = [8, 2, 16];
    const rng = new Rng(77);
    const x = randomFloats(rng, batch * channels * spatial).map((v) => 1000 + v);
    const y = zeros(x.length);
    const expected = zeros(x.length);
    const ones = Float32Array.from([1, 1]);
    const none = Float32Array.from([0, 0]);
    native.batchNormForwardTrain(
      x,
      ones,
      none,
      y,
      zeros(2),
      zeros(2),
      zeros(2),
      zeros(2),
      batch,
      channels,
      spatial,
      1e-5,
      0.1,
    );
    reference.batchNormForwardTrain(
      x,
      ones,
      none,
      expected,
      zeros(2),
      zeros(2),
      zeros(2),
      zeros(2),
      batch,
      channels,
      spatial,
      1e-5,
      0.1,
    );
    expectClose(y, expected, 1e-3, 1e-3);
  });

  it('refuses training mode with a single value per channel', () => {
    const one = Float32Array.from([1]);
    expect(() =>
      native.batchNormForwardTrain(one, one, one, zeros(1), zeros(1), zeros(1), zeros(1), zeros(1), 1, 1, 1, 1e-5, 0.1),
    ).toThrow(/batchNormForwardTrain: .*more than one value per channel/);
  });
});
