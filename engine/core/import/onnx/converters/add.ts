// Add of two computed tensors of the same shape (a residual connection) -> add. Adding a constant is not a layer
// Netwright has (a bias after MatMul was fused into a dense layer by the passes).
import { layer, unsupported, type Converter } from '../convertTypes';

export const add: Converter = (ctx) => {
  for (const i of [0, 1]) if (!ctx.isData(i)) return unsupported(ctx, 'onnx-unexpected-constant', { input: i + 1 });
  return layer('add', {}, [0, 1]);
};
