// Builds one op on its own, exactly as the compiled model does, so a fixture can drive forward and backward
// with given inputs, parameters, state and upstream gradient.
import type { Kernels } from '../core/kernels';
import { OPS, type BuildContext, type ParamTensor, type StateTensor, type Tensor } from '../core/ops';
import { analyze, problemText, resolveParams } from '../core/spec';
import type { OpKind, Shape, SpecNode } from '../core/spec/types';

export interface SingleOp {
  inputs: Tensor[];
  output: Tensor;
  params: Map<string, ParamTensor>;
  states: Map<string, StateTensor>;
  forward(training: boolean): void;
  backward(): void;
}

function tensor(shape: Shape, batch: number, withGrad: boolean): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, size, data: new Float32Array(batch * size), grad: withGrad ? new Float32Array(batch * size) : null };
}

/** Output shape from the spec's own shape inference (merges: a two-input graph is not expressible, so by rule). */
function outputShape(node: SpecNode, inputShapes: Shape[]): Shape {
  if (node.op === 'add') return inputShapes[0];
  if (node.op === 'concat') return [inputShapes[0][0] + inputShapes[1][0], ...inputShapes[0].slice(1)];
  const analysis = analyze({
    version: 1,
    nodes: [{ id: 'in', op: 'input', params: { shape: [...inputShapes[0]] } }, node],
    edges: [{ from: 'in', to: node.id }],
  });
  if (!analysis.ok) throw new Error(analysis.problems.map(problemText).join('; '));
  return analysis.nodes[node.id].outputShape!;
}

export function buildSingleOp(kernels: Kernels, node: SpecNode, inputShapes: Shape[], batch: number): SingleOp {
  const inputs = inputShapes.map((s) => tensor(s, batch, true));
  const output = tensor(outputShape(node, inputShapes), batch, true);
  const params = new Map<string, ParamTensor>();
  const states = new Map<string, StateTensor>();
  let weightsVersion = 0;
  const ctx: BuildContext = {
    node,
    params: resolveParams(node).params,
    inputs,
    output,
    inputGrads: inputs.map(() => ({ needed: true, accumulate: false })),
    maxBatch: batch,
    kernels,
    successorOp: null,
    frozen: false,
    seed: 1,
    nodeIndex: 1,
    // Fixtures write parameters straight into their tensors between passes: every pass counts as after a change.
    weightsVersion: () => ++weightsVersion,
    param(field, shape, init, regularized) {
      const size = shape.reduce((a, b) => a * b, 1);
      const p: ParamTensor = {
        name: `${node.id}.${field}`,
        nodeId: node.id,
        field,
        shape,
        size,
        init,
        regularized,
        frozen: false,
        value: new Float32Array(size),
        grad: new Float32Array(size),
      };
      params.set(field, p);
      return p;
    },
    state(field, shape, fill) {
      const s: StateTensor = {
        name: `${node.id}.${field}`,
        shape,
        value: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(fill),
      };
      states.set(field, s);
      return s;
    },
  };
  const runtime = OPS[node.op as Exclude<OpKind, 'input'>](ctx);
  return {
    inputs,
    output,
    params,
    states,
    forward: (training) => runtime.forward(batch, training, 0),
    backward: () => runtime.backward(batch),
  };
}
