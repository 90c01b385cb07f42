// Decodes an ONNX ModelProto (onnx/onnx.proto field numbers) into plain objects: the graph's nodes, float32 and
// int64 initializers, inputs and outputs with their dimensions, and the opsets it imports. Nothing is executed.

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
} from '../../export/protobuf';
import { GRAPH_FIELD, MODEL_FIELD } from '../../export/onnxGraph';
import { OnnxImportError } from './errors';

/** A constant tensor: float32 values (FLOAT) or integers (INT64, INT32, INT8, UINT8, BOOL), row-major. */
export interface OnnxTensor {
  name: string;
  dims: number[];
  /** TensorProto.DataType: 1 FLOAT, 7 INT64, 6 INT32, ... */
  dataType: number;
  floats: Float32Array | null;
  ints: number[] | null;
}

export type OnnxAttributeValue =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: OnnxTensor }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: number[] }
  | { type: 'other'; value: null };

export interface OnnxNodeProto {
  name: string;
  opType: string;
  /** '' is the default ONNX domain ('ai.onnx' is the same domain spelled out). */
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttributeValue>;
}

/** A graph input or output: name and dims (a string for a symbolic dimension, null when absent). */
export interface OnnxValueInfo {
  name: string;
  elemType: number | null;
  dims: (number | string | null)[] | null;
}

export interface OnnxModelProto {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  /** Opset version per domain ('' for the default domain). */
  opsets: Map<string, number>;
  /** Every opset_import as the file declares it, in order (a domain declared twice appears twice). */
  opsetImports: { domain: string; version: number }[];
  graphName: string;
  nodes: OnnxNodeProto[];
  initializers: Map<string, OnnxTensor>;
  /** Every initializer in file order, a name stored twice included (the map keeps the last). */
  initializerList: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** The graph's value_info: shapes of intermediate values, when the writer gives them. */
  valueInfo: OnnxValueInfo[];
  metadata: Map<string, string>;
}

const MODEL = MODEL_FIELD;
const GRAPH = GRAPH_FIELD;
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 };
const ATTRIBUTE = { name: 1, f: 2, i: 3, s: 4, t: 5, floats: 7, ints: 8, type: 20 };
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 };
const TENSOR = {
  dims: 1,
  dataType: 2,
  floatData: 4,
  int32Data: 5,
  int64Data: 7,
  name: 8,
  rawData: 9,
  doubleData: 10,
  dataLocation: 14,
};
export const DATA_TYPE = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7, bool: 9, double: 11 } as const;
const OPSET = { domain: 1, version: 2 };
const ENTRY = { key: 1, value: 2 };
const VALUE_INFO = { name: 1, type: 2 };
const TYPE_TENSOR = 1;
const TENSOR_TYPE = { elemType: 1, shape: 2 };
const DIMENSION = { value: 1, param: 2 };

const first = (fields: readonly ProtoField[], field: number): ProtoField | undefined =>
  fields.find((f) => f.field === field);
const stringOf = (fields: readonly ProtoField[], field: number): string => {
  const f = first(fields, field);
  return f ? asString(f) : '';
};
const intOf = (fields: readonly ProtoField[], field: number, fallback: number): number => {
  const f = first(fields, field);
  return f ? asInt(f) : fallback;
};

/** Decodes the file's bytes; `file` names it in errors. Throws OnnxImportError('not-onnx') for anything else. */
export function decodeModel(bytes: Uint8Array, file: string): OnnxModelProto {
  let fields: ProtoField[];
  try {
    fields = readFields(bytes, 'ONNX model');
  } catch (error) {
    throw new OnnxImportError('not-onnx', { file, detail: (error as Error).message });
  }
  const graphField = first(fields, MODEL.graph);
  const irVersion = intOf(fields, MODEL.irVersion, 0);
  if (!graphField || graphField.wire !== 2 || irVersion <= 0)
    throw new OnnxImportError('not-onnx', { file, detail: 'it has no ir_version and graph' });
  try {
    const opsetImports = fieldsOf(fields, MODEL.opsetImport).map((f) => {
      const entry = readFields(asBytes(f), 'opset_import');
      return { domain: stringOf(entry, OPSET.domain), version: intOf(entry, OPSET.version, 0) };
    });
    const opsets = new Map(opsetImports.map((o) => [normalDomain(o.domain), o.version]));
    const metadata = new Map<string, string>();
    for (const f of fieldsOf(fields, MODEL.metadataProps)) {
      const entry = readFields(asBytes(f), 'metadata_props');
      metadata.set(stringOf(entry, ENTRY.key), stringOf(entry, ENTRY.value));
    }
    const graph = readFields(asBytes(graphField), 'graph');
    const initializerList = fieldsOf(graph, GRAPH.initializer).map((f) => decodeTensor(asBytes(f), file));
    const initializers = new Map(initializerList.map((t) => [t.name, t]));
    return {
      irVersion,
      producerName: stringOf(fields, MODEL.producerName),
      producerVersion: stringOf(fields, MODEL.producerVersion),
      docString: stringOf(fields, MODEL.docString),
      opsets,
      opsetImports,
      graphName: stringOf(graph, GRAPH.name),
      nodes: fieldsOf(graph, GRAPH.node).map((f) => decodeNode(asBytes(f), file)),
      initializers,
      initializerList,
      inputs: fieldsOf(graph, GRAPH.input).map((f) => decodeValueInfo(asBytes(f))),
      outputs: fieldsOf(graph, GRAPH.output).map((f) => decodeValueInfo(asBytes(f))),
      valueInfo: fieldsOf(graph, GRAPH.valueInfo).map((f) => decodeValueInfo(asBytes(f))),
      metadata,
    };
  } catch (error) {
    if (error instanceof OnnxImportError) throw error;
    throw new OnnxImportError('not-onnx', { file, detail: (error as Error).message });
  }
}

/** 'ai.onnx' and '' are the same (default) domain. */
export function normalDomain(domain: string): string {
  return domain === 'ai.onnx' ? '' : domain;
}

function decodeNode(bytes: Uint8Array, file: string): OnnxNodeProto {
  const fields = readFields(bytes, 'node');
  const attributes = new Map<string, OnnxAttributeValue>();
  for (const f of fieldsOf(fields, NODE.attribute)) {
    const a = readFields(asBytes(f), 'attribute');
    attributes.set(stringOf(a, ATTRIBUTE.name), decodeAttribute(a, file));
  }
  return {
    name: stringOf(fields, NODE.name),
    opType: stringOf(fields, NODE.opType),
    domain: normalDomain(stringOf(fields, NODE.domain)),
    inputs: fieldsOf(fields, NODE.input).map(asString),
    outputs: fieldsOf(fields, NODE.output).map(asString),
    attributes,
  };
}

function decodeAttribute(a: ProtoField[], file: string): OnnxAttributeValue {
  // Old writers leave `type` out; the field that is present says what the value is.
  const type = intOf(a, ATTRIBUTE.type, 0);
  const has = (field: number) => first(a, field) !== undefined;
  if (type === ATTRIBUTE_TYPE.float || (type === 0 && has(ATTRIBUTE.f)))
    return { type: 'float', value: asFloat(first(a, ATTRIBUTE.f)!) };
  if (type === ATTRIBUTE_TYPE.int || (type === 0 && has(ATTRIBUTE.i)))
    return { type: 'int', value: intOf(a, ATTRIBUTE.i, 0) };
  if (type === ATTRIBUTE_TYPE.string || (type === 0 && has(ATTRIBUTE.s)))
    return { type: 'string', value: stringOf(a, ATTRIBUTE.s) };
  if (type === ATTRIBUTE_TYPE.tensor || (type === 0 && has(ATTRIBUTE.t)))
    return { type: 'tensor', value: decodeTensor(asBytes(first(a, ATTRIBUTE.t)!), file) };
  if (type === ATTRIBUTE_TYPE.floats) return { type: 'floats', value: Array.from(repeatedFloats(a, ATTRIBUTE.floats)) };
  if (type === ATTRIBUTE_TYPE.ints || (type === 0 && has(ATTRIBUTE.ints)))
    return { type: 'ints', value: repeatedInts(a, ATTRIBUTE.ints) };
  return { type: 'other', value: null };
}

/** A TensorProto: FLOAT from float_data or raw_data; integer types from int64_data/int32_data or raw_data. */
export function decodeTensor(bytes: Uint8Array, file: string): OnnxTensor {
  const fields = readFields(bytes, 'tensor');
  const name = stringOf(fields, TENSOR.name);
  const dims = repeatedInts(fields, TENSOR.dims);
  const dataType = intOf(fields, TENSOR.dataType, 0);
  if (intOf(fields, TENSOR.dataLocation, 0) === 1) throw new OnnxImportError('external-data', { file, tensor: name });
  const count = dims.reduce((a, b) => a * b, 1);
  const rawField = first(fields, TENSOR.rawData);
  const raw = rawField ? asBytes(rawField) : null;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : null;
  const checkLength = (have: number) => {
    if (have !== count)
      throw new OnnxImportError('tensor-size', { file, tensor: name, dims: `[${dims.join(', ')}]`, count: have });
  };
  switch (dataType) {
    case DATA_TYPE.float: {
      let floats: Float32Array;
      if (view) {
        if (view.byteLength % 4 !== 0) checkLength(view.byteLength / 4);
        floats = new Float32Array(view.byteLength / 4);
        for (let i = 0; i < floats.length; i++) floats[i] = view.getFloat32(4 * i, true);
      } else {
        floats = repeatedFloats(fields, TENSOR.floatData);
      }
      checkLength(floats.length);
      return { name, dims, dataType, floats, ints: null };
    }
    case DATA_TYPE.double: {
      const values: number[] = [];
      if (view) for (let i = 0; i + 8 <= view.byteLength; i += 8) values.push(view.getFloat64(i, true));
      else
        for (const f of fieldsOf(fields, TENSOR.doubleData)) {
          const packed = asBytes(f);
          const doubles = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
          for (let i = 0; i + 8 <= packed.length; i += 8) values.push(doubles.getFloat64(i, true));
        }
      checkLength(values.length);
      return { name, dims, dataType, floats: Float32Array.from(values), ints: null };
    }
    case DATA_TYPE.int64: {
      const ints: number[] = [];
      if (view) for (let i = 0; i + 8 <= view.byteLength; i += 8) ints.push(Number(view.getBigInt64(i, true)));
      else ints.push(...repeatedInts(fields, TENSOR.int64Data));
      checkLength(ints.length);
      return { name, dims, dataType, floats: null, ints };
    }
    case DATA_TYPE.int32:
    case DATA_TYPE.int8:
    case DATA_TYPE.uint8:
    case DATA_TYPE.bool: {
      const ints: number[] = [];
      if (view) {
        const size = dataType === DATA_TYPE.int32 ? 4 : 1;
        for (let i = 0; i + size <= view.byteLength; i += size)
          ints.push(
            size === 4 ? view.getInt32(i, true) : dataType === DATA_TYPE.int8 ? view.getInt8(i) : view.getUint8(i),
          );
      } else ints.push(...repeatedInts(fields, TENSOR.int32Data));
      checkLength(ints.length);
      return { name, dims, dataType, floats: null, ints };
    }
    default:
      // Other element types (float16, strings ...) are kept without values; a converter that needs them says so.
      return { name, dims, dataType, floats: null, ints: null };
  }
}

function decodeValueInfo(bytes: Uint8Array): OnnxValueInfo {
  const fields = readFields(bytes, 'value_info');
  const name = stringOf(fields, VALUE_INFO.name);
  const typeField = first(fields, VALUE_INFO.type);
  if (!typeField) return { name, elemType: null, dims: null };
  const tensorField = first(readFields(asBytes(typeField), 'type'), TYPE_TENSOR);
  if (!tensorField) return { name, elemType: null, dims: null };
  const tensor = readFields(asBytes(tensorField), 'tensor type');
  const shapeField = first(tensor, TENSOR_TYPE.shape);
  const dims = shapeField
    ? fieldsOf(readFields(asBytes(shapeField), 'shape'), 1).map((d) => {
        const dim = readFields(asBytes(d), 'dimension');
        const value = first(dim, DIMENSION.value);
        if (value) return asInt(value);
        const param = first(dim, DIMENSION.param);
        return param ? asString(param) : null;
      })
    : null;
  return { name, elemType: intOf(tensor, TENSOR_TYPE.elemType, 0) || null, dims };
}
