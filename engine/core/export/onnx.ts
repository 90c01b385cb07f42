// Translates a trained model (spec + named tensors) into one ONNX file: opset 17, ir_version 8, float32, input
// `input` [batch, ...shape] and output `output` (logits), optionally `probabilities`, with a symbolic batch size.

import { LAYERS } from '../spec/catalogue';
import { nodeName } from '../spec/names';
import { windowGeometry, type WindowOp } from '../spec/params';
import type { ModelSpec, OpKind, ParamValue, Shape, SpecNode } from '../spec/types';
import { checkNormalization, checkTensors, checkedModel, divisorOf, type ExportNormalization, type TensorMap } from './modelTensors';
import { OnnxGraphBuilder, type OnnxAttribute } from './onnxGraph';
import { preprocessingMetadata, preprocessingSteps, type InputSource } from './preprocessing';

export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;
const FORMAT = 'ONNX';

export interface OnnxExportInput {
  spec: ModelSpec;
  /** Trained tensors by name (`fc1.weight`, `bn1.running_var`, ...), as CompiledModel.namedTensors() or a checkpoint gives them. */
  tensors: TensorMap;
  /** The dataset's standardization statistics (training split). */
  normalization?: ExportNormalization | null;
  /**
   * 'fold' (default): the graph starts with (input - mean) / std, so it takes raw values.
   * 'metadata': the graph takes standardized values; the statistics are stored in metadata_props with a note.
   */
  normalizationMode?: 'fold' | 'metadata';
  classNames?: readonly string[];
  /** Also output `probabilities`: softmax over the logits (sigmoid for a single output unit). Default false. */
  appendSoftmax?: boolean;
  /** 'regression' refuses appendSoftmax: a probability of a predicted number means nothing. */
  task?: 'classification' | 'regression';
  /** What the raw input is (image size and colour, or the table's features): stored as metadata 'preprocessing'. */
  input?: InputSource;
  graphName?: string;
  producerVersion: string;
}

/** Everything an op translation needs about one node. */
interface EmitContext {
  g: OnnxGraphBuilder;
  node: SpecNode;
  params: Record<string, ParamValue>;
  /** Value names of the inputs, in slot order. */
  inputs: string[];
  inputShapes: Shape[];
  /** The value name this node should produce. */
  out: string;
  /** The initializer holding the node's tensor `field` (added on first use). */
  tensor(field: string): string;
}

/** Emits the ONNX nodes for one spec node; returns the value name holding its output (`out`, or an input it aliases). */
type Emitter = (ctx: EmitContext) => string;

const ints = (value: readonly number[]): OnnxAttribute => ({ kind: 'ints', value });
const int = (value: number): OnnxAttribute => ({ kind: 'int', value });
const float = (value: number): OnnxAttribute => ({ kind: 'float', value });

function single(opType: string, attributes: (ctx: EmitContext) => Record<string, OnnxAttribute> = () => ({})): Emitter {
  return (ctx) => {
    ctx.g.node(opType, ctx.node.id, ctx.inputs, [ctx.out], attributes(ctx));
    return ctx.out;
  };
}

function windowAttributes(op: WindowOp, ctx: EmitContext): Record<string, OnnxAttribute> {
  const w = windowGeometry(op, ctx.params, ctx.inputShapes[0]);
  // ONNX pads are [top, left, bottom, right]; the engine pads symmetrically.
  return { kernel_shape: ints([w.kh, w.kw]), strides: ints([w.sh, w.sw]), pads: ints([w.ph, w.pw, w.ph, w.pw]) };
}

/** y = 0.5 x (1 + erf(x / sqrt 2)), or the tanh form 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). Opset 17 has no Gelu op. */
const gelu: Emitter = ({ g, node, inputs: [x], out, params }) => {
  const part = (suffix: string) => `${node.id}/${suffix}`;
  const one = g.scalar('gelu/one', 1);
  const half = g.scalar('gelu/half', 0.5);
  let inner: string;
  if (params.approximate === 'tanh') {
    g.node('Mul', part('square'), [x, x], [part('square')]);
    g.node('Mul', part('cube'), [part('square'), x], [part('cube')]);
    g.node('Mul', part('cube_scaled'), [part('cube'), g.scalar('gelu/cubic', 0.044715)], [part('cube_scaled')]);
    g.node('Add', part('sum'), [x, part('cube_scaled')], [part('sum')]);
    g.node('Mul', part('tanh_input'), [part('sum'), g.scalar('gelu/sqrt_2_over_pi', Math.sqrt(2 / Math.PI))], [part('tanh_input')]);
    g.node('Tanh', part('tanh'), [part('tanh_input')], [part('tanh')]);
    inner = part('tanh');
  } else {
    g.node('Div', part('scaled'), [x, g.scalar('gelu/sqrt_2', Math.SQRT2)], [part('scaled')]);
    g.node('Erf', part('erf'), [part('scaled')], [part('erf')]);
    inner = part('erf');
  }
  g.node('Add', part('one_plus'), [inner, one], [part('one_plus')]);
  g.node('Mul', part('times_x'), [x, part('one_plus')], [part('times_x')]);
  g.node('Mul', node.id, [part('times_x'), half], [out]);
  return out;
};

const batchNorm: Emitter = (ctx) => {
  const inputs = [ctx.inputs[0], ctx.tensor('weight'), ctx.tensor('bias'), ctx.tensor('running_mean'), ctx.tensor('running_var')];
  // Inference form: running statistics. ONNX's momentum attribute only matters in training and is left out.
  ctx.g.node('BatchNormalization', ctx.node.id, inputs, [ctx.out], { epsilon: float(ctx.params.eps as number) });
  return ctx.out;
};

/** One translation per op kind; a Record so the compiler checks that none is missing. */
const EMITTERS: Record<Exclude<OpKind, 'input'>, Emitter> = {
  dense: (ctx) => {
    const inputs = [ctx.inputs[0], ctx.tensor('weight')];
    if (ctx.params.bias !== false) inputs.push(ctx.tensor('bias'));
    // y = x W^T + b with W [out, in]: Gemm with transB.
    ctx.g.node('Gemm', ctx.node.id, inputs, [ctx.out], { transB: int(1) });
    return ctx.out;
  },
  conv2d: (ctx) => {
    const inputs = [ctx.inputs[0], ctx.tensor('weight')];
    if (ctx.params.bias !== false) inputs.push(ctx.tensor('bias'));
    ctx.g.node('Conv', ctx.node.id, inputs, [ctx.out], { ...windowAttributes('conv2d', ctx), dilations: ints([1, 1]), group: int(1) });
    return ctx.out;
  },
  maxpool2d: single('MaxPool', (ctx) => windowAttributes('maxpool2d', ctx)),
  avgpool2d: single('AveragePool', (ctx) => ({ ...windowAttributes('avgpool2d', ctx), count_include_pad: int(1) })),
  globalavgpool2d: (ctx) => {
    // GlobalAveragePool keeps [N, C, 1, 1]; the engine's op gives [N, C].
    const pooled = `${ctx.node.id}/pooled`;
    ctx.g.node('GlobalAveragePool', pooled, ctx.inputs, [pooled]);
    ctx.g.node('Flatten', ctx.node.id, [pooled], [ctx.out], { axis: int(1) });
    return ctx.out;
  },
  flatten: single('Flatten', () => ({ axis: int(1) })),
  // Inverted dropout is the identity at inference: wire the input straight through.
  dropout: (ctx) => ctx.inputs[0],
  batchnorm1d: batchNorm,
  batchnorm2d: batchNorm,
  relu: single('Relu'),
  leakyrelu: single('LeakyRelu', (ctx) => ({ alpha: float(ctx.params.negativeSlope as number) })),
  sigmoid: single('Sigmoid'),
  tanh: single('Tanh'),
  softmax: single('Softmax', () => ({ axis: int(1) })),
  gelu,
  identity: single('Identity'),
  add: single('Add'),
  concat: single('Concat', () => ({ axis: int(1) })),
};

/** Value names: node ids where possible, never the graph's own input/output names, never twice. */
class ValueNames {
  private readonly used: Set<string>;
  constructor(reserved: string[]) {
    this.used = new Set(reserved);
  }
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 1; this.used.has(name); n++) name = `${wanted}_${n}`;
    this.used.add(name);
    return name;
  }
}

export function exportOnnx(input: OnnxExportInput): Uint8Array {
  const { spec, tensors } = input;
  const mode = input.normalizationMode ?? 'fold';
  if (mode !== 'fold' && mode !== 'metadata') throw new Error(`ONNX normalizationMode must be 'fold' or 'metadata', got ${JSON.stringify(mode)}`);
  const model = checkedModel(spec, FORMAT);
  const values = checkTensors(model, tensors, FORMAT);
  const { analysis } = model;
  const inputId = analysis.inputId!;
  const outputId = analysis.outputId!;
  const inputShape = analysis.nodes[inputId].outputShape!;
  const outputShape = analysis.nodes[outputId].outputShape!;
  const normalization = input.normalization ?? null;
  if (normalization) checkNormalization(normalization, inputShape, FORMAT);
  if (input.classNames && !input.classNames.every((c) => typeof c === 'string')) throw new Error('ONNX export: class names must be strings');

  const g = new OnnxGraphBuilder();
  const names = new ValueNames(['input', 'output', 'probabilities']);
  const valueOf = new Map<string, string>();
  valueOf.set(inputId, normalization && mode === 'fold' ? standardizeInput(g, normalization, inputShape) : 'input');

  for (const id of analysis.order) {
    if (id === inputId) continue;
    const node = model.nodes.get(id)!;
    const info = analysis.nodes[id];
    const out = id === outputId ? 'output' : names.claim(id);
    const ctx: EmitContext = {
      g,
      node,
      params: info.paramValues!,
      inputs: info.inputs.map((src) => valueOf.get(src)!),
      inputShapes: info.inputs.map((src) => analysis.nodes[src].outputShape!),
      out,
      tensor: (field) => {
        const name = `${id}.${field}`;
        const value = values.get(name);
        if (!value) throw new Error(`cannot export the model to ONNX: ${nodeName(node)} has no tensor '${name}'`);
        if (!g.initializers.some((t) => t.name === name)) g.initializer(name, [...tensors.get(name)!.shape], value);
        return name;
      },
    };
    const emitter = EMITTERS[node.op as Exclude<OpKind, 'input'>];
    if (!emitter) throw new Error(`cannot export the model to ONNX: ${nodeName(node)} is a ${LAYERS[node.op as OpKind]?.name ?? node.op} layer, which has no ONNX translation`);
    const produced = emitter(ctx);
    valueOf.set(id, produced);
    if (produced === out && out !== 'output') g.valueInfo.push({ name: out, dims: ['batch', ...info.outputShape!] });
  }
  // The last layer aliased its input (dropout at the end): give the result its public name.
  if (valueOf.get(outputId) !== 'output') g.node('Identity', `${outputId}/output`, [valueOf.get(outputId)!], ['output']);

  const outputs = [{ name: 'output', dims: ['batch', ...outputShape], docString: outputDoc(outputShape, input.classNames) }];
  if (input.appendSoftmax) {
    if (input.task === 'regression') {
      throw new Error('cannot add probabilities to the ONNX export: the model predicts numbers (regression), and a softmax or sigmoid of them is no probability; export without --softmax');
    }
    if (outputShape.length !== 1) {
      throw new Error(`cannot add probabilities to the ONNX export: the output of ${nodeName(model.nodes.get(outputId)!)} is [${outputShape.join(', ')}], not a vector of class scores`);
    }
    const single = outputShape[0] === 1;
    g.node(single ? 'Sigmoid' : 'Softmax', 'probabilities', ['output'], ['probabilities'], single ? {} : { axis: int(1) });
    outputs.push({ name: 'probabilities', dims: ['batch', ...outputShape],
      docString: single ? 'sigmoid of output: the probability of the second class' : 'softmax of output over the classes' });
  }

  const graphName = input.graphName ?? spec.name ?? 'model';
  return g.encode({
    irVersion: ONNX_IR_VERSION,
    opsetVersion: ONNX_OPSET,
    producerName: 'Netwright',
    producerVersion: input.producerVersion,
    graphName,
    docString: spec.description,
    inputs: [{ name: 'input', dims: ['batch', ...inputShape], docString: inputDoc(normalization, mode) }],
    outputs,
    metadata: metadataOf(input, graphName, normalization, mode),
  });
}

/** (input - mean) / std with the statistics as initializers broadcast over the batch; returns the standardized value's name. */
function standardizeInput(g: OnnxGraphBuilder, normalization: ExportNormalization, inputShape: Shape): string {
  // Feature axis: one statistic per element of a sample ([F] or [C, H, W]); channel axis: [C, 1, 1].
  const dims = normalization.axis === 'feature' ? [...inputShape] : [inputShape[0], 1, 1];
  const mean = g.initializer('input_normalization/mean', dims, Float32Array.from(normalization.mean));
  const std = g.initializer('input_normalization/std', dims, Float32Array.from(normalization.std, divisorOf));
  g.node('Sub', 'input_normalization/center', ['input', mean], ['input_normalization/centered']);
  g.node('Div', 'input_normalization/scale', ['input_normalization/centered', std], ['input_normalization/standardized']);
  return 'input_normalization/standardized';
}

function inputDoc(normalization: ExportNormalization | null, mode: 'fold' | 'metadata'): string {
  if (!normalization) return 'float32 samples, batch first; the model was trained on unstandardized values';
  return mode === 'fold'
    ? 'raw (unstandardized) float32 samples, batch first: the graph standardizes them itself'
    : 'standardized float32 samples, batch first: apply (x - mean) / std from the metadata "normalization" first';
}

function outputDoc(outputShape: Shape, classNames: readonly string[] | undefined): string {
  if (classNames?.length && outputShape.length === 1) {
    return outputShape[0] === 1
      ? `logit of class '${classNames[1] ?? classNames[0]}' (sigmoid gives its probability)`
      : `logits (unnormalized scores), one per class in the order of the metadata "class_names"`;
  }
  return 'the last layer\'s values';
}

function metadataOf(input: OnnxExportInput, graphName: string, normalization: ExportNormalization | null, mode: 'fold' | 'metadata'): Record<string, string> {
  const metadata: Record<string, string> = { model_name: graphName };
  if (input.classNames) metadata.class_names = JSON.stringify(input.classNames);
  if (normalization) {
    metadata.normalization = JSON.stringify({ axis: normalization.axis, mean: normalization.mean, std: normalization.std });
    const per = normalization.axis === 'feature' ? 'per input feature' : 'per image channel';
    metadata.normalization_note = mode === 'fold'
      ? `The graph standardizes its input itself ((x - mean) / std ${per}, statistics of the training split): feed raw values.`
      : `Standardize inputs before running the graph: (x - mean) / std ${per}, with the statistics in "normalization" (training split); a std of 0 means divide by 1.`;
  } else {
    metadata.normalization_note = 'The model was trained without input standardization: feed raw values.';
  }
  if (input.input) {
    const preprocessing = { input: input.input, normalization, standardizedByModel: normalization !== null && mode === 'fold' };
    metadata.preprocessing = preprocessingMetadata(preprocessing);
    metadata.preprocessing_note = preprocessingSteps(preprocessing).join(' ');
  }
  metadata.netwright_spec = JSON.stringify(input.spec);
  return metadata;
}
