// Window geometry of conv and pooling layers (kernel, stride, padding, dilation, output size) from resolved params.
// Shape inference, the engine and the exporters all call windowGeometry, so they never disagree on sizes.

import type { ParamValue, Shape } from './types';

export type WindowOp = 'conv2d' | 'maxpool2d' | 'avgpool2d';

/**
 * Geometry of a 2-D window: kernel, stride, zero padding on each side, dilation (the spacing of a conv kernel's taps;
 * 1 for pooling) and output size (rows, columns).
 */
export interface WindowGeometry {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
  oh: number;
  ow: number;
}

/**
 * Kernel, stride, padding, dilation and output size of a conv or pooling node on a [C, H, W] input, from resolved
 * params. A dilated kernel spans (k - 1) d + 1 rows or columns: the output size and 'same' padding follow that span.
 */
export function windowGeometry(op: WindowOp, params: Record<string, ParamValue>, input: Shape): WindowGeometry {
  if (input.length !== 3) throw new Error(`${op} needs a [channels, height, width] input, got [${input.join(', ')}]`);
  const [kh, kw] = pairOf(params.kernelSize, 'kernelSize');
  const [sh, sw] = params.stride === undefined || params.stride === null ? [kh, kw] : pairOf(params.stride, 'stride');
  const [dh, dw] = op === 'conv2d' ? dilationOf(params) : [1, 1];
  const [spanH, spanW] = [dilatedSpan(kh, dh), dilatedSpan(kw, dw)];
  const [ph, pw] = paddingOf(params.padding, spanH, spanW);
  const [, height, width] = input;
  return {
    kh,
    kw,
    sh,
    sw,
    ph,
    pw,
    dh,
    dw,
    oh: Math.floor((height + 2 * ph - spanH) / sh) + 1,
    ow: Math.floor((width + 2 * pw - spanW) / sw) + 1,
  };
}

/** Rows (or columns) a kernel of `size` taps spaced `dilation` apart spans: (size - 1) dilation + 1. */
export function dilatedSpan(size: number, dilation: number): number {
  return (size - 1) * dilation + 1;
}

/** n -> [n, n]; [h, w] -> [h, w]. Throws on anything else (params must be resolved first). */
export function pairOf(value: ParamValue | undefined, name: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  throw new Error(`'${name}' should be a number or [height, width], got ${JSON.stringify(value)}`);
}

/**
 * Padding rows and columns per side of a window spanning kh x kw; 'same' keeps the size for stride 1 and an odd span,
 * 'valid' is 0.
 */
export function paddingOf(value: ParamValue | undefined, kh: number, kw: number): [number, number] {
  if (value === undefined || value === 'valid') return [0, 0];
  if (value === 'same') return [(kh - 1) / 2, (kw - 1) / 2];
  return pairOf(value, 'padding');
}

/** The groups a conv node splits its channels into (1 when the param is absent, as in specs saved before it). */
export function groupsOf(params: Record<string, ParamValue>): number {
  return typeof params.groups === 'number' ? params.groups : 1;
}

/** A conv node's dilation [height, width] ([1, 1] when the param is absent, as in specs saved before it). */
export function dilationOf(params: Record<string, ParamValue>): [number, number] {
  return params.dilation === undefined || params.dilation === null ? [1, 1] : pairOf(params.dilation, 'dilation');
}

/** Whether a dilation spreads the kernel at all (either axis above 1). */
export function isDilated([dh, dw]: readonly [number, number]): boolean {
  return dh !== 1 || dw !== 1;
}
