// A dilated (atrous) convolution, stride 1, as dh·dw ordinary convolutions of the native kernels. Output row o reads
// padded input rows o + i·dh (i < KH); with o = p + dh·j that is p + dh·(j + i): row j + i of phase p, the padded
// input's rows p, p + dh, p + 2dh… So for each phase (p, q) the zero-padded input's rows p + dh·j and columns q + dw·i
// are gathered into a buffer (zeros where that position is padding; Kernels.gatherGrid, on the kernels' threads),
// convolved with the same weight and no padding, and the result is the output's rows p + dh·j and columns q + dw·i.
// Backward the same way: every input position belongs to one phase, so each phase's input gradient goes back to its
// own positions; the weight and bias gradients are summed over the phases in a fixed order. The kernels do every
// product, so any thread count gives the same bits.
import type { Kernels } from '../../kernels';

/** The kernel entries a convolution runtime calls: the kernels themselves, or a dilated convolution's. */
export type ConvKernels = Pick<Kernels, 'conv2dForward' | 'conv2dBackward'>;

/** One phase (p, q): its input's grid in x, its output's grid in y, and its ordinary convolution's geometry. */
interface Phase {
  /** (N, C, rows, cols) -> (N, O, outRows, outCols), stride 1, no padding; element 0 (the batch) set at each call. */
  geom: Int32Array;
  /** The kernels' grids (Kernels.gatherGrid): where the phase's dense planes lie in x's planes and in y's. */
  input: Int32Array;
  output: Int32Array;
  /** Floats of one dense input plane and of one dense output plane. */
  inputPlane: number;
  outputPlane: number;
}

/** The phase columns i whose tensor column `first + step·i` lies in [0, width), among `count`. */
function validRange(first: number, step: number, width: number, count: number): [number, number] {
  let begin = 0;
  while (begin < count && first + step * begin < 0) begin++;
  let end = begin;
  while (end < count && first + step * end < width) end++;
  return [begin, end];
}

/**
 * A grid of `rows` x `cols` positions in planes of height x width: row j at plane row first + step·j (-1 outside
 * the plane: padding), column i at plane column firstColumn + step·i.
 */
function grid(
  rows: number,
  cols: number,
  [height, width]: [number, number],
  [firstRow, firstColumn]: [number, number],
  [rowStep, step]: [number, number],
): Int32Array {
  const [colBegin, colEnd] = validRange(firstColumn, step, width, cols);
  const rowOf = Array.from({ length: rows }, (_, j) => {
    const row = firstRow + rowStep * j;
    return row >= 0 && row < height ? row : -1;
  });
  return Int32Array.from([rows, cols, height, width, firstColumn, step, colBegin, colEnd, ...rowOf]);
}

/**
 * conv2dForward and conv2dBackward, with the kernels' signatures, for the dilated convolution of `geom` (the kernels'
 * layout: [N, C, H, W, O, KH, KW, SH, SW, PH, PW, OH, OW], N the largest batch, OH and OW the dilated output size).
 * Calls pass the same geometry with their batch in element 0.
 */
export function dilatedConv(kernels: Kernels, geom: Int32Array, [dh, dw]: readonly [number, number]): ConvKernels {
  const own = Int32Array.from(geom);
  const [maxBatch, channels, height, width, filters, kh, kw, sh, sw, ph, pw, oh, ow] = own;
  if (sh !== 1 || sw !== 1) throw new Error(`a dilated convolution needs stride 1, got ${sh}x${sw}`);
  const phases: Phase[] = [];
  for (let p = 0; p < dh; p++)
    for (let q = 0; q < dw; q++) {
      // ceil((OH - p) / dh) output rows; they read outRows + KH - 1 phase rows (all the padded rows p + dh·j).
      const outRows = Math.ceil((oh - p) / dh);
      const outCols = Math.ceil((ow - q) / dw);
      if (outRows <= 0 || outCols <= 0) continue; // no output reads this phase: its input gradient stays 0
      const [rows, cols] = [outRows + kh - 1, outCols + kw - 1];
      // Phase input row j is padded row p + dh·j (x's row p + dh·j - ph), column i padded column q + dw·i; phase
      // output row j is y's row p + dh·j, column i its column q + dw·i.
      const input = grid(rows, cols, [height, width], [p - ph, q - pw], [dh, dw]);
      const output = grid(outRows, outCols, [oh, ow], [p, q], [dh, dw]);
      // The layer's geometry with the phase's sizes: rows x cols in, stride 1, no padding, outRows x outCols out.
      const phaseGeom = Int32Array.from(own);
      phaseGeom.set([rows, cols], 2);
      phaseGeom.set([1, 1, 0, 0, outRows, outCols], 7);
      phases.push({ geom: phaseGeom, input, output, inputPlane: rows * cols, outputPlane: outRows * outCols });
    }
  // Buffers for one phase at a time; phase (0, 0) is the largest.
  const [first] = phases;
  const xs = new Float32Array(maxBatch * channels * first.inputPlane);
  const ys = new Float32Array(maxBatch * filters * first.outputPlane);
  let dxs: Float32Array | null = null;
  let weightGrads: Float32Array | null = null;
  let biasGrads: Float32Array | null = null;
  const weightSize = filters * channels * kh * kw;

  /** The batch of a call, after checking that the rest of its geometry is the one built for. */
  function batchOf(callGeom: Int32Array): number {
    for (let i = 1; i < own.length; i++)
      if (callGeom[i] !== own[i]) throw new Error(`dilated convolution: geometry [${callGeom}] is not [${own}]`);
    if (callGeom[0] > maxBatch) throw new Error(`dilated convolution: batch ${callGeom[0]} exceeds ${maxBatch}`);
    return callGeom[0];
  }

  return {
    conv2dForward(x, weight, bias, y, callGeom) {
      const batch = batchOf(callGeom);
      for (const phase of phases) {
        phase.geom[0] = batch;
        kernels.gatherGrid(x, xs, batch * channels, phase.input);
        kernels.conv2dForward(xs, weight, bias, ys, phase.geom);
        kernels.scatterGrid(ys, y, batch * filters, phase.output, false);
      }
    },

    conv2dBackward(x, weight, dy, dx, dWeight, dBias, callGeom, accumulateDx) {
      const batch = batchOf(callGeom);
      if (dx) {
        dxs ??= new Float32Array(xs.length);
        // Positions of phases no output reads get no gradient; every other position is written once below.
        if (!accumulateDx) dx.fill(0, 0, batch * channels * height * width);
      }
      phases.forEach((phase, index) => {
        phase.geom[0] = batch;
        kernels.gatherGrid(x, xs, batch * channels, phase.input);
        kernels.gatherGrid(dy, ys, batch * filters, phase.output);
        // The first phase writes the weight and bias gradients; each later one adds its own, in phase order.
        const sums = index > 0;
        if (sums) {
          weightGrads ??= new Float32Array(weightSize);
          if (dBias) biasGrads ??= new Float32Array(filters);
        }
        const w = sums ? weightGrads! : dWeight;
        const b = dBias && sums ? biasGrads! : dBias;
        kernels.conv2dBackward(xs, weight, ys, dx ? dxs : null, w, b, phase.geom, false);
        if (sums) {
          for (let i = 0; i < weightSize; i++) dWeight[i] += w[i];
          if (dBias) for (let i = 0; i < filters; i++) dBias[i] += b![i];
        }
        if (dx) kernels.scatterGrid(dxs!, dx, batch * channels, phase.input, accumulateDx);
      });
    },
  };
}
