// RMSProp: like AdaGrad but with a moving average of squared gradients, so the step size adapts without
// shrinking forever; optional momentum on the scaled step.
import type { Kernels } from '../kernels';
import { restoreBuffers, type Arena, type Optimizer } from './types';

export class RmsProp implements Optimizer {
  readonly kind = 'rmsprop';
  steps = 0;
  private readonly squareAverage: Float32Array;
  private readonly momentumBuffer: Float32Array | null;

  constructor(
    private readonly kernels: Kernels,
    private readonly arena: Arena,
    private readonly alpha: number,
    private readonly eps: number,
    private readonly momentum: number,
    private readonly weightDecay: number,
  ) {
    this.squareAverage = new Float32Array(arena.params.length);
    this.momentumBuffer = momentum > 0 ? new Float32Array(arena.params.length) : null;
  }

  step(lr: number): void {
    this.kernels.rmspropStep(
      this.arena.params,
      this.arena.grads,
      this.squareAverage,
      this.momentumBuffer,
      this.arena.params.length,
      lr,
      this.alpha,
      this.eps,
      this.momentum,
      this.weightDecay,
    );
    this.steps++;
  }

  state() {
    const buffers: Record<string, Float32Array> = { square_avg: this.squareAverage };
    if (this.momentumBuffer) buffers.momentum = this.momentumBuffer;
    return { steps: this.steps, buffers };
  }

  restore(steps: number, buffers: Record<string, ArrayLike<number>>): void {
    restoreBuffers(this.kind, this.state().buffers, buffers);
    this.steps = steps;
  }
}
