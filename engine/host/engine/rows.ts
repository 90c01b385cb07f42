// Model outputs for many input rows at once: raw rows standardized as in training, then run in eval mode batch by
// batch (no bigger than the session's largest batch).
import { standardize } from '../../core/train/data';
import type { TrainingSession } from '../../core/train/session';

export type Normalization = { axis: 'feature' | 'channel'; mean: number[]; std: number[] } | null;

/** A standardized copy of `count` raw rows; `what` names the request in the error for a wrong length. */
export function standardizedRows(
  session: TrainingSession,
  inputs: Float32Array,
  count: number,
  normalization: Normalization,
  what: string,
): Float32Array {
  const inSize = session.model.input.size;
  if (inputs.length !== count * inSize)
    throw new Error(`${what}: ${inputs.length} values for ${count} rows of ${inSize} features`);
  const x = inputs.slice();
  if (normalization) standardize(x, [...session.model.inputShape], normalization);
  return x;
}

/** count x outputSize outputs of already standardized rows, `batchSize` rows per forward pass. */
export function predictRows(session: TrainingSession, x: Float32Array, count: number, batchSize: number): Float32Array {
  const inSize = session.model.input.size;
  const outSize = session.model.output.size;
  const outputs = new Float32Array(count * outSize);
  for (let start = 0; start < count; start += batchSize) {
    const batch = Math.min(batchSize, count - start);
    const y = session.predict(x.subarray(start * inSize, (start + batch) * inSize), batch);
    outputs.set(y.subarray(0, batch * outSize), start * outSize);
  }
  return outputs;
}
