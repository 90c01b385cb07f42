// The dilated convolution as ordinary convolutions over phases: the values of the same convolution with its kernel
// spread out by zeros (the naive reference's, in double), every input position's gradient written once (or added),
// the same bits for any thread count, and refused geometry.
import { afterAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../native';
import { createReferenceKernels } from '../../../native/reference';
import { copyOf, expectBitwise, expectClose, randomFloats } from '../../../native/testing';
import { Rng } from '../../rng';
import { dilatedSpan } from '../../spec/window';
import { dilatedConv } from './dilatedConv';

const kernels = loadKernels();
const reference = createReferenceKernels();
const defaultThreads = kernels.threads();
afterAll(() => kernels.setThreads(defaultThreads));

interface Case {
  batch: number;
  channels: number;
  size: [number, number];
  filters: number;
  kernel: [number, number];
  dilation: [number, number];
  padding: [number, number];
}

/** The kernels' geometry of a case, its output size that of the dilated span. */
function geometry({ batch, channels, size, filters, kernel, dilation, padding }: Case): Int32Array {
  const span = [0, 1].map((axis) => dilatedSpan(kernel[axis], dilation[axis]));
  const out = [0, 1].map((axis) => size[axis] + 2 * padding[axis] - span[axis] + 1);
  return Int32Array.from([batch, channels, ...size, filters, ...kernel, 1, 1, ...padding, ...out]);
}

/** For each weight element [O, C, KH, KW], its index in the kernel of the whole span, zeros between the taps. */
function spreadIndex(c: Case): Int32Array {
  const [kh, kw] = c.kernel;
  const [dh, dw] = c.dilation;
  const [sh, sw] = [dilatedSpan(kh, dh), dilatedSpan(kw, dw)];
  const index = new Int32Array(c.filters * c.channels * kh * kw);
  for (let oc = 0; oc < c.filters * c.channels; oc++)
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++) index[(oc * kh + i) * kw + j] = (oc * sh + i * dh) * sw + j * dw;
  return index;
}

/** The weight as a kernel of its whole span, and the geometry that uses it. */
function spreadOut(c: Case, weight: Float32Array): { weight: Float32Array; geom: Int32Array } {
  const geom = geometry(c);
  geom[5] = dilatedSpan(c.kernel[0], c.dilation[0]);
  geom[6] = dilatedSpan(c.kernel[1], c.dilation[1]);
  const spread = new Float32Array(c.filters * c.channels * geom[5] * geom[6]);
  spreadIndex(c).forEach((at, i) => (spread[at] = weight[i]));
  return { weight: spread, geom };
}

/** The taps of a spread-out kernel's gradient: the dilated kernel's gradient. */
function taps(c: Case, spread: Float32Array): Float32Array {
  return Float32Array.from(spreadIndex(c), (at) => spread[at]);
}

function buffers(c: Case, seed: number) {
  const geom = geometry(c);
  const rng = new Rng(seed);
  const inSize = c.batch * c.channels * c.size[0] * c.size[1];
  const outSize = c.batch * c.filters * geom[11] * geom[12];
  return {
    geom,
    x: randomFloats(rng, inSize),
    weight: randomFloats(rng, c.filters * c.channels * c.kernel[0] * c.kernel[1]),
    bias: randomFloats(rng, c.filters),
    dy: randomFloats(rng, outSize),
    // What an earlier consumer left in the input gradient.
    dxBefore: randomFloats(rng, inSize),
    outSize,
  };
}

const CASES: [string, Case][] = [
  [
    '3x3 dilated by 2 on 9x8 (phases of 5 and 4 rows)',
    { batch: 2, channels: 3, size: [9, 8], filters: 4, kernel: [3, 3], dilation: [2, 2], padding: [0, 0] },
  ],
  [
    '3x2 dilated by [2, 3] with padding [2, 1] on 7x6',
    { batch: 2, channels: 2, size: [7, 6], filters: 3, kernel: [3, 2], dilation: [2, 3], padding: [2, 1] },
  ],
  [
    '2x2 dilated by 3 on 5x6, whose row 2 no output reads',
    { batch: 1, channels: 2, size: [5, 6], filters: 2, kernel: [2, 2], dilation: [3, 3], padding: [0, 0] },
  ],
];

describe('dilated convolution over phases', () => {
  it.each(CASES)('%s: the values of the kernel spread out by zeros, forward and backward', (_name, c) => {
    const b = buffers(c, 7);
    const conv = dilatedConv(kernels, b.geom, c.dilation);
    const spread = spreadOut(c, b.weight);

    const y = new Float32Array(b.outSize);
    conv.conv2dForward(b.x, b.weight, b.bias, y, b.geom);
    const yExpected = new Float32Array(b.outSize);
    reference.conv2dForward(b.x, spread.weight, b.bias, yExpected, spread.geom);
    expectClose(y, yExpected);

    const dx = copyOf(b.dxBefore);
    const dWeight = new Float32Array(b.weight.length).fill(Number.NaN);
    const dBias = new Float32Array(c.filters).fill(Number.NaN);
    conv.conv2dBackward(b.x, b.weight, b.dy, dx, dWeight, dBias, b.geom, false);
    const dxExpected = new Float32Array(b.x.length);
    const dSpread = new Float32Array(spread.weight.length);
    const dBiasExpected = new Float32Array(c.filters);
    reference.conv2dBackward(b.x, spread.weight, b.dy, dxExpected, dSpread, dBiasExpected, spread.geom, false);
    // Overwritten, also where no output reads the input (there the gradient is 0, not what was left).
    expectClose(dx, dxExpected);
    expectClose(dWeight, taps(c, dSpread));
    expectClose(dBias, dBiasExpected);

    // Accumulated onto what was there, and without a bias or an input gradient.
    const accumulated = copyOf(b.dxBefore);
    conv.conv2dBackward(b.x, b.weight, b.dy, accumulated, dWeight, null, b.geom, true);
    expectClose(
      accumulated,
      dxExpected.map((v, i) => v + b.dxBefore[i]),
    );
    const again = new Float32Array(b.weight.length);
    conv.conv2dBackward(b.x, b.weight, b.dy, null, again, null, b.geom, false);
    expectBitwise(again, dWeight);
  });

  it('runs a smaller batch than it was built for', () => {
    const c = CASES[0][1];
    const b = buffers(c, 3);
    const conv = dilatedConv(kernels, b.geom, c.dilation);
    const one = Int32Array.from(b.geom);
    one[0] = 1;
    const y = new Float32Array(b.outSize).fill(5);
    conv.conv2dForward(b.x, b.weight, b.bias, y, one);
    const full = new Float32Array(b.outSize);
    conv.conv2dForward(b.x, b.weight, b.bias, full, b.geom);
    const half = b.outSize / 2;
    expectBitwise(y.subarray(0, half), full.subarray(0, half));
    expect(Array.from(y.subarray(half)).every((v) => v === 5)).toBe(true);
  });

  it('gives the same bits with 1, 2 and 3 threads', () => {
    const c: Case = {
      batch: 8,
      channels: 16,
      size: [21, 19],
      filters: 24,
      kernel: [3, 3],
      dilation: [2, 2],
      padding: [2, 2],
    };
    const b = buffers(c, 11);
    const conv = dilatedConv(kernels, b.geom, c.dilation);
    const run = (threads: number) => {
      kernels.setThreads(threads);
      const y = new Float32Array(b.outSize);
      const dx = new Float32Array(b.x.length);
      const dWeight = new Float32Array(b.weight.length);
      const dBias = new Float32Array(c.filters);
      conv.conv2dForward(b.x, b.weight, b.bias, y, b.geom);
      conv.conv2dBackward(b.x, b.weight, b.dy, dx, dWeight, dBias, b.geom, false);
      return [y, dx, dWeight, dBias];
    };
    const one = run(1);
    for (const threads of [2, 3]) run(threads).forEach((values, i) => expectBitwise(values, one[i]));
  });

  it('refuses a stride, and a call whose geometry is not the one it was built for', () => {
    const c = CASES[0][1];
    const b = buffers(c, 5);
    const strided = Int32Array.from(b.geom);
    strided[7] = 2;
    expect(() => dilatedConv(kernels, strided, c.dilation)).toThrow(/stride 1/);
    const conv = dilatedConv(kernels, b.geom, c.dilation);
    const other = Int32Array.from(b.geom);
    other[4] = 5;
    expect(() => conv.conv2dForward(b.x, b.weight, b.bias, new Float32Array(b.outSize * 2), other)).toThrow(/geometry/);
  });
});
