// Collects an ONNX graph (nodes, float initializers, typed inputs/outputs) and encodes it as a ModelProto.
// Field numbers follow onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ...).

import { ProtoWriter } from './protobuf';

/** An attribute value; the kind picks AttributeProto's type and value field. */
export type OnnxAttribute =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: readonly number[] }
  | { kind: 'floats'; value: readonly number[] }
  | { kind: 'string'; value: string };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, OnnxAttribute>;
}

/** A float32 initializer, or an int64 one (a shape for Reshape) when `int64s` is given. */
export interface OnnxInitializer {
  name: string;
  dims: number[];
  values: Float32Array;
  int64s?: readonly number[];
}

/** A float32 tensor's name and shape; a string dimension is symbolic (the batch). */
export interface OnnxValueInfo {
  name: string;
  dims: (number | string)[];
  docString?: string;
}

export interface OnnxModelInfo {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  graphName: string;
  docString?: string;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  metadata: Record<string, string>;
}

/** Field numbers of the onnx.proto ModelProto and GraphProto, for this writer and the import's reader. */
export const MODEL_FIELD = {
  irVersion: 1,
  producerName: 2,
  producerVersion: 3,
  docString: 6,
  graph: 7,
  opsetImport: 8,
  metadataProps: 14,
} as const;
export const GRAPH_FIELD = {
  node: 1,
  name: 2,
  initializer: 5,
  docString: 10,
  input: 11,
  output: 12,
  valueInfo: 13,
} as const;
const MODEL = MODEL_FIELD;
const GRAPH = GRAPH_FIELD;
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, f: 2, i: 3, s: 4, floats: 7, ints: 8, type: 20 } as const;
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;
const TENSOR = { dims: 1, dataType: 2, floatData: 4, int64Data: 7, name: 8 } as const;
const FLOAT_TYPE = 1; // TensorProto.DataType.FLOAT
const INT64_TYPE = 7; // TensorProto.DataType.INT64
const VALUE_INFO = { name: 1, type: 2, docString: 3 } as const;
const TYPE_TENSOR = 1; // TypeProto.tensor_type
const TENSOR_TYPE = { elemType: 1, shape: 2 } as const;
const SHAPE_DIM = 1; // TensorShapeProto.dim
const DIMENSION = { value: 1, param: 2 } as const;
const OPSET = { domain: 1, version: 2 } as const;
const ENTRY = { key: 1, value: 2 } as const;

export class OnnxGraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxInitializer[] = [];
  readonly valueInfo: OnnxValueInfo[] = [];
  private readonly constants = new Map<string, string>();

  node(
    opType: string,
    name: string,
    inputs: string[],
    outputs: string[],
    attributes: Record<string, OnnxAttribute> = {},
  ): void {
    this.nodes.push({ opType, name, inputs, outputs, attributes });
  }

  initializer(name: string, dims: number[], values: Float32Array): string {
    this.initializers.push({ name, dims, values });
    return name;
  }

  /** An int64 initializer (a target shape for Reshape). */
  int64Initializer(name: string, dims: number[], values: readonly number[]): string {
    this.initializers.push({ name, dims, values: new Float32Array(0), int64s: values });
    return name;
  }

  /** A shared scalar constant (one initializer per distinct value and name). */
  scalar(name: string, value: number): string {
    const key = `${name}=${value}`;
    const existing = this.constants.get(key);
    if (existing) return existing;
    this.initializer(name, [], Float32Array.of(value));
    this.constants.set(key, name);
    return name;
  }

  encode(info: OnnxModelInfo): Uint8Array {
    const model = new ProtoWriter();
    model.varint(MODEL.irVersion, info.irVersion);
    model.string(MODEL.producerName, info.producerName);
    model.string(MODEL.producerVersion, info.producerVersion);
    if (info.docString) model.string(MODEL.docString, info.docString);
    model.message(MODEL.graph, (graph) => {
      for (const node of this.nodes) graph.message(GRAPH.node, (w) => writeNode(w, node));
      graph.string(GRAPH.name, info.graphName);
      for (const init of this.initializers) graph.message(GRAPH.initializer, (w) => writeTensor(w, init));
      if (info.docString) graph.string(GRAPH.docString, info.docString);
      for (const input of info.inputs) graph.message(GRAPH.input, (w) => writeValueInfo(w, input));
      for (const output of info.outputs) graph.message(GRAPH.output, (w) => writeValueInfo(w, output));
      for (const value of this.valueInfo) graph.message(GRAPH.valueInfo, (w) => writeValueInfo(w, value));
    });
    model.message(MODEL.opsetImport, (w) => w.string(OPSET.domain, '').varint(OPSET.version, info.opsetVersion));
    for (const [key, value] of Object.entries(info.metadata)) {
      model.message(MODEL.metadataProps, (w) => w.string(ENTRY.key, key).string(ENTRY.value, value));
    }
    return model.finish();
  }
}

function writeNode(w: ProtoWriter, node: OnnxNode): void {
  for (const input of node.inputs) w.string(NODE.input, input);
  for (const output of node.outputs) w.string(NODE.output, output);
  w.string(NODE.name, node.name);
  w.string(NODE.opType, node.opType);
  for (const [name, attribute] of Object.entries(node.attributes))
    w.message(NODE.attribute, (a) => writeAttribute(a, name, attribute));
}

function writeAttribute(w: ProtoWriter, name: string, attribute: OnnxAttribute): void {
  w.string(ATTRIBUTE.name, name);
  switch (attribute.kind) {
    case 'int':
      w.varint(ATTRIBUTE.type, ATTRIBUTE_TYPE.int).varint(ATTRIBUTE.i, attribute.value);
      return;
    case 'float':
      w.varint(ATTRIBUTE.type, ATTRIBUTE_TYPE.float).float(ATTRIBUTE.f, attribute.value);
      return;
    case 'ints':
      // `repeated int64 ints` is not declared packed in onnx.proto (proto2), so each value is its own field.
      w.varint(ATTRIBUTE.type, ATTRIBUTE_TYPE.ints);
      for (const v of attribute.value) w.varint(ATTRIBUTE.ints, v);
      return;
    case 'floats':
      w.varint(ATTRIBUTE.type, ATTRIBUTE_TYPE.floats);
      for (const v of attribute.value) w.float(ATTRIBUTE.floats, v);
      return;
    case 'string':
      w.varint(ATTRIBUTE.type, ATTRIBUTE_TYPE.string).string(ATTRIBUTE.s, attribute.value);
      return;
    default:
      throw new Error(`unknown ONNX attribute kind ${(attribute as { kind: string }).kind}`);
  }
}

function writeTensor(w: ProtoWriter, tensor: OnnxInitializer): void {
  for (const d of tensor.dims) w.varint(TENSOR.dims, d);
  if (tensor.int64s) {
    // int64_data is declared [packed = true] as well.
    w.varint(TENSOR.dataType, INT64_TYPE).packedVarints(TENSOR.int64Data, tensor.int64s);
  } else {
    w.varint(TENSOR.dataType, FLOAT_TYPE);
    // float_data is declared [packed = true].
    w.packedFloats(TENSOR.floatData, tensor.values);
  }
  w.string(TENSOR.name, tensor.name);
}

function writeValueInfo(w: ProtoWriter, value: OnnxValueInfo): void {
  w.string(VALUE_INFO.name, value.name);
  w.message(VALUE_INFO.type, (type) =>
    type.message(TYPE_TENSOR, (tensor) => {
      tensor.varint(TENSOR_TYPE.elemType, FLOAT_TYPE);
      tensor.message(TENSOR_TYPE.shape, (shape) => {
        for (const d of value.dims) {
          shape.message(SHAPE_DIM, (dim) =>
            typeof d === 'string' ? dim.string(DIMENSION.param, d) : dim.varint(DIMENSION.value, d),
          );
        }
      });
    }),
  );
  if (value.docString) w.string(VALUE_INFO.docString, value.docString);
}
