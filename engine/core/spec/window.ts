// Window geometry of conv and pooling layers (kernel, stride, padding, output size) from resolved params.
// Shape inference, the engine and the exporters all call windowGeometry, so they never disagree on sizes.

import type { ParamValue, Shape } from './types';

export type WindowOp = 'conv2d' | 'maxpool2d' | 'avgpool2d';

/** Geometry of a 2-D window: kernel, stride, zero padding on each side, and output size (rows, columns). */
export interface WindowGeometry {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  oh: number;
  ow: number;
}

/** Kernel, stride, padding and output size of a conv or pooling node on a [C, H, W] input, from resolved params. */
export function windowGeometry(op: WindowOp, params: Record<string, ParamValue>, input: Shape): WindowGeometry {
  if (input.length !== 3) throw new Error(`${op} needs a [channels, height, width] input, got [${input.join(', ')}]`);
  const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
  const [sh, sw] = params.stride === undefined || params.stride === null ? [kh, kw] : pairOf(params.stride, 'stride');
  const [ph, pw] = paddingOf(params.padding, kh, kw);
  const [, height, width] = input;
  return {
    kh,
    kw,
    sh,
    sw,
    ph,
    pw,
    oh: Math.floor((height + 2 * ph - kh) / sh) + 1,
    ow: Math.floor((width + 2 * pw - kw) / sw) + 1,
  };
}

/** n -> [n, n]; [h, w] -> [h, w]. Throws on anything else (params must be resolved first). */
export function pairOf(value: ParamValue | undefined, name: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  throw new Error(`'${name}' should be a number or [height, width], got ${JSON.stringify(value)}`);
}

/** Padding rows and columns per side; 'same' keeps the size for stride 1 and an odd kernel, 'valid' is 0. */
export function paddingOf(value: ParamValue | undefined, kh: number, kw: number): [number, number] {
  if (value === undefined || value === 'valid') return [0, 0];
  if (value === 'same') return [(kh - 1) / 2, (kw - 1) / 2];
  return pairOf(value, 'padding');
}

/** The groups a conv node splits its channels into (1 when the param is absent, as in specs saved before it). */
export function groupsOf(params: Record<string, ParamValue>): number {
  return typeof params.groups === 'number' ? params.groups : 1;
}
