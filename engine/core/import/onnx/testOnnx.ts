// Test support: small ONNX models written field by field (float and int64 initializers, raw_data or typed fields,
// any attribute), so each converter, pattern and error can be tested on exactly the graph it is about.

import { ProtoWriter } from '../../export/protobuf';

export type TestAttribute =
  | number // int
  | { float: number }
  | number[] // ints
  | string
  | { tensor: TestTensor };

export interface TestTensor {
  dims: number[];
  floats?: number[];
  ints?: number[];
  /** Store the values as raw_data (little-endian) instead of float_data / int64_data. */
  raw?: boolean;
  /** Mark the tensor's data as kept in an external file (data_location EXTERNAL). */
  external?: boolean;
}

export interface TestNode {
  op: string;
  inputs: string[];
  outputs?: string[];
  name?: string;
  domain?: string;
  attributes?: Record<string, TestAttribute>;
}

export interface TestModel {
  input?: { name?: string; dims: (number | string)[]; elemType?: number };
  /** More graph inputs (besides `input`), e.g. to test a second input. */
  extraInputs?: { name: string; dims: (number | string)[] }[];
  nodes: TestNode[];
  initializers?: Record<string, TestTensor>;
  /** Graph outputs; defaults to the last node's first output. */
  outputs?: string[];
  opset?: number;
}

/** The model's bytes; node outputs default to the node's position ('n0', 'n1' ...). */
export function onnxModel(model: TestModel): Uint8Array {
  const w = new ProtoWriter();
  w.varint(1, 8);
  w.string(2, 'test');
  const nodes = model.nodes.map((n, i) => ({ ...n, outputs: n.outputs ?? [`n${i}`] }));
  const outputs = model.outputs ?? [nodes[nodes.length - 1].outputs[0]];
  w.message(7, (graph) => {
    nodes.forEach((node, i) =>
      graph.message(1, (n) => {
        for (const input of node.inputs) n.string(1, input);
        for (const output of node.outputs) n.string(2, output);
        n.string(3, node.name ?? `node${i}`);
        n.string(4, node.op);
        if (node.domain) n.string(7, node.domain);
        for (const [name, value] of Object.entries(node.attributes ?? {}))
          n.message(5, (a) => attribute(a, name, value));
      }),
    );
    graph.string(2, 'test-graph');
    for (const [name, tensor] of Object.entries(model.initializers ?? {}))
      graph.message(5, (t) => writeTensor(t, name, tensor));
    const input = model.input ?? { dims: ['batch', 4] };
    valueInfo(graph, 11, input.name ?? 'input', input.dims, input.elemType ?? 1);
    for (const extra of model.extraInputs ?? []) valueInfo(graph, 11, extra.name, extra.dims, 1);
    for (const output of outputs) valueInfo(graph, 12, output, ['batch'], 1);
  });
  w.message(8, (o) => o.string(1, '').varint(2, model.opset ?? 17));
  return w.finish();
}

function attribute(a: ProtoWriter, name: string, value: TestAttribute): void {
  a.string(1, name);
  if (typeof value === 'number') a.varint(20, 2).varint(3, value);
  else if (typeof value === 'string') a.varint(20, 3).string(4, value);
  else if (Array.isArray(value)) {
    a.varint(20, 7);
    for (const v of value) a.varint(8, v);
  } else if ('float' in value) a.varint(20, 1).float(2, value.float);
  else a.varint(20, 4).message(5, (t) => writeTensor(t, '', value.tensor));
}

function writeTensor(t: ProtoWriter, name: string, tensor: TestTensor): void {
  for (const d of tensor.dims) t.varint(1, d);
  if (tensor.ints) {
    t.varint(2, 7);
    if (tensor.raw) {
      const bytes = new Uint8Array(8 * tensor.ints.length);
      const view = new DataView(bytes.buffer);
      tensor.ints.forEach((v, i) => view.setBigInt64(8 * i, BigInt(v), true));
      t.bytes(9, bytes);
    } else t.packedVarints(7, tensor.ints);
  } else {
    t.varint(2, 1);
    const floats = Float32Array.from(tensor.floats ?? []);
    if (tensor.raw) t.bytes(9, new Uint8Array(floats.buffer));
    else t.packedFloats(4, floats);
  }
  if (name) t.string(8, name);
  if (tensor.external) t.varint(14, 1);
}

function valueInfo(graph: ProtoWriter, field: number, name: string, dims: (number | string)[], elemType: number): void {
  graph.message(field, (v) => {
    v.string(1, name);
    v.message(2, (type) =>
      type.message(1, (tensor) => {
        tensor.varint(1, elemType);
        tensor.message(2, (shape) => {
          for (const d of dims)
            shape.message(1, (dim) => (typeof d === 'string' ? dim.string(2, d) : dim.varint(1, d)));
        });
      }),
    );
  });
}

/** Values 0.1, 0.2, ... (or `scale` times them), enough for a tensor of `dims`. */
export function ramp(dims: number[], scale = 0.1, offset = 0): TestTensor {
  const count = dims.reduce((a, b) => a * b, 1);
  return { dims, floats: Array.from({ length: count }, (_, i) => Math.fround(offset + scale * (i + 1))) };
}
