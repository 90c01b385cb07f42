// Reads an ONNX ModelProto back with the wire-format reader (independently of the writer's builder) and checks its
// structure: opsets declared, every node input defined before use, output names unique, graph outputs produced.

import {
  asBytes,
  asFloat,
  asInt,
  asString,
  fieldsOf,
  readFields,
  repeatedFloats,
  repeatedInts,
  type ProtoField,
} from './protobuf';

export interface DecodedAttribute {
  name: string;
  type: number;
  int?: number;
  float?: number;
  string?: string;
  ints?: number[];
  floats?: number[];
}

export interface DecodedNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, DecodedAttribute>;
}

export interface DecodedTensor {
  name: string;
  dims: number[];
  dataType: number;
  values: Float32Array;
}

export interface DecodedValueInfo {
  name: string;
  elemType: number;
  /** Numbers for fixed sizes, strings for symbolic ones ('batch'). */
  dims: (number | string)[];
}

export interface DecodedOnnx {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
  graph: {
    name: string;
    nodes: DecodedNode[];
    initializers: DecodedTensor[];
    inputs: DecodedValueInfo[];
    outputs: DecodedValueInfo[];
    valueInfo: DecodedValueInfo[];
  };
}

export interface OnnxStructureReport {
  ok: boolean;
  /** One sentence per problem, naming the node or value. */
  problems: string[];
  model: DecodedOnnx;
}

const str = (fields: ProtoField[], n: number): string => {
  const f = fieldsOf(fields, n);
  return f.length ? asString(f[f.length - 1]) : '';
};
const num = (fields: ProtoField[], n: number): number => {
  const f = fieldsOf(fields, n);
  return f.length ? asInt(f[f.length - 1]) : 0;
};
const messages = (fields: ProtoField[], n: number): ProtoField[][] =>
  fieldsOf(fields, n).map((f) => readFields(asBytes(f), `field ${n}`));

export function decodeOnnx(bytes: Uint8Array): DecodedOnnx {
  const model = readFields(bytes, 'ModelProto');
  const graphs = messages(model, 7);
  if (graphs.length !== 1) throw new Error(`an ONNX model holds exactly one graph, this one has ${graphs.length}`);
  const graph = graphs[0];
  const metadata: Record<string, string> = {};
  for (const entry of messages(model, 14)) metadata[str(entry, 1)] = str(entry, 2);
  return {
    irVersion: num(model, 1),
    producerName: str(model, 2),
    producerVersion: str(model, 3),
    docString: str(model, 6),
    opsets: messages(model, 8).map((o) => ({ domain: str(o, 1), version: num(o, 2) })),
    metadata,
    graph: {
      name: str(graph, 2),
      nodes: messages(graph, 1).map(decodeNode),
      initializers: messages(graph, 5).map(decodeTensor),
      inputs: messages(graph, 11).map(decodeValueInfo),
      outputs: messages(graph, 12).map(decodeValueInfo),
      valueInfo: messages(graph, 13).map(decodeValueInfo),
    },
  };
}

function decodeNode(fields: ProtoField[]): DecodedNode {
  const attributes: Record<string, DecodedAttribute> = {};
  for (const a of messages(fields, 5)) {
    const attribute: DecodedAttribute = { name: str(a, 1), type: num(a, 20) };
    if (fieldsOf(a, 2).length) attribute.float = asFloat(fieldsOf(a, 2)[0]);
    if (fieldsOf(a, 3).length) attribute.int = num(a, 3);
    if (fieldsOf(a, 4).length) attribute.string = str(a, 4);
    if (fieldsOf(a, 7).length) attribute.floats = Array.from(repeatedFloats(a, 7));
    if (fieldsOf(a, 8).length) attribute.ints = repeatedInts(a, 8);
    attributes[attribute.name] = attribute;
  }
  return {
    inputs: fieldsOf(fields, 1).map(asString),
    outputs: fieldsOf(fields, 2).map(asString),
    name: str(fields, 3),
    opType: str(fields, 4),
    domain: str(fields, 7),
    attributes,
  };
}

function decodeTensor(fields: ProtoField[]): DecodedTensor {
  const raw = fieldsOf(fields, 9);
  let values: Float32Array;
  if (raw.length) {
    const bytes = asBytes(raw[0]);
    values = new Float32Array(bytes.length / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(4 * i, true);
  } else {
    values = repeatedFloats(fields, 4);
  }
  return { dims: repeatedInts(fields, 1), dataType: num(fields, 2), name: str(fields, 8), values };
}

function decodeValueInfo(fields: ProtoField[]): DecodedValueInfo {
  const name = str(fields, 1);
  const type = messages(fields, 2)[0];
  const tensorType = type ? messages(type, 1)[0] : undefined;
  const shape = tensorType ? messages(tensorType, 2)[0] : undefined;
  const dims = (shape ? messages(shape, 1) : []).map((d) => (fieldsOf(d, 2).length ? str(d, 2) : num(d, 1)));
  return { name, elemType: tensorType ? num(tensorType, 1) : 0, dims };
}

/** The operators (default domain) this studio writes, with the opset each first appeared in. */
const KNOWN_OPS: Record<string, number> = {
  Gemm: 1,
  Conv: 1,
  MaxPool: 1,
  AveragePool: 1,
  GlobalAveragePool: 1,
  Flatten: 1,
  BatchNormalization: 1,
  Relu: 1,
  LeakyRelu: 1,
  Elu: 1,
  Sigmoid: 1,
  Tanh: 1,
  Softmax: 1,
  Erf: 9,
  Identity: 1,
  Add: 1,
  Sub: 1,
  Mul: 1,
  Div: 1,
  Concat: 1,
};

/** Decodes the model and lists every structural problem found (an empty list means the structure is sound). */
export function checkOnnxStructure(bytes: Uint8Array): OnnxStructureReport {
  const model = decodeOnnx(bytes);
  const problems: string[] = [];
  if (model.irVersion < 3) problems.push(`ir_version is ${model.irVersion}; opset imports need 3 or more`);
  const opsets = new Map<string, number>();
  for (const o of model.opsets) {
    if (opsets.has(o.domain)) problems.push(`the opset for domain '${o.domain}' is declared twice`);
    opsets.set(o.domain, o.version);
  }
  if (!opsets.has('')) problems.push('no opset is declared for the default ONNX domain');

  const defined = new Set<string>();
  const { graph } = model;
  for (const input of graph.inputs) {
    if (defined.has(input.name)) problems.push(`graph input '${input.name}' is declared twice`);
    defined.add(input.name);
  }
  for (const init of graph.initializers) {
    if (defined.has(init.name)) problems.push(`initializer '${init.name}' reuses a name already defined`);
    defined.add(init.name);
    const count = init.dims.reduce((a, b) => a * b, 1);
    if (init.dataType !== 1) problems.push(`initializer '${init.name}' has data type ${init.dataType}, not float32`);
    if (init.values.length !== count)
      problems.push(`initializer '${init.name}' has dims [${init.dims.join(', ')}] but ${init.values.length} values`);
  }
  const nodeNames = new Set<string>();
  graph.nodes.forEach((node, index) => {
    const label = `node ${index} '${node.name}' (${node.opType})`;
    if (node.name) {
      if (nodeNames.has(node.name)) problems.push(`${label} has the same name as an earlier node`);
      nodeNames.add(node.name);
    }
    if (!opsets.has(node.domain))
      problems.push(`${label} uses domain '${node.domain}', for which no opset is declared`);
    const since = KNOWN_OPS[node.opType];
    if (node.domain === '' && since === undefined) problems.push(`${label} is not an operator this checker knows`);
    else if (node.domain === '' && since > (opsets.get('') ?? 0))
      problems.push(`${label} needs opset ${since} or later`);
    for (const input of node.inputs) {
      // An empty name marks an optional input left out.
      if (input !== '' && !defined.has(input))
        problems.push(`${label} reads '${input}', which no graph input, initializer or earlier node defines`);
    }
    if (node.outputs.length === 0) problems.push(`${label} has no outputs`);
    for (const output of node.outputs) {
      if (defined.has(output)) problems.push(`${label} writes '${output}', a name already defined`);
      defined.add(output);
    }
  });
  const outputNames = new Set<string>();
  for (const output of graph.outputs) {
    if (outputNames.has(output.name)) problems.push(`graph output '${output.name}' is declared twice`);
    outputNames.add(output.name);
    if (!defined.has(output.name)) problems.push(`graph output '${output.name}' is never produced`);
  }
  for (const value of [...graph.inputs, ...graph.outputs]) {
    if (value.elemType !== 1) problems.push(`'${value.name}' is not declared as a float32 tensor`);
  }
  return { ok: problems.length === 0, problems, model };
}
