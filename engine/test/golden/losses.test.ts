// Parity: every loss in losses.json (value and gradient), through the engine's loss modules and the L1 kernel.
import { describe, it } from 'vitest';
import { createLoss } from '../../core/losses';
import type { LossKind } from '../../core/train/config';
import { loadKernels } from '../../native';
import { expectClose, f32, i32, loadCases, TOL, type GoldenTensor } from './fixtures';

interface LossCase {
  name: string;
  loss: LossKind | 'l1_penalty';
  attrs: Record<string, number | string>;
  inputs?: Record<string, GoldenTensor>;
  params?: Record<string, GoldenTensor>;
  expected: { loss: number; grad_inputs?: Record<string, GoldenTensor>; grad_params?: Record<string, GoldenTensor> };
}

const kernels = loadKernels();

describe('losses.json parity', () => {
  it.each(loadCases<LossCase>('losses.json').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.loss === 'l1_penalty') {
      const lambda = Number(c.attrs.lambda);
      let total = 0;
      for (const [name, w] of Object.entries(c.params!)) {
        const values = f32(w);
        const grad = new Float32Array(values.length);
        kernels.l1Grad(values, grad, values.length, lambda);
        total += lambda * kernels.sumOfAbs(values, values.length);
        expectClose(grad, f32(c.expected.grad_params![name]), TOL.single, `${c.name} grad ${name}`);
      }
      expectClose(total, c.expected.loss, TOL.single, `${c.name} loss`);
      return;
    }
    const [predName, targetName] = Object.keys(c.inputs!); // input/logits first, then target/labels/targets
    const pred = c.inputs![predName];
    const batch = pred.shape[0];
    const width = pred.shape.length > 1 ? pred.shape.slice(1).reduce((a, b) => a * b, 1) : 1;
    const loss = createLoss(c.loss, kernels, [width]);
    const output = { shape: [width], size: width, data: f32(pred), grad: new Float32Array(batch * width) };
    const targets = loss.targets === 'class' ? i32(c.inputs![targetName]) : f32(c.inputs![targetName]);
    const value = loss.compute(output, targets, batch);
    expectClose(value, c.expected.loss, TOL.single, `${c.name} loss`);
    expectClose(output.grad, f32(c.expected.grad_inputs![predName]), TOL.single, `${c.name} grad`);
  });
});
