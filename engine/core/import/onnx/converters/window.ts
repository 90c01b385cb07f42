// Shared by Conv, MaxPool and AveragePool: kernel_shape, strides, pads, auto_pad and (Conv's) dilations as
// Netwright's kernelSize, stride, (symmetric) padding and dilation params, or the attribute Netwright cannot follow.

import type { ParamValue, Shape } from '../../../spec/types';
import { dilatedSpan, windowGeometry } from '../../../spec/window';
import { attributeInts, attributeString } from '../graph';
import { unsupportedAttribute, type Conversion, type ConvertContext } from '../convertTypes';

export interface WindowParams {
  kernelSize: ParamValue;
  stride: ParamValue;
  padding: ParamValue;
  /** A conv's dilation, only when it is not 1. */
  dilation?: ParamValue;
}

export interface WindowOptions {
  /** Channels of the output, when they are not the input's (a conv's filters). */
  outChannels?: number;
  /** The layer takes dilations (Conv2D, at stride 1); pooling refuses any but 1. */
  dilation?: boolean;
}

/** n when both sides agree, else [height, width]. */
const pairValue = ([h, w]: readonly number[]): ParamValue => (h === w ? h : [h, w]);

/**
 * The window params of a 2-D conv or pool on a [C, H, W] input; `kernel` comes from the weight (conv) or
 * kernel_shape. Pads must be equal on both sides of each axis (Netwright pads symmetrically). Dilations are taken
 * where the layer has them and the strides are 1; any other dilated window is refused with the output's shape
 * ([outChannels, OH, OW] of the dilated window), so the layers after it keep theirs.
 */
export function windowParams(
  ctx: ConvertContext,
  kernel: readonly number[] | null,
  input: Shape,
  options: WindowOptions = {},
): WindowParams | Conversion {
  const { node } = ctx;
  const kernelShape = attributeInts(node, 'kernel_shape') ?? kernel;
  if (!kernelShape || kernelShape.length !== 2)
    return unsupportedAttribute(ctx, 'kernel_shape', `[${kernelShape?.join(', ') ?? ''}]`, 'a 2-D window');
  const strides = attributeInts(node, 'strides') ?? [1, 1];
  const dilations = attributeInts(node, 'dilations') ?? [1, 1];
  if ((dilations.length !== 2 || dilations.some((d) => d < 1)) && dilations.some((d) => d !== 1))
    return unsupportedAttribute(ctx, 'dilations', `[${dilations.join(', ')}]`, '[1, 1]');
  const dilated = dilations.length === 2 && dilations.some((d) => d !== 1);
  // The window a dilation spreads the kernel over: (k - 1) d + 1 (padding and the output size follow it).
  const span = dilated ? kernelShape.map((k, axis) => dilatedSpan(k, dilations[axis])) : kernelShape;
  const autoPad = attributeString(node, 'auto_pad', 'NOTSET');
  let pads: number[];
  switch (autoPad) {
    case 'NOTSET':
      pads = attributeInts(node, 'pads') ?? [0, 0, 0, 0];
      break;
    case 'VALID':
      pads = [0, 0, 0, 0];
      break;
    case 'SAME_UPPER':
    case 'SAME_LOWER': {
      // Output ceil(size / stride); the total padding split with the odd one at the end (UPPER) or start (LOWER).
      const total = [0, 1].map((axis) => {
        const size = input[axis + 1];
        const out = Math.ceil(size / strides[axis]);
        return Math.max(0, (out - 1) * strides[axis] + span[axis] - size);
      });
      const before = total.map((t) => (autoPad === 'SAME_UPPER' ? Math.floor(t / 2) : Math.ceil(t / 2)));
      pads = [before[0], before[1], total[0] - before[0], total[1] - before[1]];
      break;
    }
    default:
      return unsupportedAttribute(ctx, 'auto_pad', `'${autoPad}'`, "'NOTSET', 'VALID', 'SAME_UPPER' or 'SAME_LOWER'");
  }
  if (pads.length !== 4 || pads[0] !== pads[2] || pads[1] !== pads[3]) {
    const name = autoPad === 'NOTSET' ? 'pads' : 'auto_pad';
    const value = autoPad === 'NOTSET' ? `[${pads.join(', ')}]` : `'${autoPad}' (pads [${pads.join(', ')}])`;
    return unsupportedAttribute(ctx, name, value, 'the same padding before and after each axis');
  }
  const params: WindowParams = {
    kernelSize: pairValue(kernelShape),
    stride: pairValue(strides),
    padding: pairValue([pads[0], pads[1]]),
    ...(dilated ? { dilation: pairValue(dilations) } : {}),
  };
  const strided = strides.some((s) => s !== 1);
  if (dilated && (!options.dilation || strided)) {
    const g = windowGeometry('conv2d', { ...params }, input);
    const value = `[${dilations.join(', ')}]`;
    // A conv's dilations are refused only with a stride (the engine computes them at stride 1).
    const refused = options.dilation
      ? unsupportedAttribute(
          ctx,
          'dilations',
          `${value} (strides [${strides.join(', ')}])`,
          'dilations only with strides [1, 1]',
        )
      : unsupportedAttribute(ctx, 'dilations', value, '[1, 1]');
    const outChannels = options.outChannels ?? input[0];
    return g.oh > 0 && g.ow > 0 ? ({ ...refused, shape: [outChannels, g.oh, g.ow] } as Conversion) : refused;
  }
  return params;
}

export function isConversion(value: WindowParams | Conversion): value is Conversion {
  return 'kind' in value;
}

/**
 * ceil_mode = 1 rounds the output size up; it changes nothing when every window fits exactly, which is the only
 * case Netwright (which rounds down) can take.
 */
export function ceilModeProblem(
  ctx: ConvertContext,
  input: Shape,
  kernel: number[],
  stride: number[],
  pad: number[],
): Conversion | null {
  const a = ctx.node.attributes.get('ceil_mode');
  if (!a || a.type !== 'int' || a.value === 0) return null;
  const exact = [0, 1].every((axis) => (input[axis + 1] + 2 * pad[axis] - kernel[axis]) % stride[axis] === 0);
  return exact ? null : unsupportedAttribute(ctx, 'ceil_mode', 1, '0 (or windows that fit the image exactly)');
}

export const asPair = (value: ParamValue): number[] =>
  typeof value === 'number' ? [value, value] : (value as number[]);
