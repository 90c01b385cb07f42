// ONNX model -> Netwright graph: decode the file, run the pattern passes, convert node by node through the registry
// (tracking each value's shape as Netwright holds it), and name every weight as checkpoints do (`<node id>.weight`).
// Nodes no converter takes stay in the graph as 'onnx:<OpType>' with the reason, so the canvas can mark them.

import { LAYER_DEFINITIONS, type ComputedKind } from '../../layers';
import { analyze } from '../../spec/analyze';
import { ONNX_OP_PREFIX, resolveParams } from '../../spec/params';
import type { OnnxProblemReason } from '../../spec/problemReasons';
import { SPEC_VERSION, type ModelSpec, type Shape, type SpecEdge, type SpecNode } from '../../spec/types';
import type { Conversion, ConvertContext, ImportedTensor } from './convertTypes';
import { OnnxImportError } from './errors';
import { OnnxGraph, type OnnxNode } from './graph';
import { layoutSpec } from './layout';
import { extractOutputScaling, extractStandardization, runPasses, type Standardization } from './passes';
import { decodeModel, DATA_TYPE, type OnnxModelProto, type OnnxValueInfo } from './proto';
import { findConverter } from './registry';
import { ShapeValues } from './shapeValues';
import type { RewriteCode } from './rewrites';

export interface UnsupportedNode {
  nodeId: string;
  /** The ONNX operator ('Selu'). */
  opType: string;
  reason: OnnxProblemReason;
  args: Record<string, string | number>;
}

export interface OnnxImportReport {
  file: string;
  /** 'pytorch 1.13.0', as the file says. */
  producer: string;
  opset: number;
  /** Nodes in the file, and layers in the graph (the input included). */
  onnxNodes: number;
  layers: number;
  parameters: number;
  inputShape: number[];
  unsupported: UnsupportedNode[];
  /** What the passes did, with counts (rewrites.ts; worded by the studio and the command line). */
  rewrites: { code: RewriteCode; count: number }[];
  /** Graph outputs after the first, which the graph does not keep. */
  ignoredOutputs: string[];
}

export interface OnnxImport {
  spec: ModelSpec;
  /** The weights by checkpoint name (`fc1.weight`, `bn1.running_var`). */
  tensors: Map<string, ImportedTensor>;
  /** The input standardization the file did first (Netwright's own exports fold it in), or null. */
  normalization: Standardization | null;
  /**
   * The regression targets' standardization a Netwright export undid last (output * std + mean), or null: the spec
   * then predicts standardized targets, as the run that was exported did.
   */
  targetNormalization: { mean: number[]; std: number[] } | null;
  report: OnnxImportReport;
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Operators whose output has their (first) input's shape, so shapes stay known after one Netwright cannot run. */
const SAME_SHAPE = new Set([
  'Abs',
  'Ceil',
  'Clip',
  'Cos',
  'Exp',
  'Floor',
  'HardSigmoid',
  'HardSwish',
  'Log',
  'Mish',
  'Neg',
  'PRelu',
  'Reciprocal',
  'Round',
  'Selu',
  'Sin',
  'Softplus',
  'Softsign',
  'Sqrt',
  'ThresholdedRelu',
  'LRN',
  'Celu',
]);

export function importOnnx(bytes: Uint8Array, file: string, options: { name?: string } = {}): OnnxImport {
  const model = decodeModel(bytes, file);
  const input = graphInput(model, file);
  const outputs = model.outputs.map((o) => o.name);
  if (outputs.length === 0) throw new OnnxImportError('no-output', { file });

  const g = new OnnxGraph(model);
  runPasses(g, outputs);
  const inputShape = input.dims.slice(1) as number[];
  const normalization = extractStandardization(g, input.name, inputShape, outputs);
  const targetNormalization = extractOutputScaling(g, outputs, model.metadata);
  g.removeUnused(outputs[0]);
  const shapes = new ShapeValues(g);

  const builder = new SpecBuilder();
  const values = new Map<string, { id: string; shape: Shape | null }>();
  builder.nodes.push({ id: 'input', op: 'input', params: { shape: inputShape } });
  builder.ids.add('input');
  values.set(input.name, { id: 'input', shape: inputShape });
  const unsupportedNodes: UnsupportedNode[] = [];

  for (const node of g.nodes) {
    if (shapes.isShapeNode(node.outputs)) {
      g.count('shape-folded');
      continue;
    }
    const ctx: ConvertContext = {
      node,
      opset: g.opset,
      isData: (i) => !!node.inputs[i] && values.has(node.inputs[i]),
      shape: (i) => values.get(node.inputs[i])?.shape ?? null,
      constant: (i) => g.constantInput(node, i),
      shapeElements: (i) => shapes.elements(node.inputs[i]),
      batchIsOne: input.dims[0] === 1,
    };
    const found = findConverter(node.domain, node.opType, node.domain === '' ? g.opset : 1);
    const conversion: Conversion =
      'convert' in found
        ? found.convert(ctx)
        : {
            kind: 'unsupported',
            reason: 'onnx-unsupported-op',
            args: { op: node.opType, domain: node.domain || 'ai.onnx', opset: g.opset },
          };
    switch (conversion.kind) {
      case 'alias':
        values.set(node.outputs[0], values.get(node.inputs[conversion.input])!);
        break;
      case 'layer': {
        const sources = conversion.inputs.map((i) => values.get(node.inputs[i])!);
        const id = builder.claimId(idHint(conversion.weightName, node), conversion.op);
        builder.nodes.push({ id, op: conversion.op, params: conversion.params });
        builder.connect(
          sources.map((s) => s.id),
          id,
          sources.length > 1,
        );
        for (const [field, tensor] of Object.entries(conversion.tensors ?? {}))
          builder.tensors.set(`${id}.${field}`, tensor);
        values.set(node.outputs[0], {
          id,
          shape: layerShape(
            id,
            conversion,
            sources.map((s) => s.shape),
          ),
        });
        break;
      }
      case 'unsupported': {
        const id = builder.claimId(idHint(undefined, node), `onnx_${node.opType.toLowerCase()}`);
        const sources = node.inputs.filter((v) => v && values.has(v)).map((v) => values.get(v)!);
        builder.nodes.push({
          id,
          op: `${ONNX_OP_PREFIX}${node.opType}`,
          params: { reason: conversion.reason, ...conversion.args },
        });
        builder.connect(
          sources.map((s) => s.id),
          id,
          false,
        );
        unsupportedNodes.push({ nodeId: id, opType: node.opType, reason: conversion.reason, args: conversion.args });
        const shape = conversion.shape ?? (SAME_SHAPE.has(node.opType) ? (sources[0]?.shape ?? null) : null);
        node.outputs.forEach((o, i) => values.set(o, { id, shape: i === 0 ? shape : null }));
        break;
      }
      default:
        throw new Error(`unknown conversion ${(conversion as { kind: string }).kind}`);
    }
  }

  const result = values.get(outputs[0]);
  if (!result || result.id === 'input') throw new OnnxImportError('output-not-computed', { file, output: outputs[0] });
  const spec: ModelSpec = {
    version: SPEC_VERSION,
    name: options.name ?? graphNameOf(model, file),
    description: `Imported from ${file.replace(/^.*[\\/]/, '')} (${producerOf(model)}, opset ${g.opset}).`,
    nodes: builder.nodes,
    edges: builder.edges,
  };
  layoutSpec(spec);
  const analysis = analyze(spec);
  return {
    spec,
    tensors: builder.tensors,
    normalization,
    targetNormalization,
    report: {
      file,
      producer: producerOf(model),
      opset: g.opset,
      onnxNodes: model.nodes.length,
      layers: spec.nodes.length,
      parameters: analysis.totalParams,
      inputShape,
      unsupported: unsupportedNodes,
      rewrites: [...g.rewrites].map(([code, count]) => ({ code, count })),
      ignoredOutputs: outputs.slice(1),
    },
  };
}

/** Exporters' default graph names say nothing about the model: the file's name says more. */
const DEFAULT_GRAPH_NAMES = new Set(['', 'torch_jit', 'torch-jit-export', 'main_graph', 'graph', 'model']);

function graphNameOf(model: OnnxModelProto, file: string): string {
  if (!DEFAULT_GRAPH_NAMES.has(model.graphName)) return model.graphName;
  return file.replace(/^.*[\\/]/, '').replace(/\.onnx$/i, '');
}

function producerOf(model: OnnxModelProto): string {
  return [model.producerName, model.producerVersion].filter(Boolean).join(' ') || 'unknown producer';
}

/** The one graph input that is not an initializer, checked: float32, [batch, F] or [batch, C, H, W]. */
function graphInput(model: OnnxModelProto, file: string): OnnxValueInfo & { dims: (number | string | null)[] } {
  // Before IR version 4 initializers were also listed as inputs.
  const inputs = model.inputs.filter((i) => !model.initializers.has(i.name));
  if (inputs.length === 0) throw new OnnxImportError('no-input', { file });
  if (inputs.length > 1)
    throw new OnnxImportError('several-inputs', {
      file,
      count: inputs.length,
      names: inputs.map((i) => `'${i.name}'`).join(', '),
    });
  const [input] = inputs;
  const shapeText = `[${(input.dims ?? []).map((d) => d ?? '?').join(', ')}]`;
  if (input.elemType !== null && input.elemType !== DATA_TYPE.float)
    throw new OnnxImportError('input-type', { file, input: input.name, type: input.elemType });
  if (!input.dims || (input.dims.length !== 2 && input.dims.length !== 4))
    throw new OnnxImportError('input-rank', { file, input: input.name, shape: input.dims ? shapeText : 'unknown' });
  if (input.dims.slice(1).some((d) => typeof d !== 'number' || d <= 0))
    throw new OnnxImportError('input-dims', { file, input: input.name, shape: shapeText });
  return { ...input, dims: input.dims };
}

/**
 * The prefix of a `<name>.weight` initializer; else the node's own name when it is a valid id; else the module of
 * a PyTorch name ('/features/features.0/Conv' -> features.0) or the part before '/' of a name like 'pool/pooled'
 * (Netwright's export names a layer's extra nodes that way).
 */
function idHint(weightName: string | undefined, node: OnnxNode): string | null {
  const prefix = weightName?.match(/^(.+)\.weight$/)?.[1];
  if (prefix) return prefix;
  if (ID_PATTERN.test(node.name)) return node.name;
  if (node.name.startsWith('/')) return node.name.split('/').slice(1, -1).at(-1) ?? null;
  return node.name.match(/^([A-Za-z0-9_-]+)\//)?.[1] ?? null;
}

/** The layer's output shape by its own shape rule, or null when an input's shape is unknown or the rule refuses. */
function layerShape(
  id: string,
  conversion: Extract<Conversion, { kind: 'layer' }>,
  inputs: (Shape | null)[],
): Shape | null {
  if (inputs.some((s) => s === null)) return null;
  const node: SpecNode = { id, op: conversion.op, params: conversion.params };
  const resolved = resolveParams(node);
  if (resolved.problems.length) return null;
  const outcome = LAYER_DEFINITIONS[conversion.op as ComputedKind].shape({
    node,
    params: resolved.params,
    inputs: inputs as Shape[],
    inputIds: inputs.map(() => ''),
  });
  return outcome.ok ? outcome.shape : null;
}

/** Collects nodes, edges and tensors, and gives out unique ids. */
class SpecBuilder {
  readonly nodes: SpecNode[] = [];
  readonly edges: SpecEdge[] = [];
  readonly tensors = new Map<string, ImportedTensor>();
  readonly ids = new Set<string>();

  /** A valid unused id from the hint ('layer1.0.conv1' -> 'layer1_0_conv1'; '0' -> 'dense0'), else prefix + number. */
  claimId(hint: string | null, kind: string): string {
    const prefix =
      (kind in LAYER_DEFINITIONS ? LAYER_DEFINITIONS[kind as ComputedKind].catalogue.idPrefix : undefined) ?? kind;
    let base = (hint ?? '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
    if (/^\d+$/.test(base)) base = `${prefix}${base}`;
    if (base) {
      let id = base;
      for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
      this.ids.add(id);
      return id;
    }
    let n = 1;
    while (this.ids.has(`${prefix}${n}`)) n++;
    this.ids.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  }

  connect(from: string[], to: string, ported: boolean): void {
    from.forEach((source, port) => this.edges.push(ported ? { from: source, to, toPort: port } : { from: source, to }));
  }
}
