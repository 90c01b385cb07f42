// Weight initialization: Xavier/Glorot and He/Kaiming, uniform and normal, and the 'auto' choice per layer.
import type { Rng } from '../rng';
import { LAYER_DEFINITIONS } from '../layers';
import type { InitKind } from './types';

/**
 * 'auto' picks He (Kaiming) init before ReLU-like activations (catalogue entries marked reluLike) and Xavier (Glorot)
 * otherwise; both uniform like PyTorch's defaults.
 */
export function chooseInit(requested: unknown, successorOp: string | null): InitKind {
  if (typeof requested === 'string' && requested !== 'auto') return requested as InitKind;
  return successorOp !== null && isReluLike(successorOp) ? 'kaiming_uniform' : 'xavier_uniform';
}

// Read from the layer list when called, never at load: the layer modules import this file, so the list is still being
// built while it loads.
function isReluLike(op: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(LAYER_DEFINITIONS, op) &&
    LAYER_DEFINITIONS[op as keyof typeof LAYER_DEFINITIONS].catalogue.reluLike === true
  );
}

/** fan_in and fan_out of a weight [out, in] or [out, in, kh, kw]. */
export function fans(shape: number[]): { fanIn: number; fanOut: number } {
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: (shape[1] ?? 1) * receptive, fanOut: shape[0] * receptive };
}

export function initialize(values: Float32Array, shape: number[], kind: InitKind, rng: Rng): void {
  switch (kind) {
    case 'zeros':
      values.fill(0);
      return;
    case 'ones':
      values.fill(1);
      return;
    case 'quarter':
      values.fill(0.25);
      return;
    case 'xavier_uniform':
    case 'xavier_normal':
    case 'kaiming_uniform':
    case 'kaiming_normal': {
      const { fanIn, fanOut } = fans(shape);
      // Xavier keeps the variance of activations and gradients equal across layers: std = sqrt(2 / (fan_in + fan_out)).
      // Kaiming compensates ReLU zeroing half its inputs: std = sqrt(2 / fan_in).
      const std = kind.startsWith('xavier') ? Math.sqrt(2 / (fanIn + fanOut)) : Math.sqrt(2 / fanIn);
      if (kind.endsWith('uniform')) {
        const bound = Math.sqrt(3) * std;
        for (let i = 0; i < values.length; i++) values[i] = (2 * rng.uniform() - 1) * bound;
      } else {
        for (let i = 0; i < values.length; i++) values[i] = rng.normal() * std;
      }
      return;
    }
    default:
      throw new Error(`unknown initialization '${kind as string}'`);
  }
}
