// ONNX export structure: every template and the merge graphs decode to a sound graph with the expected operators,
// attributes, names, symbolic batch and metadata; inexpressible requests fail naming the node.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, mlp, residual } from '../spec/templates';
import type { ModelSpec } from '../spec/types';
import { exportOnnx, ONNX_IR_VERSION, ONNX_OPSET } from './onnx';
import { checkOnnxStructure, decodeOnnx, type DecodedNode, type DecodedOnnx } from './onnxCheck';
import { OnnxGraphBuilder } from './onnxGraph';
import { ProtoWriter } from './protobuf';
import { asppSpec, everyOpSpec, randomTensors, residualConcatSpec } from './testModels';

function exported(spec: ModelSpec, options: Partial<Parameters<typeof exportOnnx>[0]> = {}): DecodedOnnx {
  const bytes = exportOnnx({ spec, tensors: randomTensors(spec), producerVersion: '9.9.9', ...options });
  const report = checkOnnxStructure(bytes);
  expect(report.problems).toEqual([]);
  return report.model;
}

const opTypes = (model: DecodedOnnx) => model.graph.nodes.map((n) => n.opType);
const nodeNamed = (model: DecodedOnnx, name: string): DecodedNode => {
  const node = model.graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node '${name}' in ${model.graph.nodes.map((n) => n.name).join(', ')}`);
  return node;
};

describe('ONNX export structure', () => {
  for (const template of TEMPLATES) {
    it(`writes a sound opset-${ONNX_OPSET} graph for the ${template.name} template`, () => {
      const spec = template.build();
      const model = exported(spec, {
        appendSoftmax: true,
        classNames: Array.from({ length: template.defaults.outputs }, (_, i) => `c${i}`),
      });
      expect(model.irVersion).toBe(ONNX_IR_VERSION);
      expect(model.opsets).toEqual([{ domain: '', version: ONNX_OPSET }]);
      expect(model.producerName).toBe('Netwright');
      expect(model.producerVersion).toBe('9.9.9');
      expect(model.graph.inputs).toEqual([
        { name: 'input', elemType: 1, dims: ['batch', ...template.defaults.inputShape] },
      ]);
      expect(model.graph.outputs.map((o) => o.name)).toEqual(['output', 'probabilities']);
      expect(model.graph.outputs[0].dims).toEqual(['batch', template.defaults.outputs]);
      // Every weight of the model is an initializer with its engine shape.
      const initializers = new Map(model.graph.initializers.map((t) => [t.name, t.dims]));
      for (const [name, tensor] of randomTensors(spec)) expect(initializers.get(name)).toEqual(tensor.shape);
      expect(opTypes(model)).not.toContain('Dropout');
    });
  }

  it("translates each layer kind with the engine's semantics", () => {
    const model = exported(everyOpSpec());
    const conv1 = nodeNamed(model, 'conv1');
    expect(conv1.opType).toBe('Conv');
    expect(conv1.attributes.pads.ints).toEqual([1, 1, 1, 1]); // 'same' resolved to numbers
    expect(conv1.attributes.kernel_shape.ints).toEqual([3, 3]);
    expect(conv1.inputs).toEqual(['input', 'conv1.weight', 'conv1.bias']);
    const conv2 = nodeNamed(model, 'conv2');
    expect(conv2.attributes.kernel_shape.ints).toEqual([3, 1]);
    expect(conv2.attributes.pads.ints).toEqual([1, 0, 1, 0]);
    expect(conv2.inputs).toEqual(['lrelu', 'conv2.weight']); // no bias
    const avg = nodeNamed(model, 'avg');
    expect(avg.opType).toBe('AveragePool');
    expect(avg.attributes.count_include_pad.int).toBe(1);
    expect(avg.attributes.strides.ints).toEqual([1, 1]);
    const pool = nodeNamed(model, 'pool');
    expect([pool.opType, pool.attributes.strides.ints, pool.attributes.pads.ints]).toEqual([
      'MaxPool',
      [2, 2],
      [1, 1, 1, 1],
    ]);
    expect(nodeNamed(model, 'fc_a').opType).toBe('Gemm');
    expect(nodeNamed(model, 'fc_a').attributes.transB.int).toBe(1);
    expect(nodeNamed(model, 'fc_b').inputs).toEqual(['flat', 'fc_b.weight']);
    expect(nodeNamed(model, 'lrelu').attributes.alpha.float).toBeCloseTo(0.1, 7);
    // ReLU6 as Clip(x, 0, 6) with the bounds as scalar initializers; SiLU as x * Sigmoid(x); Hardswish as its own op.
    expect(nodeNamed(model, 'dw').attributes.group.int).toBe(4);
    // PReLU's per-channel slopes broadcast over an image as [C, 1, 1], over a vector as [F].
    expect(nodeNamed(model, 'prelu_img')).toMatchObject({ opType: 'PRelu', inputs: ['dw', 'prelu_img.weight'] });
    expect(model.graph.initializers.find((t) => t.name === 'prelu_img.weight')?.dims).toEqual([4, 1, 1]);
    expect(model.graph.initializers.find((t) => t.name === 'prelu_a.weight')?.dims).toEqual([6]);
    expect(nodeNamed(model, 'conv1').attributes.group.int).toBe(1);
    const clip = nodeNamed(model, 'relu6_avg');
    expect([clip.opType, clip.inputs]).toEqual(['Clip', ['avg', 'relu6/zero', 'relu6/six']]);
    expect(nodeNamed(model, 'silu_b/sigmoid')).toMatchObject({ opType: 'Sigmoid', inputs: ['ln_b'] });
    expect(nodeNamed(model, 'silu_b')).toMatchObject({ opType: 'Mul', inputs: ['ln_b', 'silu_b/sigmoid'] });
    // LayerNorm as opset 17's LayerNormalization over the last axis, its weight and bias as Scale and B.
    const ln = nodeNamed(model, 'ln_b');
    expect(ln).toMatchObject({ opType: 'LayerNormalization', inputs: ['fc_b', 'ln_b.weight', 'ln_b.bias'] });
    expect([ln.attributes.axis.int, ln.attributes.epsilon.float]).toEqual([-1, Math.fround(1e-4)]);
    expect(model.graph.initializers.find((t) => t.name === 'ln_b.bias')?.dims).toEqual([6]);
    // GroupNorm as PyTorch 1.13 writes it: Reshape to [N, G, -1], InstanceNormalization with a unit scale and zero
    // bias per group, Reshape back to the input's shape, Mul by the weight and Add of the bias as [C, 1, 1].
    const initializer = (name: string) => model.graph.initializers.find((t) => t.name === name)!;
    expect(nodeNamed(model, 'gn_img/reshape')).toMatchObject({
      opType: 'Reshape',
      inputs: ['conv2', 'gn_img/grouped_shape'],
    });
    expect(initializer('gn_img/grouped_shape')).toMatchObject({ dataType: 7, dims: [3] });
    expect(Array.from(initializer('gn_img/grouped_shape').values)).toEqual([0, 2, -1]);
    const instanceNorm = nodeNamed(model, 'gn_img/instance_norm');
    expect(instanceNorm).toMatchObject({
      opType: 'InstanceNormalization',
      inputs: ['gn_img/reshape', 'gn_img/unit_scale', 'gn_img/zero_bias'],
    });
    expect(instanceNorm.attributes.epsilon.float).toBe(Math.fround(1e-4));
    expect(Array.from(initializer('gn_img/unit_scale').values)).toEqual([1, 1]);
    expect(Array.from(initializer('gn_img/zero_bias').values)).toEqual([0, 0]);
    expect(nodeNamed(model, 'gn_img/shape')).toMatchObject({ opType: 'Shape', inputs: ['conv2'] });
    expect(nodeNamed(model, 'gn_img/reshape_back').inputs).toEqual(['gn_img/instance_norm', 'gn_img/shape']);
    expect(nodeNamed(model, 'gn_img/scale')).toMatchObject({
      opType: 'Mul',
      inputs: ['gn_img/reshape_back', 'gn_img.weight'],
    });
    expect(nodeNamed(model, 'gn_img')).toMatchObject({ opType: 'Add', inputs: ['gn_img/scale', 'gn_img.bias'] });
    expect(initializer('gn_img.weight').dims).toEqual([4, 1, 1]);
    expect(initializer('gn_img.bias').dims).toEqual([4, 1, 1]);
    expect(nodeNamed(model, 'dw').inputs[0]).toBe('gn_img');
    expect(nodeNamed(model, 'hswish').opType).toBe('HardSwish');
    // Softplus as its own op; Mish as Mul(x, Tanh(Softplus(x))), as PyTorch writes it before opset 18.
    expect(nodeNamed(model, 'softplus_b')).toMatchObject({ opType: 'Softplus', inputs: ['elu_b'] });
    expect(nodeNamed(model, 'mish_pool/softplus')).toMatchObject({ opType: 'Softplus', inputs: ['pool'] });
    expect(nodeNamed(model, 'mish_pool/tanh')).toMatchObject({ opType: 'Tanh', inputs: ['mish_pool/softplus'] });
    expect(nodeNamed(model, 'mish_pool')).toMatchObject({ opType: 'Mul', inputs: ['pool', 'mish_pool/tanh'] });
    expect(nodeNamed(model, 'bn1d').opType).toBe('BatchNormalization');
    expect(nodeNamed(model, 'bn1d').inputs).toEqual([
      'cat2',
      'bn1d.weight',
      'bn1d.bias',
      'bn1d.running_mean',
      'bn1d.running_var',
    ]);
    expect(nodeNamed(model, 'bn1d').attributes.epsilon.float).toBeCloseTo(1e-3, 9);
    expect(nodeNamed(model, 'cat1').attributes.axis.int).toBe(1);
    expect(nodeNamed(model, 'cat1').inputs).toEqual(['add1', 'lrelu']);
    expect(nodeNamed(model, 'probs').opType).toBe('Softmax');
    expect(nodeNamed(model, 'probs').attributes.axis.int).toBe(1);
    expect(nodeNamed(model, 'sig').opType).toBe('Sigmoid');
    expect(nodeNamed(model, 'elu_b').opType).toBe('Elu');
    expect(nodeNamed(model, 'elu_b').attributes.alpha.float).toBeCloseTo(0.7, 7);
    expect(nodeNamed(model, 'relu_a').opType).toBe('Relu');
    expect(nodeNamed(model, 'tanh_avg').opType).toBe('Tanh');
    expect(nodeNamed(model, 'ident').opType).toBe('Identity');
    expect(nodeNamed(model, 'flat').attributes.axis.int).toBe(1);
    // Global average pooling keeps [N, C, 1, 1]; a Flatten makes it the engine's [N, C].
    expect(nodeNamed(model, 'gap/pooled').opType).toBe('GlobalAveragePool');
    expect(nodeNamed(model, 'gap').opType).toBe('Flatten');
    // GELU is spelled out (opset 17 has no Gelu): exact with Erf, the approximation with Tanh.
    expect(opTypes(model)).not.toContain('Gelu');
    expect(nodeNamed(model, 'gelu_exact/erf').opType).toBe('Erf');
    expect(nodeNamed(model, 'gelu_tanh/tanh').opType).toBe('Tanh');
    // Dropout is gone: the next layer reads the dropout's input directly.
    expect(opTypes(model)).not.toContain('Dropout');
    expect(nodeNamed(model, 'fc_out').inputs[0]).toBe('gelu_tanh');
    expect(model.graph.nodes[model.graph.nodes.length - 1].outputs).toEqual(['output']);
  });

  it("writes a conv's dilations, with the pads 'same' gives its dilated span", () => {
    const model = exported(asppSpec());
    const attributes = (name: string) => {
      const { dilations, pads, group } = nodeNamed(model, name).attributes;
      return [dilations.ints, pads.ints, group.int];
    };
    expect(attributes('rate1')).toEqual([[1, 1], [1, 1, 1, 1], 1]);
    expect(attributes('rate2')).toEqual([[2, 2], [2, 2, 2, 2], 1]);
    expect(attributes('rate3')).toEqual([[3, 2], [3, 2, 3, 2], 1]);
    expect(attributes('atrous_dw')).toEqual([[2, 2], [2, 2, 2, 2], 6]);
  });

  it('keeps the slot order of merges whatever the edge order', () => {
    const model = exported(residualConcatSpec());
    expect(nodeNamed(model, 'join').inputs).toEqual(['wide', 'narrow']);
    expect(nodeNamed(model, 'skip_add').inputs).toEqual(['body_relu', 'join']);
    expect(model.graph.valueInfo.find((v) => v.name === 'join')?.dims).toEqual(['batch', 5, 6, 6]);
  });

  it('folds the standardization into a first Sub and Div with the training statistics', () => {
    const spec = residual({ inputShape: [3, 4, 4], outputs: 2 });
    const normalization = { axis: 'channel' as const, mean: [0.5, 0.25, -1], std: [2, 0, 0.5] };
    const model = exported(spec, { normalization });
    expect(model.graph.nodes.slice(0, 2).map((n) => [n.opType, n.inputs])).toEqual([
      ['Sub', ['input', 'input_normalization/mean']],
      ['Div', ['input_normalization/centered', 'input_normalization/std']],
    ]);
    const byName = new Map(model.graph.initializers.map((t) => [t.name, t]));
    expect(byName.get('input_normalization/mean')!.dims).toEqual([3, 1, 1]);
    expect(Array.from(byName.get('input_normalization/mean')!.values)).toEqual([0.5, 0.25, -1]);
    expect(Array.from(byName.get('input_normalization/std')!.values)).toEqual([2, 1, 0.5]); // a zero deviation divides by 1
    expect(nodeNamed(model, 'stem_conv').inputs[0]).toBe('input_normalization/standardized');
    expect(model.metadata.normalization_note).toMatch(/feed raw values/);
  });

  it('stores the statistics as metadata with a note when asked not to fold them', () => {
    const spec = mlp(3, 2, [4]);
    const normalization = { axis: 'feature' as const, mean: [1, 2, 3], std: [1, 1, 2] };
    const model = exported(spec, {
      normalization,
      normalizationMode: 'metadata',
      classNames: ['no', 'yes'],
      graphName: 'churn',
    });
    expect(opTypes(model)).not.toContain('Sub');
    expect(nodeNamed(model, 'fc1').inputs[0]).toBe('input');
    expect(JSON.parse(model.metadata.normalization)).toEqual(normalization);
    expect(model.metadata.normalization_note).toMatch(/Standardize inputs before running the graph/);
    expect(JSON.parse(model.metadata.class_names)).toEqual(['no', 'yes']);
    expect(model.metadata.model_name).toBe('churn');
    expect(model.graph.name).toBe('churn');
    expect(JSON.parse(model.metadata.netwright_spec)).toEqual(spec);
  });

  it('refuses probabilities for a regression: a sigmoid of a predicted number is no probability', () => {
    expect(() => exported(mlp(2, 1, [3]), { appendSoftmax: true, task: 'regression' })).toThrow(
      /predicts numbers \(regression\)/,
    );
  });

  it('says in its metadata how to prepare an image: colour, size, resize, scale, layout and who standardizes', () => {
    const spec = mlp(2, 3, [3]);
    const images = { kind: 'images' as const, channels: 3 as const, height: 32, width: 24, fit: 'fill' as const };
    // The spec's input is [2] here: the metadata describes the source, which the studio checks against the dataset.
    const folded = exported(spec, { input: images, normalization: { axis: 'feature', mean: [0, 0], std: [1, 1] } });
    expect(JSON.parse(folded.metadata.preprocessing)).toMatchObject({
      kind: 'image',
      color: 'rgb',
      channel_order: ['r', 'g', 'b'],
      layout: 'NCHW',
      size: { height: 32, width: 24 },
      resize: 'fill',
      scale: '1/255',
      range: [0, 1],
      normalization: { applied_by: 'model' },
    });
    expect(folded.metadata.preprocessing_note).toMatch(
      /RGB.*32×24.*divide by 255.*\[batch, 3, 32, 24\] \(NCHW\).*Do not standardize/,
    );
    const byCaller = exported(spec, {
      input: images,
      normalization: { axis: 'feature', mean: [0, 0], std: [1, 1] },
      normalizationMode: 'metadata',
    });
    expect(JSON.parse(byCaller.metadata.preprocessing).normalization.applied_by).toBe('caller');
    expect(exported(spec).metadata.preprocessing).toBeUndefined();
  });

  it('gives a single-logit model sigmoid probabilities', () => {
    const model = exported(mlp(2, 1, [3]), { appendSoftmax: true });
    expect(nodeNamed(model, 'probabilities').opType).toBe('Sigmoid');
  });

  it('names the output even when the last layer is a dropout or the input itself feeds it', () => {
    const spec: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'x', op: 'input', params: { shape: [4] } },
        { id: 'output', op: 'dense', params: { units: 3 } },
        { id: 'input', op: 'dropout' },
      ],
      edges: [
        { from: 'x', to: 'output' },
        { from: 'output', to: 'input' },
      ],
    };
    const model = exported(spec);
    // The dense node is not the graph output, so its value is renamed away from the reserved 'output'.
    expect(nodeNamed(model, 'output').outputs).toEqual(['output_1']);
    expect(nodeNamed(model, 'input/output')).toMatchObject({
      opType: 'Identity',
      inputs: ['output_1'],
      outputs: ['output'],
    });
    const passThrough: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [2] } },
        { id: 'drop', op: 'dropout' },
      ],
      edges: [{ from: 'in', to: 'drop' }],
    };
    expect(exported(passThrough).graph.nodes.map((n) => [n.opType, n.inputs, n.outputs])).toEqual([
      ['Identity', ['input'], ['output']],
    ]);
  });

  it('fails with a message naming the node for what it cannot express', () => {
    const spec = residual({ inputShape: [3, 8, 8], outputs: 2 });
    const tensors = randomTensors(spec);
    const noStem: ModelSpec = { ...spec, edges: spec.edges.filter((e) => e.to !== 'stem_conv') };
    expect(() => exportOnnx({ spec: noStem, tensors, producerVersion: '1' })).toThrow(
      /cannot export the model to ONNX: Conv2D 'stem_conv' has no input/,
    );
    const missing = new Map(tensors);
    missing.delete('stem_bn.running_var');
    expect(() => exportOnnx({ spec, tensors: missing, producerVersion: '1' })).toThrow(
      /BatchNorm2D 'stem_bn' needs the tensor 'stem_bn.running_var'/,
    );
    const imageOut: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [1, 4, 4] } },
        { id: 'conv', op: 'conv2d', params: { filters: 2 } },
      ],
      edges: [{ from: 'in', to: 'conv' }],
    };
    expect(() =>
      exportOnnx({ spec: imageOut, tensors: randomTensors(imageOut), producerVersion: '1', appendSoftmax: true }),
    ).toThrow(/the output of Conv2D 'conv' is \[2, 2, 2\], not a vector of class scores/);
    expect(() =>
      exportOnnx({ spec, tensors, producerVersion: '1', normalization: { axis: 'feature', mean: [0], std: [1] } }),
    ).toThrow(/needs 192 means and standard deviations \(one per feature\), got 1 and 1/);
    expect(() => exportOnnx({ spec, tensors, producerVersion: '1', normalizationMode: 'inline' as never })).toThrow(
      /normalizationMode must be 'fold' or 'metadata'/,
    );
  });
});

describe('ONNX structure check', () => {
  it('reports inputs read before they are written, unknown operators and duplicate outputs', () => {
    const g = new OnnxGraphBuilder();
    g.node('Relu', 'late', ['later'], ['y']);
    g.node('Relu', 'early', ['input'], ['later']);
    g.node('Frobnicate', 'odd', ['y'], ['y']);
    const bytes = g.encode({
      irVersion: 8,
      opsetVersion: 17,
      producerName: 't',
      producerVersion: '0',
      graphName: 'g',
      inputs: [{ name: 'input', dims: ['batch', 2] }],
      outputs: [{ name: 'missing', dims: ['batch', 2] }],
      metadata: {},
    });
    const { ok, problems } = checkOnnxStructure(bytes);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      "node 0 'late' (Relu) reads 'later', which no graph input, initializer or earlier node defines",
      "node 2 'odd' (Frobnicate) is not an operator this checker knows",
      "node 2 'odd' (Frobnicate) writes 'y', a name already defined",
      "graph output 'missing' is never produced",
    ]);
  });

  it('reports a model without a default-domain opset', () => {
    const bytes = new ProtoWriter()
      .varint(1, 8)
      .message(7, (g) => g.string(2, 'empty'))
      .finish();
    expect(checkOnnxStructure(bytes).problems).toEqual(['no opset is declared for the default ONNX domain']);
  });
});

describe('ONNX export of a model with frozen layers', () => {
  it('computes the same graph with the same weights (only the spec in the metadata says which layers were frozen)', () => {
    const spec = mlp(4, 3);
    const frozen = { ...spec, nodes: spec.nodes.map((n) => (n.id === 'fc1' ? { ...n, trainable: false } : n)) };
    const tensors = randomTensors(spec);
    const plain = decodeOnnx(exportOnnx({ spec, tensors, producerVersion: '1' }));
    const withFrozen = decodeOnnx(exportOnnx({ spec: frozen, tensors, producerVersion: '1' }));
    expect(withFrozen.graph).toEqual(plain.graph);
    expect(JSON.parse(withFrozen.metadata.netwright_spec).nodes[1]).toMatchObject({ id: 'fc1', trainable: false });
  });
});
