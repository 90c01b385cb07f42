// "Match dataset": sizes the model to the chosen data — the Input's shape to one sample, the last Dense layer to
// the number of classes (classification) or targets (regression) — by hand, or on its own after an import when
// that is unambiguous.
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { analyze } from '../../../engine/core/spec/analyze';
import type { Analysis, ModelSpec } from '../../../engine/core/spec/types';
import type { LossKind } from '../../../engine/core/train/config';
import { checkDataFit, type DataFitProblem } from '../../../engine/core/train/dataFit';
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

export type FitOutcome =
  | { type: 'fits' }
  /** Sized to the data without doubt: the matched graph analyses clean (a graph without a Dense output yet keeps its
   * output misfit, which Start then names). */
  | { type: 'matched'; spec: ModelSpec; outputs: number }
  /** It does not fit and matching cannot settle it alone (no Input, or the matched graph has problems): say why. */
  | { type: 'misfit'; problem: DataFitProblem };

/**
 * After new data is chosen: whether the graph already fits it (engine/core/train/dataFit.ts), can be matched to it
 * unambiguously, or must be left for the user with the reason (Start disabled, the fix one click away).
 */
export function fitToDataset(spec: ModelSpec, manifest: DatasetShape, loss: LossKind): FitOutcome {
  const analysis = analyze(spec, { loss });
  const problem = checkDataFit(analysis, manifest, loss);
  if (!problem) return { type: 'fits' };
  const outcome = matchDataset(spec, analysis, manifest);
  if (outcome.type === 'matched') {
    const after = analyze(outcome.spec, { loss });
    if (after.ok && checkDataFit(after, manifest, loss)?.code !== 'input-mismatch')
      return { type: 'matched', spec: outcome.spec, outputs: outcome.outputs };
  }
  return { type: 'misfit', problem };
}
