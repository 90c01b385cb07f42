// AdaGrad: divides each step by the root of the sum of all past squared gradients, so frequently large
// gradients get small steps. The sum only grows, so the effective learning rate keeps shrinking.
import type { Kernels } from '../kernels';
import { restoreBuffers, type Arena, type Optimizer } from './types';

export class Adagrad implements Optimizer {
  readonly kind = 'adagrad';
  steps = 0;
  private readonly sumOfSquares: Float32Array;

  constructor(
    private readonly kernels: Kernels,
    private readonly arena: Arena,
    private readonly eps: number,
    private readonly weightDecay: number,
  ) {
    this.sumOfSquares = new Float32Array(arena.params.length);
  }

  step(lr: number): void {
    this.kernels.adagradStep(
      this.arena.params,
      this.arena.grads,
      this.sumOfSquares,
      this.arena.params.length,
      lr,
      this.eps,
      this.weightDecay,
    );
    this.steps++;
  }

  state() {
    return { steps: this.steps, buffers: { sum: this.sumOfSquares } };
  }

  restore(steps: number, buffers: Record<string, ArrayLike<number>>): void {
    restoreBuffers(this.kind, this.state().buffers, buffers);
    this.steps = steps;
  }
}
