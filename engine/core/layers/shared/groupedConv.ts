// A grouped convolution (Conv2D's `groups` > 1; as many groups as input channels is a depthwise one) as one ordinary
// convolution per group: group g's input channels are gathered into a buffer of their own, convolved with its slice
// of the filters (weight [O, C / groups, KH, KW] keeps each group's filters together) and its slice of the bias, and
// its output channels scattered back; the backward pass the same way. A dilated one runs each group's convolution
// through dilatedConv. The kernels do every sum, so the bits are theirs, the same for any thread count.
import type { Kernels } from '../../kernels';
import type { InputGrad, LayerRuntime, ParamTensor, Tensor } from '../../ops/types';
import { isDilated } from '../../spec/window';
import { dilatedConv, type ConvKernels } from './dilatedConv';

/** Where a group's planes are in a batch: `channels` planes per sample, the group's from `first` on. */
interface Planes {
  data: Float32Array;
  channels: number;
  first: number;
}

/** `count` planes of `plane` floats per sample, for the first `batch` samples, from one layout to another (or added). */
function copyPlanes(from: Planes, to: Planes, batch: number, count: number, plane: number, add = false): void {
  const length = count * plane;
  for (let n = 0; n < batch; n++) {
    const src = (n * from.channels + from.first) * plane;
    const dst = (n * to.channels + to.first) * plane;
    if (!add) to.data.set(from.data.subarray(src, src + length), dst);
    else for (let i = 0; i < length; i++) to.data[dst + i] += from.data[src + i];
  }
}

export function groupedConvRuntime(
  kernels: Kernels,
  x: Tensor,
  y: Tensor,
  xGrad: InputGrad,
  weight: ParamTensor,
  bias: ParamTensor | null,
  geom: Int32Array,
  groups: number,
  dilation: readonly [number, number],
): LayerRuntime {
  const [maxBatch, channels, height, width, filters, kh, kw] = geom;
  const [oh, ow] = [geom[11], geom[12]];
  const perGroupIn = channels / groups;
  const perGroupOut = filters / groups;
  // One group's geometry: its channels in, its filters out.
  const groupGeom = Int32Array.from(geom);
  groupGeom[1] = perGroupIn;
  groupGeom[4] = perGroupOut;
  const conv: ConvKernels = isDilated(dilation) ? dilatedConv(kernels, groupGeom, dilation) : kernels;
  const inPlane = height * width;
  const outPlane = oh * ow;
  const xs = new Float32Array(maxBatch * perGroupIn * inPlane);
  const ys = new Float32Array(maxBatch * perGroupOut * outPlane);
  let dxs: Float32Array | null = null;
  const weightSize = perGroupOut * perGroupIn * kh * kw;
  // Slices are taken at each call: the tensors' arrays may be replaced (a checkpoint loaded into the model).
  const slice = (array: Float32Array, g: number, size: number) => array.subarray(g * size, (g + 1) * size);
  // Group g's planes in the layer's input or output (or their gradients), and in a buffer of one group's.
  const input = (data: Float32Array, g: number): Planes => ({ data, channels, first: g * perGroupIn });
  const output = (data: Float32Array, g: number): Planes => ({ data, channels: filters, first: g * perGroupOut });
  const own = (data: Float32Array, count: number): Planes => ({ data, channels: count, first: 0 });

  return {
    forward(batch) {
      groupGeom[0] = batch;
      for (let g = 0; g < groups; g++) {
        copyPlanes(input(x.data, g), own(xs, perGroupIn), batch, perGroupIn, inPlane);
        const b = bias ? slice(bias.value, g, perGroupOut) : null;
        conv.conv2dForward(xs, slice(weight.value, g, weightSize), b, ys, groupGeom);
        copyPlanes(own(ys, perGroupOut), output(y.data, g), batch, perGroupOut, outPlane);
      }
    },
    backward(batch) {
      groupGeom[0] = batch;
      if (xGrad.needed) dxs ??= new Float32Array(maxBatch * perGroupIn * inPlane);
      for (let g = 0; g < groups; g++) {
        copyPlanes(input(x.data, g), own(xs, perGroupIn), batch, perGroupIn, inPlane);
        copyPlanes(output(y.grad!, g), own(ys, perGroupOut), batch, perGroupOut, outPlane);
        conv.conv2dBackward(
          xs,
          slice(weight.value, g, weightSize),
          ys,
          dxs,
          slice(weight.grad, g, weightSize),
          bias ? slice(bias.grad, g, perGroupOut) : null,
          groupGeom,
          false,
        );
        if (dxs) copyPlanes(own(dxs, perGroupIn), input(x.grad!, g), batch, perGroupIn, inPlane, xGrad.accumulate);
      }
    },
  };
}
