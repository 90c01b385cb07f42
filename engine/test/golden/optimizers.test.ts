// Parity: every optimizer case in optimizers.json, five steps with the given gradients, through the engine's
// optimizer classes over one parameter arena (as in training).
import { describe, it } from 'vitest';
import { createOptimizer } from '../../core/optim';
import { loadKernels } from '../../native';
import { expectClose, f32, loadCases, TOL, type GoldenTensor } from './fixtures';
import { optimizerConfig } from './golden-attrs';

interface OptimizerCase {
  name: string;
  optimizer: 'sgd' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw';
  hyper: Record<string, any>;
  params: Record<string, GoldenTensor>;
  grads: Record<string, GoldenTensor>[];
  expected: Record<string, GoldenTensor>[];
}

const kernels = loadKernels();

describe('optimizers.json parity', () => {
  it.each(loadCases<OptimizerCase>('optimizers.json').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const names = Object.keys(c.params);
    const sizes = names.map((n) => c.params[n].data.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    const arena = { params: new Float32Array(total), grads: new Float32Array(total) };
    const views = new Map<string, { value: Float32Array; grad: Float32Array }>();
    let at = 0;
    names.forEach((n, i) => {
      views.set(n, { value: arena.params.subarray(at, at + sizes[i]), grad: arena.grads.subarray(at, at + sizes[i]) });
      views.get(n)!.value.set(f32(c.params[n]));
      at += sizes[i];
    });
    const optimizer = createOptimizer(optimizerConfig(c.optimizer, c.hyper), kernels, arena);
    c.grads.forEach((gradSet, step) => {
      for (const n of names) views.get(n)!.grad.set(f32(gradSet[n]));
      optimizer.step(c.hyper.lr);
      for (const n of names)
        expectClose(views.get(n)!.value, f32(c.expected[step][n]), TOL.multiStep, `${c.name} step ${step + 1} ${n}`);
    });
  });
});
