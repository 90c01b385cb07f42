// Parity: every layer in layers.json and in the bundled layers-<kind>.json files, forward and backward (and batch-norm
// running statistics), built from the case.
import { describe, it } from 'vitest';
import type { ParamValue } from '../../core/spec/types';
import { loadKernels } from '../../native';
import { toSpecNode } from './golden-attrs';
import { expectClose, f32, loadBundledLayerCases, loadCases, TOL, type GoldenTensor } from './fixtures';
import { buildSingleOp } from '../opHarness';

interface LayerCase {
  name: string;
  op: string;
  attrs: Record<string, unknown>;
  /** The Netwright node the case checks (per-kind files give it, so no translation of `op` and `attrs` is needed). */
  node?: { op: string; params: Record<string, ParamValue> };
  mode?: 'train' | 'eval';
  inputs: Record<string, GoldenTensor>;
  params: Record<string, GoldenTensor>;
  state?: Record<string, GoldenTensor>;
  grad_output: GoldenTensor;
  expected: {
    output: GoldenTensor;
    grad_inputs: Record<string, GoldenTensor>;
    grad_params?: Record<string, GoldenTensor>;
    state?: Record<string, GoldenTensor>;
  };
}

const kernels = loadKernels();
const cases = [...loadCases<LayerCase>('layers.json'), ...loadBundledLayerCases<LayerCase>()];

describe('layers.json parity', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { op, params } = c.node ?? toSpecNode(c.op, c.attrs);
    const inputNames = Object.keys(c.inputs); // x, or a then b
    const inputShapes = inputNames.map((k) => c.inputs[k].shape.slice(1));
    const batch = c.inputs[inputNames[0]].shape[0];
    const layer = buildSingleOp(kernels, { id: 'layer', op, params }, inputShapes, batch);

    inputNames.forEach((k, i) => layer.inputs[i].data.set(f32(c.inputs[k])));
    for (const [field, value] of Object.entries(c.params)) {
      const p = layer.params.get(field);
      if (!p) throw new Error(`${c.name}: the op has no parameter '${field}'`);
      p.value.set(f32(value));
    }
    for (const [field, value] of Object.entries(c.state ?? {})) layer.states.get(field)!.value.set(f32(value));
    if (layer.params.size !== Object.keys(c.params).length)
      throw new Error(`${c.name}: the op declares parameters [${[...layer.params.keys()]}]`);

    layer.forward(c.mode !== 'eval');
    expectClose(layer.output.data, f32(c.expected.output), TOL.single, `${c.name} output`);
    layer.output.grad!.set(f32(c.grad_output));
    layer.backward();
    inputNames.forEach((k, i) =>
      expectClose(layer.inputs[i].grad!, f32(c.expected.grad_inputs[k]), TOL.single, `${c.name} grad ${k}`),
    );
    for (const [field, value] of Object.entries(c.expected.grad_params ?? {})) {
      expectClose(layer.params.get(field)!.grad, f32(value), TOL.single, `${c.name} grad ${field}`);
    }
    for (const [field, value] of Object.entries(c.expected.state ?? {})) {
      expectClose(layer.states.get(field)!.value, f32(value), TOL.single, `${c.name} ${field}`);
    }
  });
});
