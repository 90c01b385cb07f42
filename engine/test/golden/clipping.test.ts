// Parity: gradient clipping by global norm and by value (clipping.json), over one gradient arena.
import { describe, it } from 'vitest';
import { clipGradients } from '../../core/train/clipping';
import { loadKernels } from '../../native';
import { expectClose, f32, loadCases, TOL, type GoldenTensor } from './fixtures';

interface ClippingCase {
  name: string;
  method: 'norm' | 'value';
  max_norm?: number;
  clip_value?: number;
  grads_before: Record<string, GoldenTensor>;
  expected: { total_norm?: number; grads_after: Record<string, GoldenTensor> };
}

const kernels = loadKernels();

describe('clipping.json parity', () => {
  it.each(loadCases<ClippingCase>('clipping.json').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const names = Object.keys(c.grads_before);
    const total = names.reduce((s, n) => s + c.grads_before[n].data.length, 0);
    const grads = new Float32Array(total);
    const offsets = new Map<string, number>();
    let at = 0;
    for (const n of names) {
      offsets.set(n, at);
      grads.set(f32(c.grads_before[n]), at);
      at += c.grads_before[n].data.length;
    }
    const norm = clipGradients(kernels, grads, c.method === 'norm' ? { maxNorm: c.max_norm } : { value: c.clip_value });
    if (c.expected.total_norm !== undefined)
      expectClose(norm!, c.expected.total_norm, TOL.single, `${c.name} total norm`);
    for (const n of names) {
      const start = offsets.get(n)!;
      expectClose(
        grads.subarray(start, start + c.grads_before[n].data.length),
        f32(c.expected.grads_after[n]),
        TOL.single,
        `${c.name} ${n}`,
      );
    }
  });
});
