// BatchNormalization in inference form -> batchnorm1d on vectors, batchnorm2d on images: scale, B, mean and var
// become weight, bias, running_mean and running_var. ONNX momentum weighs the old running value (default 0.9);
// Netwright's, like PyTorch's, weighs the new batch, so it is 1 - momentum.

import { attributeFloat, attributeInt } from '../graph';
import { layer, storedValues, tidy, unsupported, unsupportedAttribute, type Converter } from '../convertTypes';

const FIELDS = ['weight', 'bias', 'running_mean', 'running_var'] as const;

export const batchNormalization: Converter = (ctx) => {
  if (!ctx.isData(0)) return unsupported(ctx, 'onnx-unexpected-constant', { input: 1 });
  const shape = ctx.shape(0);
  if (!shape) return unsupported(ctx, 'onnx-unknown-shape');
  if (shape.length !== 1 && shape.length !== 3)
    return unsupported(ctx, 'onnx-unsupported-rank', { shape: `[batch, ${shape.join(', ')}]` });
  const training = attributeInt(ctx.node, 'training_mode', 0);
  if (training !== 0) return unsupportedAttribute(ctx, 'training_mode', training, '0 (inference)');
  const channels = shape[0];
  const tensors: Partial<Record<(typeof FIELDS)[number], { shape: number[]; value: Float32Array }>> = {};
  for (let i = 0; i < FIELDS.length; i++) {
    const values = storedValues(ctx, i + 1, channels);
    if (!(values instanceof Float32Array)) return values;
    tensors[FIELDS[i]] = { shape: [channels], value: values };
  }
  const momentum = 1 - tidy(attributeFloat(ctx.node, 'momentum', 0.9));
  return layer(
    shape.length === 1 ? 'batchnorm1d' : 'batchnorm2d',
    {
      eps: tidy(attributeFloat(ctx.node, 'epsilon', 1e-5)),
      momentum: momentum > 0 && momentum <= 1 ? tidy(momentum) : 0.1,
    },
    [0],
    { tensors, weightName: ctx.node.inputs[1] },
  );
};
