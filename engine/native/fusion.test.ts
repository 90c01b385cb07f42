// The fused eval-mode kernels (dense → ReLU, convolution → ReLU → 2x2 max pool) give bitwise what the separate
// kernels give one after the other, for 1, 2 and 3 threads, on whichever ISA the addon runs (npm test repeats the
// kernel tests on the scalar and emulated AVX-512 kernels).
import { afterAll, describe, expect, it } from 'vitest';
import { Activation } from '../core/kernels';
import { Rng } from '../core/rng';
import { loadKernels } from './index';
import { createReferenceKernels } from './reference';
import { expectBitwise, expectClose, randomFloats, windowGeom, zeros } from './testing';

const native = loadKernels();
const initialThreads = native.threads();
afterAll(() => native.setThreads(initialThreads));

/**
 * Values around zero, some exactly ±0 and (with several samples) a NaN in the first and the last one, so the ReLU's
 * edge cases reach every kernel (a whole register tile's epilogue and a partial one's) while the other samples keep
 * outputs of both signs.
 */
function edgyFloats(rng: Rng, count: number, samples: number): Float32Array {
  const x = randomFloats(rng, count);
  for (let i = 0; i < count; i += 37) x[i] = i % 2 ? -0 : 0;
  if (samples > 1) {
    x[1] = NaN;
    x[count - 1] = NaN;
  }
  return x;
}

function forEachThreadCount(check: () => void): void {
  for (const threads of [1, 2, 3]) {
    native.setThreads(threads);
    check();
  }
}

/** The 2x2 stride-2 max pool geometry over a [N, C, H, W] tensor. */
function pool2x2(N: number, C: number, H: number, W: number): Int32Array {
  return windowGeom(N, C, H, W, C, 2, 2, 2, 2);
}

describe('dense → ReLU in one kernel', () => {
  // Batches of 1 and 4 take the small-row path, 7 and 256 the packed GEMM (partial and whole register tiles).
  for (const [batch, inFeatures, outFeatures] of [
    [1, 784, 512],
    [4, 300, 37],
    [7, 129, 70],
    [256, 784, 512],
    [256, 512, 10],
  ]) {
    it(`equals denseForward then the ReLU bit for bit: batch ${batch}, ${inFeatures} → ${outFeatures}`, () => {
      const rng = new Rng(batch * 1000 + outFeatures);
      const x = edgyFloats(rng, batch * inFeatures, batch);
      const w = randomFloats(rng, outFeatures * inFeatures, 0.1);
      const b = randomFloats(rng, outFeatures, 0.1);
      for (const bias of [b, null]) {
        native.setThreads(1);
        const expected = zeros(batch * outFeatures);
        native.denseForward(x, w, bias, expected, batch, inFeatures, outFeatures);
        native.activationForward(Activation.ReLU, expected, expected, expected.length, 0);
        expect(expected.some((v) => v === 0) && expected.some((v) => v > 0)).toBe(true);
        forEachThreadCount(() => {
          const y = zeros(batch * outFeatures).fill(-1);
          native.denseReluForward(x, w, bias, y, batch, inFeatures, outFeatures);
          expectBitwise(y, expected);
        });
      }
    });
  }
});

describe('convolution → ReLU (→ 2x2 max pool) in one kernel', () => {
  // LeNet's two convolutions (shifted windows), odd output sizes (the pool drops a row and a column), a stride-2
  // convolution (im2col, whose epilogue is a pass over y), and batches that split units over threads or not.
  const cases: [string, Int32Array][] = [
    ['LeNet conv1, 1x28x28 → 6, pad 2', windowGeom(9, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2)],
    ['LeNet conv2, 6x14x14 → 16', windowGeom(40, 6, 14, 14, 16, 5, 5)],
    ['odd output 7x9', windowGeom(3, 4, 9, 11, 5, 3, 3)],
    ['stride 2 (im2col)', windowGeom(5, 3, 17, 20, 7, 3, 3, 2, 2, 1, 1)],
    ['one image', windowGeom(1, 3, 16, 16, 8, 3, 3, 1, 1, 1, 1)],
  ];
  for (const [name, geom] of cases) {
    it(`equals conv2dForward, the ReLU and maxPool2dForward bit for bit: ${name}`, () => {
      const [N, C, H, W, O, KH, KW, , , , , OH, OW] = geom;
      const rng = new Rng(N * 100 + O);
      const x = edgyFloats(rng, N * C * H * W, N);
      const w = randomFloats(rng, O * C * KH * KW, 0.3);
      const b = randomFloats(rng, O, 0.3);
      const pool = pool2x2(N, O, OH, OW);
      const pooledSize = N * O * pool[11] * pool[12];
      for (const bias of [b, null]) {
        native.setThreads(1);
        const relu = zeros(N * O * OH * OW);
        native.conv2dForward(x, w, bias, relu, geom);
        native.activationForward(Activation.ReLU, relu, relu, relu.length, 0);
        const pooled = zeros(pooledSize);
        native.maxPool2dForward(relu, pooled, new Int32Array(pooledSize), pool);
        expect(relu.some((v) => v === 0) && relu.some((v) => v > 0)).toBe(true);
        forEachThreadCount(() => {
          const y = zeros(relu.length).fill(-1);
          native.conv2dReluForward(x, w, bias, y, geom, null);
          expectBitwise(y, relu);
          const fusedPool = zeros(pooledSize).fill(-1);
          native.conv2dReluForward(x, w, bias, zeros(relu.length), geom, fusedPool);
          expectBitwise(fusedPool, pooled);
        });
      }
    });
  }

  it('agrees with the reference kernels', () => {
    const reference = createReferenceKernels();
    const geom = windowGeom(2, 3, 10, 12, 4, 3, 3, 1, 1, 1, 1);
    const rng = new Rng(5);
    const x = randomFloats(rng, 2 * 3 * 10 * 12);
    const w = randomFloats(rng, 4 * 3 * 9);
    const b = randomFloats(rng, 4);
    const [expected, actual] = [zeros(2 * 4 * 5 * 6), zeros(2 * 4 * 5 * 6)];
    reference.conv2dReluForward(x, w, b, zeros(2 * 4 * 10 * 12), geom, expected);
    native.conv2dReluForward(x, w, b, zeros(2 * 4 * 10 * 12), geom, actual);
    expectClose(actual, expected);
  });

  it('refuses a pooled buffer too small for the output', () => {
    const geom = windowGeom(2, 1, 8, 8, 2, 3, 3, 1, 1, 1, 1);
    const call = () =>
      native.conv2dReluForward(zeros(128), zeros(18), null, zeros(2 * 2 * 64), geom, zeros(2 * 2 * 16 - 1));
    expect(call).toThrow(/conv2dReluForward: pooled holds 63 floats, needs 64/);
  });
});
