// What a run imported from a model file takes and gives, read from its graph (it has no dataset): the input shape,
// and whether its outputs are classes or numbers, named by output index ("0", "1", …) as nothing else names them.
import { analyze } from '../../../engine/core/spec/analyze';
import type { Run } from '../store/types';
import { ServiceError } from '../serviceError';

export interface ImportedGraph {
  /** One sample's input: [features] or [channels, height, width]. */
  input: number[];
  task: 'classification' | 'regression';
  /** Class names (classification; two for a single sigmoid output) or target names (regression), by output index. */
  outputNames: string[];
}

export function importedGraph(run: Pick<Run, 'name' | 'graph' | 'trainConfig'>): ImportedGraph {
  const analysis = analyze(run.graph);
  const input = analysis.inputId ? analysis.nodes[analysis.inputId].outputShape : null;
  const output = analysis.outputId ? analysis.nodes[analysis.outputId].outputShape : null;
  if (!input || !output) throw new ServiceError('run-graph-ends', { run: run.name });
  const size = output.reduce((a, b) => a * b, 1);
  const indices = (n: number) => Array.from({ length: n }, (_, k) => String(k));
  return run.trainConfig.loss === 'mse'
    ? { input: [...input], task: 'regression', outputNames: indices(size) }
    : { input: [...input], task: 'classification', outputNames: indices(size === 1 ? 2 : size) };
}
