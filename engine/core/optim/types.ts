// The optimizer interface: one fused update over the whole parameter arena per step.

export interface Optimizer {
  readonly kind: string;
  /** Steps taken so far (Adam's bias correction counts from 1). */
  readonly steps: number;
  /** Applies one update with the given learning rate; gradients are read from the gradient arena. */
  step(lr: number): void;
  /** Named state buffers (momentum, moving averages) for checkpoints; restore copies them back. */
  state(): { steps: number; buffers: Record<string, Float32Array> };
  restore(steps: number, buffers: Record<string, ArrayLike<number>>): void;
}

export interface Arena {
  params: Float32Array;
  grads: Float32Array;
}

/** Shared restore: copies saved buffers into place, refusing any whose length differs. */
export function restoreBuffers(
  kind: string,
  own: Record<string, Float32Array>,
  saved: Record<string, ArrayLike<number>>,
): void {
  for (const [name, buffer] of Object.entries(own)) {
    const from = saved[name];
    if (!from) throw new Error(`${kind} state '${name}' is missing from the checkpoint`);
    if (from.length !== buffer.length)
      throw new Error(`${kind} state '${name}' holds ${from.length} values, the model needs ${buffer.length}`);
    buffer.set(from);
  }
}
