// Adam: momentum (first moment) plus RMSProp-style scaling (second moment), both bias-corrected for the
// first steps. AdamW applies weight decay to the weights directly instead of through the gradient.
import type { Kernels } from '../kernels';
import { restoreBuffers, type Arena, type Optimizer } from './types';

export class Adam implements Optimizer {
  steps = 0;
  private readonly firstMoment: Float32Array;
  private readonly secondMoment: Float32Array;

  constructor(
    private readonly kernels: Kernels,
    private readonly arena: Arena,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly weightDecay: number,
    private readonly decoupled: boolean,
  ) {
    this.firstMoment = new Float32Array(arena.params.length);
    this.secondMoment = new Float32Array(arena.params.length);
  }

  get kind(): string {
    return this.decoupled ? 'adamw' : 'adam';
  }

  step(lr: number): void {
    this.steps++;
    this.kernels.adamStep(
      this.arena.params,
      this.arena.grads,
      this.firstMoment,
      this.secondMoment,
      this.arena.params.length,
      lr,
      this.beta1,
      this.beta2,
      this.eps,
      this.weightDecay,
      this.steps,
      this.decoupled,
    );
  }

  state() {
    return { steps: this.steps, buffers: { exp_avg: this.firstMoment, exp_avg_sq: this.secondMoment } };
  }

  restore(steps: number, buffers: Record<string, ArrayLike<number>>): void {
    restoreBuffers(this.kind, this.state().buffers, buffers);
    this.steps = steps;
  }
}
