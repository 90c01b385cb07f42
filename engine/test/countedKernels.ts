// The kernels wrapped so that each call is counted by name: tests of which kernels a model runs (the fused plans).
import type { Kernels } from '../core/kernels';

export function counted(kernels: Kernels): { kernels: Kernels; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(kernels, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { kernels: wrapped, calls };
}
