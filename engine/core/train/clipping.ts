// Gradient clipping over the whole gradient arena: by global L2 norm (one norm for all tensors together)
// and/or by value. Clipping keeps one bad batch from throwing the weights far away.
import type { Kernels } from '../kernels';
import type { ClippingConfig } from './config';

/** Clips in place; returns the global norm before clipping when clipping by norm, else null. */
export function clipGradients(kernels: Kernels, grads: Float32Array, clipping: ClippingConfig): number | null {
  let norm: number | null = null;
  if (clipping.maxNorm !== undefined) {
    norm = Math.sqrt(kernels.sumOfSquares(grads, grads.length));
    // The 1e-6 keeps the factor finite for an all-zero gradient (PyTorch's clip_grad_norm_ does the same).
    const factor = clipping.maxNorm / (norm + 1e-6);
    if (factor < 1) kernels.scale(grads, grads.length, factor);
  }
  if (clipping.value !== undefined) kernels.clamp(grads, grads.length, -clipping.value, clipping.value);
  return norm;
}

export function checkClipping(clipping: ClippingConfig | undefined): ClippingConfig | null {
  if (!clipping || (clipping.maxNorm === undefined && clipping.value === undefined)) return null;
  if (clipping.maxNorm !== undefined && !(clipping.maxNorm > 0))
    throw new Error(`gradient clipping maxNorm must be above 0, got ${clipping.maxNorm}`);
  if (clipping.value !== undefined && !(clipping.value > 0))
    throw new Error(`gradient clipping value must be above 0, got ${clipping.value}`);
  return clipping;
}
