// Starting weights for a new run: another run's checkpoint (its best, else its last) or a safetensors weights file,
// matched onto the run's graph (engine/core/io/weightsMatch.ts) before the run is created, so a refusal creates
// nothing and the table of what was loaded is known up front.
import { readFileSync } from 'node:fs';
import { checkedModel } from '../../../engine/core/export/modelTensors';
import { decodeSafetensors } from '../../../engine/core/io/safetensors';
import { matchWeights, WeightsError, type InitialWeights, type MatchMode } from '../../../engine/core/io/weightsMatch';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { Store } from '../store';
import { ServiceError } from '../serviceError';

/** The checkpoint a run's weights are taken from: its best epoch's, else its last. */
export function runWeightsFile(store: Store, runId: string): string {
  const checkpoint =
    store.checkpoints.latestCheckpoint(runId, 'best') ?? store.checkpoints.latestCheckpoint(runId, 'last');
  if (!checkpoint) {
    const run = store.runs.getRun(runId);
    throw new WeightsError(
      'no-checkpoint',
      { run: run.name },
      `run '${run.name}' has no checkpoint to start from: train it for at least one epoch first`,
    );
  }
  return checkpoint.path;
}

/** Matches a safetensors file's tensors onto the spec's ('strict' refuses misfit shapes, 'fit' re-initializes them). */
export function planWeights(spec: ModelSpec, file: string, mode: MatchMode, fromRun: string | null): InitialWeights {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new ServiceError('weights-unreadable', { file, reason: (error as Error).message }, { cause: error });
  }
  const { tensors } = decodeSafetensors(bytes, file);
  const source = [...tensors].map(([name, t]) => ({ name, shape: t.shape, dtype: t.dtype }));
  const plan = matchWeights(checkedModel(spec, 'safetensors').expected, source, mode);
  return { file, fromRun, plan };
}
