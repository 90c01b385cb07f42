// Finite-difference gradient checks for every layer kind and every loss: the analytic backward must match
// central differences of the forward pass, for inputs and parameters.
import { describe, expect, it } from 'vitest';
import type { Kernels } from '../core/kernels';
import { createLoss } from '../core/losses';
import { Rng } from '../core/rng';
import type { ParamValue, Shape } from '../core/spec/types';
import type { LossKind } from '../core/train/config';
import { loadKernels } from '../native';
import { buildSingleOp, type SingleOp } from './opHarness';

const kernels: Kernels = loadKernels();
const STEP = 1e-2; // float32 forward passes: a larger step keeps rounding noise below the tolerance
const ATOL = 2e-3;
const RTOL = 3e-2;

interface Case {
  op: string;
  params?: Record<string, ParamValue>;
  shapes: Shape[];
  batch?: number;
  /** Keep inputs away from kinks (ReLU at 0, pooling ties) so differences are well defined. */
  awayFromZero?: boolean;
  /**
   * Inputs times this (default 1), so that a saturating part (ReLU6 above 6, Hardswish beyond +-3, Softplus's y = x
   * above 20) is reached.
   */
  scale?: number;
  training?: boolean;
}

const CASES: Case[] = [
  { op: 'dense', params: { units: 3 }, shapes: [[4]] },
  { op: 'dense', params: { units: 2, bias: false }, shapes: [[5]] },
  { op: 'conv2d', params: { filters: 2, kernelSize: 3, padding: 1 }, shapes: [[2, 5, 4]] },
  { op: 'conv2d', params: { filters: 3, kernelSize: [3, 2], stride: 2, padding: [1, 0] }, shapes: [[2, 6, 5]] },
  // Grouped (2 groups of 2 channels, 3 filters each) and depthwise (one filter per channel, no bias).
  { op: 'conv2d', params: { filters: 6, kernelSize: 3, padding: 1, groups: 2 }, shapes: [[4, 4, 3]] },
  { op: 'conv2d', params: { filters: 3, kernelSize: 3, stride: 2, groups: 3, bias: false }, shapes: [[3, 5, 5]] },
  // Dilated: 3x3 by 2 on an odd image (phases of different sizes), 2x3 by [2, 1] with 'same' (a 3x3 span), and
  // depthwise by 3.
  { op: 'conv2d', params: { filters: 2, kernelSize: 3, dilation: 2 }, shapes: [[2, 7, 6]] },
  { op: 'conv2d', params: { filters: 3, kernelSize: [2, 3], dilation: [2, 1], padding: 'same' }, shapes: [[2, 5, 4]] },
  { op: 'conv2d', params: { filters: 2, kernelSize: 3, dilation: 3, padding: 2, groups: 2 }, shapes: [[2, 6, 5]] },
  { op: 'maxpool2d', params: { kernelSize: 2 }, shapes: [[2, 4, 6]] },
  { op: 'maxpool2d', params: { kernelSize: 3, stride: 1, padding: 1 }, shapes: [[1, 4, 4]] },
  { op: 'avgpool2d', params: { kernelSize: 3, stride: 1, padding: 1 }, shapes: [[2, 4, 5]] },
  { op: 'globalavgpool2d', shapes: [[3, 3, 4]] },
  { op: 'flatten', shapes: [[2, 3, 2]] },
  { op: 'batchnorm1d', shapes: [[4]], batch: 5, training: true },
  { op: 'batchnorm2d', shapes: [[2, 3, 3]], batch: 3, training: true },
  { op: 'batchnorm2d', shapes: [[2, 3, 3]], batch: 3, training: false },
  { op: 'layernorm', shapes: [[5]], batch: 3 },
  { op: 'layernorm', params: { eps: 0.1 }, shapes: [[4]], batch: 2, scale: 3 },
  { op: 'groupnorm', params: { groups: 2 }, shapes: [[4, 2, 3]], batch: 3 },
  { op: 'groupnorm', params: { groups: 3, eps: 0.1 }, shapes: [[3, 2, 2]], batch: 2, scale: 3 },
  { op: 'groupnorm', params: { groups: 1 }, shapes: [[2, 3, 1]], batch: 1 },
  { op: 'relu', shapes: [[7]], awayFromZero: true },
  { op: 'leakyrelu', params: { negativeSlope: 0.1 }, shapes: [[7]], awayFromZero: true },
  { op: 'sigmoid', shapes: [[6]] },
  { op: 'tanh', shapes: [[6]] },
  { op: 'gelu', params: { approximate: 'none' }, shapes: [[6]] },
  { op: 'gelu', params: { approximate: 'tanh' }, shapes: [[6]] },
  { op: 'elu', shapes: [[7]], awayFromZero: true },
  { op: 'elu', params: { alpha: 0.4 }, shapes: [[2, 2, 3]], awayFromZero: true },
  { op: 'prelu', shapes: [[7]], awayFromZero: true },
  { op: 'prelu', params: { perChannel: true }, shapes: [[5]], awayFromZero: true, batch: 3 },
  { op: 'prelu', params: { perChannel: true }, shapes: [[2, 3, 2]], awayFromZero: true, batch: 2 },
  { op: 'silu', shapes: [[7]] },
  { op: 'silu', shapes: [[2, 2, 3]], scale: 4 },
  { op: 'hardswish', shapes: [[7]] },
  { op: 'hardswish', shapes: [[2, 2, 3]], scale: 4 },
  { op: 'relu6', shapes: [[7]], awayFromZero: true },
  { op: 'relu6', shapes: [[2, 2, 3]], awayFromZero: true, scale: 5 },
  { op: 'softplus', shapes: [[7]] },
  { op: 'softplus', shapes: [[2, 2, 3]], scale: 12 },
  { op: 'mish', shapes: [[7]] },
  { op: 'mish', shapes: [[2, 2, 3]], scale: 4 },
  { op: 'softmax', shapes: [[5]] },
  { op: 'identity', shapes: [[4]] },
  { op: 'dropout', params: { p: 0.3 }, shapes: [[6]], training: true }, // the mask repeats for the same step
  { op: 'dropout', params: { p: 0.3 }, shapes: [[6]], training: false },
  {
    op: 'add',
    shapes: [
      [2, 3, 3],
      [2, 3, 3],
    ],
  },
  {
    op: 'concat',
    shapes: [
      [2, 2, 3],
      [1, 2, 3],
    ],
  },
];

function fill(values: Float32Array, rng: Rng, awayFromZero: boolean, scale = 1): void {
  for (let i = 0; i < values.length; i++) {
    let v = rng.normal();
    // Distinct values with margins keep max pooling's winner and ReLU's side stable under +-STEP.
    if (awayFromZero) v = Math.sign(v || 1) * (0.1 + Math.abs(v));
    values[i] = scale * v + i * 1e-3;
  }
}

/** Distinct values 0.1 apart in random order, so no window's maximum changes under +-STEP. */
function spread(values: Float32Array, rng: Rng): void {
  const order = rng.shuffle(Array.from({ length: values.length }, (_, i) => i));
  order.forEach((rank, i) => {
    values[i] = (rank - values.length / 2) * 0.1;
  });
}

/** sum(output * weights) in double: the scalar whose gradient backward computes with grad_output = weights. */
function objective(layer: SingleOp, weights: Float32Array, training: boolean): number {
  layer.forward(training);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += layer.output.data[i] * weights[i];
  return total;
}

function checkAgainstDifferences(
  label: string,
  target: Float32Array,
  analytic: Float32Array,
  evaluate: () => number,
): void {
  for (let i = 0; i < target.length; i++) {
    const saved = target[i];
    target[i] = saved + STEP;
    const up = evaluate();
    target[i] = saved - STEP;
    const down = evaluate();
    target[i] = saved;
    const numeric = (up - down) / (2 * STEP);
    const allowed = ATOL + RTOL * Math.abs(numeric);
    expect(
      Math.abs(analytic[i] - numeric),
      `${label}[${i}]: analytic ${analytic[i]}, numeric ${numeric}`,
    ).toBeLessThanOrEqual(allowed);
  }
}

describe('finite-difference gradients of every layer', () => {
  it.each(CASES.map((c) => [`${c.op} ${JSON.stringify(c.params ?? {})} ${JSON.stringify(c.shapes)}`, c] as const))(
    '%s',
    (_label, c) => {
      const rng = new Rng(7);
      const batch = c.batch ?? 2;
      const layer = buildSingleOp(kernels, { id: 'l', op: c.op, params: c.params ?? {} }, c.shapes, batch);
      const training = c.training ?? true;
      for (const input of layer.inputs) {
        if (c.op === 'maxpool2d') spread(input.data, rng);
        else fill(input.data, rng, c.awayFromZero ?? false, c.scale);
      }
      for (const p of layer.params.values()) fill(p.value, rng, false);
      const weights = new Float32Array(batch * layer.output.size);
      fill(weights, rng, false);
      const snapshot = [...layer.states.values()].map((s) => s.value.slice());
      const restoreStates = () => [...layer.states.values()].forEach((s, i) => s.value.set(snapshot[i]));
      const evaluate = () => {
        restoreStates();
        return objective(layer, weights, training);
      };

      evaluate();
      layer.output.grad!.set(weights);
      layer.backward();
      const inputGrads = layer.inputs.map((t) => t.grad!.slice());
      const paramGrads = [...layer.params.values()].map((p) => p.grad.slice());

      layer.inputs.forEach((t, k) => checkAgainstDifferences(`${c.op} d input ${k}`, t.data, inputGrads[k], evaluate));
      [...layer.params.values()].forEach((p, k) =>
        checkAgainstDifferences(`${c.op} d ${p.field}`, p.value, paramGrads[k], evaluate),
      );
    },
  );
});

describe('finite-difference gradients of every loss', () => {
  const losses: { kind: LossKind; width: number }[] = [
    { kind: 'cross_entropy', width: 4 },
    { kind: 'bce_with_logits', width: 3 },
    { kind: 'mse', width: 2 },
  ];
  it.each(losses.map((l) => [l.kind, l] as const))('%s', (_kind, { kind, width }) => {
    const rng = new Rng(3);
    const batch = 3;
    const loss = createLoss(kind, kernels, [width]);
    const output = {
      shape: [width],
      size: width,
      data: new Float32Array(batch * width),
      grad: new Float32Array(batch * width),
    };
    fill(output.data, rng, false);
    const targets =
      loss.targets === 'class'
        ? Int32Array.from({ length: batch }, (_, i) => (i * 3) % width)
        : Float32Array.from({ length: batch * width }, (_, i) => (kind === 'bce_with_logits' ? i % 2 : rng.normal()));
    loss.compute(output, targets, batch);
    const analytic = output.grad.slice();
    const scratch = { ...output, grad: new Float32Array(batch * width) };
    checkAgainstDifferences(`${kind} d output`, output.data, analytic, () => loss.compute(scratch, targets, batch));
  });
});
