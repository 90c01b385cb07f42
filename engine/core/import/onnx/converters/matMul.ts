// MatMul(x, W) with a constant W [in, out] and no bias -> dense without bias, weight W transposed ([out, in]).
// MatMul followed by Add of a bias was fused into a Gemm by the passes.

import { layer, needsRank, unsupported, type Converter } from '../convertTypes';

/** A row-major [rows, columns] matrix transposed to [columns, rows]. */
export function transpose(values: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = values[r * columns + c];
  return out;
}

export const matMul: Converter = (ctx) => {
  const wrongInput = needsRank(ctx, 1);
  if (wrongInput) return wrongInput;
  const w = ctx.constant(1);
  if (!w?.floats || w.dims.length !== 2) return unsupported(ctx, 'onnx-needs-constant', { input: 2 });
  const [inFeatures, outFeatures] = w.dims;
  return layer('dense', { units: outFeatures, bias: false }, [0], {
    tensors: { weight: { shape: [outFeatures, inFeatures], value: transpose(w.floats, inFeatures, outFeatures) } },
    weightName: ctx.node.inputs[1],
  });
};
