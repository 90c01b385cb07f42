// Translates a trained model (spec + named tensors) into one ONNX file: opset 17, ir_version 8, float32, input
// `input` [batch, ...shape] and output `output` (logits), optionally `probabilities`, with a symbolic batch size.

import { computedLayer, isComputedKind } from '../layers';
import { nodeName } from '../spec/names';
import type { ModelSpec, Shape } from '../spec/types';
import {
  checkNormalization,
  checkTensors,
  checkedModel,
  divisorOf,
  type ExportNormalization,
  type TensorMap,
} from './modelTensors';
import { int, type EmitContext } from './onnxEmit';
import { OnnxGraphBuilder } from './onnxGraph';
import { preprocessingMetadata, preprocessingSteps, type InputSource } from './preprocessing';
import {
  checkTargetScaling,
  targetScales,
  targetScalingMetadata,
  targetScalingStep,
  type TargetNormalization,
  type TargetScaling,
} from './targetScaling';

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
  /**
   * Regression whose targets were standardized for training (DatasetManifest.targetNormalization): with 'fold' the
   * graph ends with output * std + mean so it gives label units; with 'metadata' it gives standardized values and
   * the metadata "target_normalization" says how to turn them into label units.
   */
  targetNormalization?: TargetNormalization | null;
  /** The dataset's target names, for the metadata's words. */
  targetNames?: readonly string[];
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
  if (mode !== 'fold' && mode !== 'metadata')
    throw new Error(`ONNX normalizationMode must be 'fold' or 'metadata', got ${JSON.stringify(mode)}`);
  const model = checkedModel(spec, FORMAT);
  const values = checkTensors(model, tensors, FORMAT);
  const { analysis } = model;
  const inputId = analysis.inputId!;
  const outputId = analysis.outputId!;
  const inputShape = analysis.nodes[inputId].outputShape!;
  const outputShape = analysis.nodes[outputId].outputShape!;
  const normalization = input.normalization ?? null;
  if (normalization) checkNormalization(normalization, inputShape, FORMAT);
  const targetNormalization = input.targetNormalization ?? null;
  if (targetNormalization)
    checkTargetScaling(
      targetNormalization,
      outputShape.reduce((a, b) => a * b, 1),
      FORMAT,
    );
  const targetScaling: TargetScaling | null = targetNormalization
    ? { normalization: targetNormalization, appliedByModel: mode === 'fold', targetNames: input.targetNames }
    : null;
  // The last layer writes the model's own (standardized) output here when the graph goes on to label units.
  const lastValue = targetScaling?.appliedByModel ? 'output_normalization/standardized' : 'output';
  if (input.classNames && !input.classNames.every((c) => typeof c === 'string'))
    throw new Error('ONNX export: class names must be strings');

  const g = new OnnxGraphBuilder();
  const names = new ValueNames(['input', 'output', 'probabilities', lastValue]);
  const valueOf = new Map<string, string>();
  valueOf.set(inputId, normalization && mode === 'fold' ? standardizeInput(g, normalization, inputShape) : 'input');

  for (const id of analysis.order) {
    if (id === inputId) continue;
    const node = model.nodes.get(id)!;
    const info = analysis.nodes[id];
    const out = id === outputId ? lastValue : names.claim(id);
    const ctx: EmitContext = {
      g,
      node,
      params: info.paramValues!,
      inputs: info.inputs.map((src) => valueOf.get(src)!),
      inputShapes: info.inputs.map((src) => analysis.nodes[src].outputShape!),
      out,
      tensor: (field, dims) => {
        const name = `${id}.${field}`;
        const value = values.get(name);
        if (!value) throw new Error(`cannot export the model to ONNX: ${nodeName(node)} has no tensor '${name}'`);
        const shape = dims ?? [...tensors.get(name)!.shape];
        if (!g.initializers.some((t) => t.name === name)) g.initializer(name, shape, value);
        return name;
      },
    };
    // checkedModel analyzed the spec, so every node here has a known kind; each kind's module emits its own nodes.
    if (!isComputedKind(node.op))
      throw new Error(`cannot export the model to ONNX: ${nodeName(node)} has no ONNX translation`);
    const produced = computedLayer(node.op).onnx(ctx);
    valueOf.set(id, produced);
    if (produced === out && out !== 'output') g.valueInfo.push({ name: out, dims: ['batch', ...info.outputShape!] });
  }
  if (targetScaling?.appliedByModel) {
    unstandardizeOutput(g, targetScaling.normalization, valueOf.get(outputId)!, outputShape);
  } else if (valueOf.get(outputId) !== 'output') {
    // The last layer aliased its input (dropout at the end): give the result its public name.
    g.node('Identity', `${outputId}/output`, [valueOf.get(outputId)!], ['output']);
  }

  const outputs = [
    {
      name: 'output',
      dims: ['batch', ...outputShape],
      docString: outputDoc(outputShape, input.classNames, targetScaling),
    },
  ];
  if (input.appendSoftmax) {
    if (input.task === 'regression' || targetNormalization) {
      throw new Error(
        'cannot add probabilities to the ONNX export: the model predicts numbers (regression), and a softmax or sigmoid of them is no probability; export without --softmax',
      );
    }
    if (outputShape.length !== 1) {
      throw new Error(
        `cannot add probabilities to the ONNX export: the output of ${nodeName(model.nodes.get(outputId)!)} is [${outputShape.join(', ')}], not a vector of class scores`,
      );
    }
    const single = outputShape[0] === 1;
    g.node(
      single ? 'Sigmoid' : 'Softmax',
      'probabilities',
      ['output'],
      ['probabilities'],
      single ? {} : { axis: int(1) },
    );
    outputs.push({
      name: 'probabilities',
      dims: ['batch', ...outputShape],
      docString: single
        ? 'sigmoid of output: the probability of the second class'
        : 'softmax of output over the classes',
    });
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
    metadata: metadataOf(input, graphName, normalization, mode, targetScaling),
  });
}

/** (input - mean) / std with the statistics as initializers broadcast over the batch; returns the standardized value's name. */
function standardizeInput(g: OnnxGraphBuilder, normalization: ExportNormalization, inputShape: Shape): string {
  // Feature axis: one statistic per element of a sample ([F] or [C, H, W]); channel axis: [C, 1, 1].
  const dims = normalization.axis === 'feature' ? [...inputShape] : [inputShape[0], 1, 1];
  const mean = g.initializer('input_normalization/mean', dims, Float32Array.from(normalization.mean));
  const std = g.initializer('input_normalization/std', dims, Float32Array.from(normalization.std, divisorOf));
  g.node('Sub', 'input_normalization/center', ['input', mean], ['input_normalization/centered']);
  g.node(
    'Div',
    'input_normalization/scale',
    ['input_normalization/centered', std],
    ['input_normalization/standardized'],
  );
  return 'input_normalization/standardized';
}

/**
 * output * std + mean at the end of the graph: the network's standardized predictions [batch, ...outputShape] in the
 * label's units, as the engine reports them (unstandardizeTargets). A std of 0 multiplies by 1.
 */
function unstandardizeOutput(
  g: OnnxGraphBuilder,
  normalization: TargetNormalization,
  standardized: string,
  outputShape: Shape,
): void {
  const std = g.initializer(
    'output_normalization/std',
    [...outputShape],
    Float32Array.from(targetScales(normalization)),
  );
  const mean = g.initializer('output_normalization/mean', [...outputShape], Float32Array.from(normalization.mean));
  g.node('Mul', 'output_normalization/scale', [standardized, std], ['output_normalization/scaled']);
  g.node('Add', 'output_normalization/shift', ['output_normalization/scaled', mean], ['output']);
}

function inputDoc(normalization: ExportNormalization | null, mode: 'fold' | 'metadata'): string {
  if (!normalization) return 'float32 samples, batch first; the model was trained on unstandardized values';
  return mode === 'fold'
    ? 'raw (unstandardized) float32 samples, batch first: the graph standardizes them itself'
    : 'standardized float32 samples, batch first: apply (x - mean) / std from the metadata "normalization" first';
}

function outputDoc(
  outputShape: Shape,
  classNames: readonly string[] | undefined,
  targetScaling: TargetScaling | null,
): string {
  if (targetScaling) {
    return targetScaling.appliedByModel
      ? "the predicted values in the label's units (the graph multiplies by the training targets' std and adds their mean)"
      : 'standardized predictions: multiply by std and add mean from the metadata "target_normalization" for the label\'s units';
  }
  if (classNames?.length && outputShape.length === 1) {
    return outputShape[0] === 1
      ? `logit of class '${classNames[1] ?? classNames[0]}' (sigmoid gives its probability)`
      : `logits (unnormalized scores), one per class in the order of the metadata "class_names"`;
  }
  return "the last layer's values";
}

function metadataOf(
  input: OnnxExportInput,
  graphName: string,
  normalization: ExportNormalization | null,
  mode: 'fold' | 'metadata',
  targetScaling: TargetScaling | null,
): Record<string, string> {
  const metadata: Record<string, string> = { model_name: graphName };
  if (input.classNames) metadata.class_names = JSON.stringify(input.classNames);
  if (normalization) {
    metadata.normalization = JSON.stringify({
      axis: normalization.axis,
      mean: normalization.mean,
      std: normalization.std,
    });
    const per = normalization.axis === 'feature' ? 'per input feature' : 'per image channel';
    metadata.normalization_note =
      mode === 'fold'
        ? `The graph standardizes its input itself ((x - mean) / std ${per}, statistics of the training split): feed raw values.`
        : `Standardize inputs before running the graph: (x - mean) / std ${per}, with the statistics in "normalization" (training split); a std of 0 means divide by 1.`;
  } else {
    metadata.normalization_note = 'The model was trained without input standardization: feed raw values.';
  }
  // Only regressions whose targets were standardized say anything about the output: others keep their old metadata.
  if (targetScaling) {
    metadata.target_normalization = targetScalingMetadata(targetScaling);
    metadata.target_normalization_note = targetScalingStep(targetScaling);
  }
  if (input.input) {
    const preprocessing = {
      input: input.input,
      normalization,
      standardizedByModel: normalization !== null && mode === 'fold',
    };
    metadata.preprocessing = preprocessingMetadata(preprocessing);
    metadata.preprocessing_note = preprocessingSteps(preprocessing).join(' ');
  }
  metadata.netwright_spec = JSON.stringify(input.spec);
  return metadata;
}
