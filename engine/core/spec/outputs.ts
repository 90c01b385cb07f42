// Sizes a graph's output for another dataset: the last layer with a `units` setting (a dense layer, possibly
// followed by parameter-free layers such as softmax) gets the new number of outputs. Used when a trained graph is
// fine-tuned on data with a different class count; its old last layer's weights no longer fit and are re-initialized.
import { analyze } from './analyze';
import type { ModelSpec } from './types';

/**
 * The output layer: the last layer with a `units` setting, reached from the graph's output back through single-input
 * layers without parameters (softmax, activations, dropout); null when there is none. Its units are the data's.
 */
export function outputLayerId(spec: ModelSpec): string | null {
  const analysis = analyze(spec);
  let id = analysis.outputId;
  while (id) {
    const node = spec.nodes.find((n) => n.id === id)!;
    if (node.params && typeof node.params.units === 'number') return id;
    const info = analysis.nodes[id];
    if (info.inputs.length !== 1 || info.params > 0) return null;
    id = info.inputs[0];
  }
  return null;
}

/** The spec with its output layer's units set to `outputs`, or the spec as it is when no such layer is found. */
export function withOutputs(spec: ModelSpec, outputs: number): ModelSpec {
  const id = outputLayerId(spec);
  const node = spec.nodes.find((n) => n.id === id);
  if (!node || node.params?.units === outputs) return spec;
  return {
    ...spec,
    nodes: spec.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, units: outputs } } : n)),
  };
}
