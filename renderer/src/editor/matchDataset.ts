// "Match dataset": sizes the model to the chosen data — the Input's shape to one sample, the last Dense layer to
// the number of classes (classification) or targets (regression).
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import type { Analysis, ModelSpec } from '../../../engine/core/spec/types';
import { setParam } from './ops';

type DatasetShape = Pick<DatasetManifest, 'featureShape' | 'task' | 'classNames' | 'targetNames'>;

export type MatchOutcome =
  { type: 'no-input' } | { type: 'matched'; spec: ModelSpec; denseId: string | null; outputs: number };

/** How many numbers the model must output for this dataset. */
export function outputsOf(manifest: DatasetShape): number {
  switch (manifest.task) {
    case 'classification':
      return manifest.classNames?.length ?? 0;
    case 'regression':
      return manifest.targetNames?.length ?? 1;
    default:
      throw new Error(`unknown task ${JSON.stringify(manifest.task)}`);
  }
}

export function matchDataset(spec: ModelSpec, analysis: Analysis, manifest: DatasetShape): MatchOutcome {
  const input = spec.nodes.find((n) => n.op === 'input');
  if (!input) return { type: 'no-input' };
  let next = setParam(spec, input.id, 'shape', [...manifest.featureShape]);
  // The last Dense in data-flow order is the output layer; a graph not yet connected falls back to the list order.
  const isDense = (id: string) => spec.nodes.find((n) => n.id === id)?.op === 'dense';
  const denseId =
    [...analysis.order].reverse().find(isDense) ?? [...spec.nodes].reverse().find((n) => n.op === 'dense')?.id ?? null;
  const outputs = outputsOf(manifest);
  if (denseId && outputs > 0) next = setParam(next, denseId, 'units', outputs);
  return { type: 'matched', spec: next, denseId: outputs > 0 ? denseId : null, outputs };
}
