// Losses: each computes the mean loss of a batch from the network output and writes d(loss)/d(output)
// into the output's gradient, ready for backward.
import type { Kernels } from '../kernels';
import type { Tensor } from '../ops/types';
import type { Shape } from '../spec/types';
import type { LossKind } from '../train/config';

export interface Loss {
  readonly kind: LossKind;
  /** 'class': Int32Array of class indices, one per sample; 'value': Float32Array, one per output element. */
  readonly targets: 'class' | 'value';
  /** Mean loss over the batch; writes output.grad. */
  compute(output: Tensor, targets: Int32Array | Float32Array, batch: number): number;
}

export function createLoss(kind: LossKind, kernels: Kernels, outputShape: Shape): Loss {
  if (outputShape.length !== 1) {
    throw new Error(
      `the loss needs a vector output per sample, but the model's output is [${outputShape.join(', ')}]: add Flatten and a Dense layer at the end`,
    );
  }
  const width = outputShape[0];
  switch (kind) {
    case 'cross_entropy':
      if (width < 2)
        throw new Error(
          `cross-entropy needs at least 2 output units (one per class), the output has ${width}: use binary cross-entropy for one unit`,
        );
      return {
        kind,
        targets: 'class',
        compute: (output, labels, batch) =>
          kernels.softmaxCrossEntropy(output.data, labels as Int32Array, output.grad!, batch, width),
      };
    case 'bce_with_logits':
      return {
        kind,
        targets: 'value',
        compute: (output, targets, batch) =>
          kernels.bceWithLogits(output.data, targets as Float32Array, output.grad!, batch * width),
      };
    case 'mse':
      return {
        kind,
        targets: 'value',
        compute: (output, targets, batch) =>
          kernels.mse(output.data, targets as Float32Array, output.grad!, batch * width),
      };
    default:
      throw new Error(`unknown loss '${kind as string}'`);
  }
}
