// SGD, with momentum (heavy ball) or Nesterov momentum: momentum averages gradients over steps, which damps
// zig-zagging across a ravine and speeds travel along it.
import type { Kernels } from '../kernels';
import { restoreBuffers, type Arena, type Optimizer } from './types';

export class Sgd implements Optimizer {
  readonly kind = 'sgd';
  steps = 0;
  private readonly momentumBuffer: Float32Array | null;

  constructor(
    private readonly kernels: Kernels,
    private readonly arena: Arena,
    private readonly momentum: number,
    private readonly nesterov: boolean,
    private readonly weightDecay: number,
  ) {
    if (nesterov && momentum <= 0) throw new Error('Nesterov momentum needs a momentum above 0');
    this.momentumBuffer = momentum > 0 ? new Float32Array(arena.params.length) : null;
  }

  step(lr: number): void {
    this.kernels.sgdStep(
      this.arena.params,
      this.arena.grads,
      this.momentumBuffer,
      this.arena.params.length,
      lr,
      this.momentum,
      this.nesterov,
      this.weightDecay,
    );
    this.steps++;
  }

  state(): { steps: number; buffers: Record<string, Float32Array> } {
    const buffers: Record<string, Float32Array> = {};
    if (this.momentumBuffer) buffers.momentum = this.momentumBuffer;
    return { steps: this.steps, buffers };
  }

  restore(steps: number, buffers: Record<string, ArrayLike<number>>): void {
    restoreBuffers(this.kind, this.state().buffers, buffers);
    this.steps = steps;
  }
}
