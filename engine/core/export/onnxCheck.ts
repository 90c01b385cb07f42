// Reads an ONNX ModelProto back with the import's decoder (independently of the writer's builder) and checks its
// structure: opsets declared, every node input defined before use, output names unique, graph outputs produced.

import {
  decodeModel,
  normalDomain,
  type OnnxAttributeValue,
  type OnnxNodeProto,
  type OnnxTensor,
  type OnnxValueInfo,
} from '../import/onnx/proto';

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

/** AttributeProto.AttributeType numbers, as the checker's callers compare them. */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, other: 0 } as const;

function attributeOf(name: string, a: OnnxAttributeValue): DecodedAttribute {
  const attribute: DecodedAttribute = { name, type: ATTRIBUTE_TYPE[a.type] };
  if (a.type === 'float') attribute.float = a.value;
  if (a.type === 'int') attribute.int = a.value;
  if (a.type === 'string') attribute.string = a.value;
  if (a.type === 'floats') attribute.floats = a.value;
  if (a.type === 'ints') attribute.ints = a.value;
  return attribute;
}

function nodeOf(node: OnnxNodeProto): DecodedNode {
  const attributes: Record<string, DecodedAttribute> = {};
  for (const [name, a] of node.attributes) attributes[name] = attributeOf(name, a);
  const { name, opType, domain, inputs, outputs } = node;
  return { inputs, outputs, name, opType, domain, attributes };
}

function tensorOf(t: OnnxTensor): DecodedTensor {
  return { dims: t.dims, dataType: t.dataType, name: t.name, values: t.floats ?? Float32Array.from(t.ints ?? []) };
}

function valueInfoOf(v: OnnxValueInfo): DecodedValueInfo {
  return { name: v.name, elemType: v.elemType ?? 0, dims: (v.dims ?? []).map((d) => d ?? 0) };
}

/** The model as plain records, read by the import's decoder (one ONNX reader in the code base). */
export function decodeOnnx(bytes: Uint8Array): DecodedOnnx {
  const model = decodeModel(bytes, 'ONNX model');
  return {
    irVersion: model.irVersion,
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    docString: model.docString,
    opsets: model.opsetImports.map((o) => ({ domain: normalDomain(o.domain), version: o.version })),
    metadata: Object.fromEntries(model.metadata),
    graph: {
      name: model.graphName,
      nodes: model.nodes.map(nodeOf),
      initializers: model.initializerList.map(tensorOf),
      inputs: model.inputs.map(valueInfoOf),
      outputs: model.outputs.map(valueInfoOf),
      valueInfo: model.valueInfo.map(valueInfoOf),
    },
  };
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
  // GroupNorm as PyTorch writes it: Reshape (shape as an input from opset 5), InstanceNormalization, Shape.
  InstanceNormalization: 6,
  Reshape: 5,
  Shape: 1,
  // LayerNormalization is an operator from opset 17 (the export's opset).
  LayerNormalization: 17,
  Relu: 1,
  LeakyRelu: 1,
  // PRelu broadcasts its slope from the right from opset 9 (per-channel slopes as [C, 1, 1]).
  PRelu: 9,
  Elu: 1,
  HardSwish: 14,
  // Clip takes its bounds as inputs from opset 11 (attributes before): ReLU6 writes them as inputs.
  Clip: 11,
  Sigmoid: 1,
  Tanh: 1,
  Softplus: 1,
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
    // float32 weights, or int64 target shapes (Reshape's).
    if (init.dataType !== 1 && init.dataType !== 7)
      problems.push(`initializer '${init.name}' has data type ${init.dataType}, neither float32 nor int64`);
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
