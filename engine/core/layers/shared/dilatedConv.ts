// A dilated (atrous) convolution, stride 1, as dh·dw ordinary convolutions of the native kernels. Output row o reads
// padded input rows o + i·dh (i < KH); with o = p + dh·j that is p + dh·(j + i): row j + i of phase p, the padded
// input's rows p, p + dh, p + 2dh… So for each phase (p, q) the zero-padded input's rows p + dh·j and columns q + dw·i
// are gathered into a buffer (zeros where that position is padding), convolved with the same weight and no padding,
// and the result is the output's rows p + dh·j and columns q + dw·i. Backward the same way: every input position
// belongs to one phase, so each phase's input gradient goes back to its own positions; the weight and bias gradients
// are summed over the phases in a fixed order. The kernels do every product, so any thread count gives the same bits.
import type { Kernels } from '../../kernels';

/** The kernel entries a convolution runtime calls: the kernels themselves, or a dilated convolution's. */
export type ConvKernels = Pick<Kernels, 'conv2dForward' | 'conv2dBackward'>;

/**
 * Where a phase's dense planes (rows x cols) lie in a whole tensor's planes: phase row j is the tensor's row
 * rowOf[j] (-1 where it is padding), phase column i its column firstColumn + step·i, inside the tensor for i in
 * [colBegin, colEnd) (padding elsewhere).
 */
interface Grid {
  rows: number;
  cols: number;
  rowOf: Int32Array;
  firstColumn: number;
  step: number;
  colBegin: number;
  colEnd: number;
  /** The tensor's row length and plane size. */
  width: number;
  plane: number;
}

/** One phase (p, q): its input's grid in x, its output's grid in y, and its ordinary convolution's geometry. */
interface Phase {
  /** (N, C, rows, cols) -> (N, O, outRows, outCols), stride 1, no padding; element 0 (the batch) set at each call. */
  geom: Int32Array;
  input: Grid;
  output: Grid;
}

/** The phase columns i whose tensor column `first + step·i` lies in [0, width), among `count`. */
function validRange(first: number, step: number, width: number, count: number): [number, number] {
  let begin = 0;
  while (begin < count && first + step * begin < 0) begin++;
  let end = begin;
  while (end < count && first + step * end < width) end++;
  return [begin, end];
}

/** `planes` planes of a tensor -> the phase's dense planes, zeros where the phase lies in padding. */
function gather(tensor: Float32Array, dense: Float32Array, grid: Grid, planes: number): void {
  const { rows, cols, rowOf, firstColumn, step, colBegin, colEnd, width, plane } = grid;
  // Loops, not fill(): the runs of padding are a column or two, where a call costs more than the stores.
  for (let n = 0; n < planes; n++)
    for (let j = 0; j < rows; j++) {
      const to = (n * rows + j) * cols;
      const row = rowOf[j];
      if (row < 0) {
        for (let i = 0; i < cols; i++) dense[to + i] = 0;
        continue;
      }
      const from = n * plane + row * width + firstColumn;
      for (let i = 0; i < colBegin; i++) dense[to + i] = 0;
      for (let i = colBegin; i < colEnd; i++) dense[to + i] = tensor[from + step * i];
      for (let i = colEnd; i < cols; i++) dense[to + i] = 0;
    }
}

/** The phase's dense planes -> their positions in `planes` planes of a tensor (padding dropped), written or added. */
function scatter(dense: Float32Array, tensor: Float32Array, grid: Grid, planes: number, add: boolean): void {
  const { rows, cols, rowOf, firstColumn, step, colBegin, colEnd, width, plane } = grid;
  for (let n = 0; n < planes; n++)
    for (let j = 0; j < rows; j++) {
      const row = rowOf[j];
      if (row < 0) continue;
      const from = (n * rows + j) * cols;
      const to = n * plane + row * width + firstColumn;
      if (add) for (let i = colBegin; i < colEnd; i++) tensor[to + step * i] += dense[from + i];
      else for (let i = colBegin; i < colEnd; i++) tensor[to + step * i] = dense[from + i];
    }
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
      const [colBegin, colEnd] = validRange(q - pw, dw, width, cols);
      const input: Grid = {
        rows,
        cols,
        rowOf: Int32Array.from({ length: rows }, (_, j) => {
          const row = p + dh * j - ph;
          return row >= 0 && row < height ? row : -1;
        }),
        firstColumn: q - pw,
        step: dw,
        colBegin,
        colEnd,
        width,
        plane: height * width,
      };
      const output: Grid = {
        rows: outRows,
        cols: outCols,
        rowOf: Int32Array.from({ length: outRows }, (_, j) => p + dh * j),
        firstColumn: q,
        step: dw,
        colBegin: 0,
        colEnd: outCols,
        width: ow,
        plane: oh * ow,
      };
      // The layer's geometry with the phase's sizes: rows x cols in, stride 1, no padding, outRows x outCols out.
      const phaseGeom = Int32Array.from(own);
      phaseGeom.set([rows, cols], 2);
      phaseGeom.set([1, 1, 0, 0, outRows, outCols], 7);
      phases.push({ geom: phaseGeom, input, output });
    }
  // Buffers for one phase at a time; phase (0, 0) is the largest.
  const [first] = phases;
  const xs = new Float32Array(maxBatch * channels * first.input.rows * first.input.cols);
  const ys = new Float32Array(maxBatch * filters * first.output.rows * first.output.cols);
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
        gather(x, xs, phase.input, batch * channels);
        kernels.conv2dForward(xs, weight, bias, ys, phase.geom);
        scatter(ys, y, phase.output, batch * filters, false);
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
        gather(x, xs, phase.input, batch * channels);
        gather(dy, ys, phase.output, batch * filters);
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
        if (dx) scatter(dxs!, dx, phase.input, batch * channels, accumulateDx);
      });
    },
  };
}
