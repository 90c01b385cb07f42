// One converter at a time: each supported ONNX operator becomes the layer and weights it should, and each value
// Netwright cannot follow leaves the node marked with the reason (the operator, the attribute and its value).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../spec/analyze';
import { importOnnx } from './importOnnx';
import { onnxModel, ramp, type TestModel, type TestNode } from './testOnnx';

const IMAGE = { dims: ['batch', 2, 5, 5] as (number | string)[] };
const CONV_W = ramp([3, 2, 3, 3], 0.01);

function load(model: TestModel) {
  const result = importOnnx(onnxModel(model), 'test.onnx');
  return { ...result, analysis: analyze(result.spec), layers: result.spec.nodes.slice(1) };
}

/** One node on an image input with a 3x3 conv weight available as 'w'. */
function onImage(node: Omit<TestNode, 'inputs'> & { inputs?: string[] }, extra: Partial<TestModel> = {}) {
  return load({
    input: IMAGE,
    nodes: [{ inputs: ['input', 'w'], ...node }],
    ...extra,
    initializers: { w: CONV_W, ...extra.initializers },
  });
}

describe('Gemm', () => {
  const B = ramp([3, 4]); // [out, in] for transB 1
  it('transB 1: the weight is B as it is, the bias C', () => {
    const { layers, tensors, analysis } = load({
      nodes: [{ op: 'Gemm', inputs: ['input', 'fc.weight', 'fc.bias'], attributes: { transB: 1 } }],
      initializers: { 'fc.weight': B, 'fc.bias': ramp([3]) },
    });
    expect(analysis.ok).toBe(true);
    expect(layers).toMatchObject([{ id: 'fc', op: 'dense', params: { units: 3, bias: true } }]);
    expect(Array.from(tensors.get('fc.weight')!.value)).toEqual(B.floats);
    expect(tensors.get('fc.weight')!.shape).toEqual([3, 4]);
  });

  it('transB 0: the weight is B transposed; alpha scales it and beta the bias; a scalar C broadcasts', () => {
    const { tensors } = load({
      nodes: [
        {
          op: 'Gemm',
          inputs: ['input', 'fc.weight', 'c'],
          attributes: { alpha: { float: 2 }, beta: { float: 0.5 } },
        },
      ],
      initializers: { 'fc.weight': { dims: [2, 3], floats: [1, 2, 3, 4, 5, 6] }, c: { dims: [], floats: [4] } },
      input: { dims: ['batch', 2] },
    });
    expect(tensors.get('fc.weight')).toEqual({ shape: [3, 2], value: Float32Array.from([2, 8, 4, 10, 6, 12]) });
    expect(tensors.get('fc.bias')).toEqual({ shape: [3], value: Float32Array.from([2, 2, 2]) });
  });

  it('refuses transA 1, a computed weight and a C of another size than the outputs, naming the attribute or input', () => {
    const transA = load({
      nodes: [{ op: 'Gemm', inputs: ['input', 'w'], attributes: { transA: 1 } }],
      initializers: { w: B },
    });
    expect(transA.report.unsupported[0]).toMatchObject({
      opType: 'Gemm',
      reason: 'onnx-unsupported-attribute',
      args: { attribute: 'transA', value: '1' },
    });
    const computed = load({
      nodes: [
        { op: 'Relu', inputs: ['input'] },
        { op: 'Gemm', inputs: ['input', 'n0'] },
      ],
    });
    expect(computed.report.unsupported[0]).toMatchObject({ reason: 'onnx-needs-constant', args: { input: 2 } });
    const perRow = load({
      nodes: [{ op: 'Gemm', inputs: ['input', 'w', 'c'], attributes: { transB: 1 } }],
      initializers: { w: B, c: ramp([2, 3]) },
    });
    expect(perRow.report.unsupported[0]).toMatchObject({
      reason: 'onnx-constant-size',
      args: { input: 3, shape: '[2, 3]', expected: 3 },
    });
  });
});

describe('MatMul', () => {
  it('with a constant weight and an Add of a bias becomes one dense layer; alone, a dense layer without bias', () => {
    const fused = load({
      nodes: [
        { op: 'MatMul', inputs: ['input', 'w'] },
        { op: 'Add', inputs: ['n0', 'b'] },
      ],
      initializers: { w: { dims: [4, 2], floats: [1, 2, 3, 4, 5, 6, 7, 8] }, b: { dims: [2], floats: [9, 10] } },
    });
    expect(fused.layers.map((n) => [n.op, n.params])).toEqual([['dense', { units: 2, bias: true }]]);
    expect(Array.from(fused.tensors.get(`${fused.layers[0].id}.weight`)!.value)).toEqual([1, 3, 5, 7, 2, 4, 6, 8]);
    expect(fused.report.rewrites).toContainEqual({ code: 'matmul-add-fused', count: 1 });
    const alone = load({ nodes: [{ op: 'MatMul', inputs: ['input', 'w'] }], initializers: { w: ramp([4, 2]) } });
    expect(alone.layers.map((n) => [n.op, n.params])).toEqual([['dense', { units: 2, bias: false }]]);
  });
});

describe('Conv', () => {
  it('keeps weight, bias, symmetric pads and strides', () => {
    const { layers, tensors, analysis } = onImage(
      { op: 'Conv', inputs: ['input', 'w', 'b'], attributes: { pads: [1, 1, 1, 1], strides: [2, 2] } },
      { initializers: { b: ramp([3]) } },
    );
    expect(analysis.ok).toBe(true);
    expect(layers[0]).toMatchObject({
      op: 'conv2d',
      params: { filters: 3, kernelSize: 3, stride: 2, padding: 1, bias: true },
    });
    expect(tensors.get(`${layers[0].id}.weight`)!.shape).toEqual([3, 2, 3, 3]);
    expect(analysis.nodes[layers[0].id].outputShape).toEqual([3, 3, 3]);
  });

  it('turns auto_pad SAME_UPPER and VALID into padding when it comes out even', () => {
    expect(onImage({ op: 'Conv', attributes: { auto_pad: 'SAME_UPPER' } }).layers[0].params).toMatchObject({
      padding: 1,
    });
    expect(onImage({ op: 'Conv', attributes: { auto_pad: 'VALID' } }).layers[0].params).toMatchObject({ padding: 0 });
  });

  it.each([
    [{ pads: [0, 0, 1, 1] }, 'pads', '[0, 0, 1, 1]'],
    [{ auto_pad: 'SAME_UPPER', strides: [2, 2], kernel_shape: [2, 2] }, 'auto_pad', "'SAME_UPPER' (pads [0, 0, 1, 1])"],
    [{ dilations: [2, 2], strides: [2, 2] }, 'dilations', '[2, 2] (strides [2, 2])'],
    [{ dilations: [2, 1, 1] }, 'dilations', '[2, 1, 1]'],
    [{ dilations: [0, 1] }, 'dilations', '[0, 1]'],
    [{ group: 3 }, 'group', '3'],
  ] as const)('marks %j as an unsupported attribute', (attributes, attribute, value) => {
    const weight = attribute === 'group' ? ramp([3, 1, 3, 3]) : attribute === 'auto_pad' ? ramp([3, 2, 2, 2]) : CONV_W;
    const { report, analysis, spec } = onImage(
      { op: 'Conv', attributes: attributes as never },
      { initializers: { w: weight } },
    );
    expect(report.unsupported).toMatchObject([
      { opType: 'Conv', reason: 'onnx-unsupported-attribute', args: { attribute, value } },
    ]);
    expect(spec.nodes[1].op).toBe('onnx:Conv');
    expect(analysis.problems.map((p) => p.code)).toEqual(['onnx-unsupported']);
  });
});

describe('dilated Conv', () => {
  it("takes dilations at strides 1 as the layer's dilation, with the shape its dilated window gives", () => {
    // 3x3 dilated by 2 spans 5x5: [2, 5, 5] with pads 1 -> [3, 3, 3]; [2, 1] with pads [2, 1] keeps 5x5.
    const square = onImage({ op: 'Conv', attributes: { dilations: [2, 2], pads: [1, 1, 1, 1] } });
    expect(square.analysis.ok).toBe(true);
    expect(square.layers[0]).toMatchObject({ op: 'conv2d', params: { filters: 3, padding: 1, dilation: 2 } });
    expect(square.analysis.nodes[square.layers[0].id].outputShape).toEqual([3, 3, 3]);
    const rows = onImage({ op: 'Conv', attributes: { dilations: [2, 1], pads: [2, 1, 2, 1] } });
    expect(rows.layers[0].params).toMatchObject({ padding: [2, 1], dilation: [2, 1] });
    expect(rows.analysis.nodes[rows.layers[0].id].outputShape).toEqual([3, 5, 5]);
    // SAME_UPPER pads by the dilated span: (5 - 1) / 2 = 2 on each side.
    const same = onImage({ op: 'Conv', attributes: { dilations: [2, 2], auto_pad: 'SAME_UPPER' } });
    expect(same.layers[0].params).toMatchObject({ padding: 2, dilation: 2 });
    // Dilations 1 write no dilation param (the default).
    expect(onImage({ op: 'Conv', attributes: { dilations: [1, 1] } }).layers[0].params).not.toHaveProperty('dilation');
  });

  it('with a stride is marked, with the shape it gives, so the layers after it are still converted', () => {
    // 3x3 dilated by 2 spans 5x5: [2, 5, 5] with pads 2 and stride 2 -> [3, 3, 3]; the Flatten takes 27 features.
    const { layers, report, spec, analysis } = load({
      input: IMAGE,
      nodes: [
        { op: 'Conv', inputs: ['input', 'w'], attributes: { dilations: [2, 2], pads: [2, 2, 2, 2], strides: [2, 2] } },
        { op: 'Flatten', inputs: ['n0'] },
        { op: 'Gemm', inputs: ['n1', 'fc'], attributes: { transB: 1 } },
      ],
      initializers: { w: CONV_W, fc: ramp([2, 27]) },
    });
    expect(layers.map((n) => n.op)).toEqual(['onnx:Conv', 'flatten', 'dense']);
    expect(report.unsupported).toMatchObject([
      { args: { attribute: 'dilations', supported: 'dilations only with strides [1, 1]' } },
    ]);
    expect(analysis.problems.map((p) => p.nodeId)).toEqual([spec.nodes[1].id]);
  });

  it('takes groups and a dilation together (a depthwise atrous convolution)', () => {
    const { layers, analysis } = onImage(
      { op: 'Conv', attributes: { group: 2, dilations: [2, 2], pads: [2, 2, 2, 2] } },
      { initializers: { w: ramp([2, 1, 3, 3]) } },
    );
    expect(analysis.ok).toBe(true);
    expect(layers[0].params).toMatchObject({ filters: 2, padding: 2, dilation: 2, groups: 2 });
  });
});

describe('dilated MaxPool', () => {
  it('is marked (the layer has no dilation), with the shape its dilated window gives', () => {
    const { layers, report } = load({
      input: IMAGE,
      nodes: [
        { op: 'MaxPool', inputs: ['input'], attributes: { kernel_shape: [2, 2], dilations: [2, 2] } },
        { op: 'Flatten', inputs: ['n0'] },
      ],
    });
    // A 2x2 window dilated by 2 spans 3x3: [2, 5, 5] -> [2, 3, 3] at stride 1.
    expect(layers.map((n) => n.op)).toEqual(['onnx:MaxPool', 'flatten']);
    expect(report.unsupported).toMatchObject([
      { args: { attribute: 'dilations', value: '[2, 2]', supported: '[1, 1]' } },
    ]);
  });
});

describe('grouped Conv', () => {
  it("takes a group that divides the channels and the filters as the layer's groups (depthwise included)", () => {
    // 2 channels, 2 groups, 2 filters per channel: a depthwise convolution with a multiplier of 2.
    const weight = ramp([4, 1, 3, 3]);
    const { layers, tensors, analysis } = onImage(
      { op: 'Conv', attributes: { group: 2 } },
      { initializers: { w: weight } },
    );
    expect(analysis.ok).toBe(true);
    expect(layers[0]).toMatchObject({ op: 'conv2d', params: { filters: 4, groups: 2 } });
    expect(tensors.get(`${layers[0].id}.weight`)!.shape).toEqual([4, 1, 3, 3]);
    // Group 1 writes no groups param (the default).
    expect(onImage({ op: 'Conv' }).layers[0].params).not.toHaveProperty('groups');
  });
});

describe('BatchNormalization', () => {
  const stats = { s: ramp([2], 1), b: ramp([2]), m: ramp([2]), v: ramp([2], 1) };
  it('on an image is batchnorm2d and on a vector batchnorm1d, with 1 - momentum and epsilon', () => {
    const image = load({
      input: { dims: ['batch', 2, 3, 3] },
      nodes: [
        {
          op: 'BatchNormalization',
          inputs: ['input', 's', 'b', 'm', 'v'],
          attributes: { epsilon: { float: 1e-3 }, momentum: { float: 0.8 } },
        },
      ],
      initializers: stats,
    });
    expect(image.layers[0]).toMatchObject({ op: 'batchnorm2d', params: { eps: 0.001, momentum: 0.2 } });
    const id = image.layers[0].id;
    expect([...image.tensors.keys()]).toEqual([
      `${id}.weight`,
      `${id}.bias`,
      `${id}.running_mean`,
      `${id}.running_var`,
    ]);
    const vector = load({
      input: { dims: ['batch', 2] },
      nodes: [{ op: 'BatchNormalization', inputs: ['input', 's', 'b', 'm', 'v'] }],
      initializers: stats,
    });
    expect(vector.layers[0]).toMatchObject({ op: 'batchnorm1d', params: { eps: 1e-5, momentum: 0.1 } });
  });

  it('refuses training mode', () => {
    const { report } = load({
      input: { dims: ['batch', 2] },
      nodes: [{ op: 'BatchNormalization', inputs: ['input', 's', 'b', 'm', 'v'], attributes: { training_mode: 1 } }],
      initializers: stats,
    });
    expect(report.unsupported[0]).toMatchObject({ args: { attribute: 'training_mode', value: '1' } });
  });

  it('refuses statistics of another size than the channels, naming the input', () => {
    const { report } = load({
      input: { dims: ['batch', 2] },
      nodes: [{ op: 'BatchNormalization', inputs: ['input', 's', 'b', 'm', 'v'] }],
      initializers: { ...stats, m: ramp([3]) },
    });
    expect(report.unsupported[0]).toMatchObject({
      reason: 'onnx-constant-size',
      args: { op: 'BatchNormalization', input: 4, shape: '[3]', expected: 2 },
    });
  });
});

describe('LayerNormalization', () => {
  const ln = (attributes: TestNode['attributes'] = {}, inputs = ['input', 's', 'b'], extra: Partial<TestModel> = {}) =>
    load({
      nodes: [{ op: 'LayerNormalization', inputs, attributes }],
      initializers: { s: ramp([4], 1), b: ramp([4]) },
      ...extra,
    });

  it('over the features of a vector is layernorm, Scale and B its weight and bias, with epsilon', () => {
    for (const axis of [-1, 1]) {
      const { layers, tensors, analysis } = ln({ axis, epsilon: { float: 1e-3 }, stash_type: 1 });
      expect(analysis.ok).toBe(true);
      expect(layers.map((n) => [n.op, n.params])).toEqual([['layernorm', { eps: 0.001 }]]);
      const id = layers[0].id;
      expect(Array.from(tensors.get(`${id}.weight`)!.value)).toEqual(ramp([4], 1).floats);
      expect(Array.from(tensors.get(`${id}.bias`)!.value)).toEqual(ramp([4]).floats);
    }
  });

  it('without B has a zero bias; the default epsilon is 1e-5', () => {
    const { layers, tensors } = ln({}, ['input', 's']);
    expect(layers[0].params).toEqual({ eps: 1e-5 });
    expect(Array.from(tensors.get(`${layers[0].id}.bias`)!.value)).toEqual([0, 0, 0, 0]);
  });

  it('refuses an image, another axis, a computed Scale and an opset before 17', () => {
    expect(ln({}, ['input', 's', 'b'], { input: IMAGE }).report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-rank',
    });
    expect(ln({ axis: 0 }).report.unsupported[0]).toMatchObject({ args: { attribute: 'axis', value: '0' } });
    const computed = load({
      nodes: [
        { op: 'Relu', inputs: ['input'] },
        { op: 'LayerNormalization', inputs: ['input', 'n0'] },
      ],
    });
    expect(computed.report.unsupported[0]).toMatchObject({ reason: 'onnx-needs-constant', args: { input: 2 } });
    expect(ln({}, ['input', 's', 'b'], { opset: 13 }).layers[0].op).toBe('onnx:LayerNormalization');
  });

  /** nn.LayerNorm as PyTorch writes it before opset 17, the Mul and the Add in the given operand orders. */
  const decomposedWeights = {
    two: { dims: [], floats: [2] },
    eps: { dims: [], floats: [1e-4] },
    w: ramp([4], 1),
    b: ramp([4]),
  };
  const decomposedNodes = (mul: string[], add: string[], ...after: TestNode[]): TestNode[] => [
    { op: 'ReduceMean', inputs: ['input'], attributes: { axes: [-1] } },
    { op: 'Sub', inputs: ['input', 'n0'] },
    { op: 'Pow', inputs: ['n1', 'two'] },
    { op: 'ReduceMean', inputs: ['n2'], attributes: { axes: [-1] } },
    { op: 'Add', inputs: ['n3', 'eps'] },
    { op: 'Sqrt', inputs: ['n4'] },
    { op: 'Div', inputs: ['n1', 'n5'] },
    { op: 'Mul', inputs: mul },
    { op: 'Add', inputs: add },
    ...after,
  ];
  const decomposed = (opset: number, mul = ['n6', 'w'], add = ['n7', 'b'], ...after: TestNode[]) =>
    load({ opset, initializers: decomposedWeights, nodes: decomposedNodes(mul, add, ...after) });

  it('fuses the ReduceMean … Add pattern PyTorch writes before opset 17 into layernorm, in either operand order', () => {
    for (const fused of [decomposed(11), decomposed(13, ['w', 'n6'], ['b', 'n7'])]) {
      expect(fused.layers.map((n) => [n.op, n.params])).toEqual([['layernorm', { eps: 1e-4 }]]);
      expect(fused.analysis.ok).toBe(true);
      expect(fused.report.rewrites).toContainEqual({ code: 'layernorm-fused', count: 1 });
      const id = fused.layers[0].id;
      expect(Array.from(fused.tensors.get(`${id}.weight`)!.value)).toEqual(ramp([4], 1).floats);
      expect(Array.from(fused.tensors.get(`${id}.bias`)!.value)).toEqual(ramp([4]).floats);
    }
  });

  it('takes one value of Scale or B for every feature, in LayerNormalization and in the fused pattern', () => {
    const scalar = load({
      nodes: [{ op: 'LayerNormalization', inputs: ['input', 's', 'b'] }],
      initializers: { s: { dims: [1], floats: [2] }, b: ramp([4]) },
    });
    const fused = load({
      opset: 13,
      initializers: { ...decomposedWeights, w: { dims: [], floats: [2] } },
      nodes: decomposedNodes(['n6', 'w'], ['n7', 'b']),
    });
    for (const { layers, tensors, analysis } of [scalar, fused]) {
      expect(analysis.ok).toBe(true);
      expect(Array.from(tensors.get(`${layers[0].id}.weight`)!.value)).toEqual([2, 2, 2, 2]);
      expect(Array.from(tensors.get(`${layers[0].id}.bias`)!.value)).toEqual(ramp([4]).floats);
    }
  });

  it('refuses a Scale or B of another size, naming the input, its shape and the size it needs', () => {
    for (const [input, initializers] of [
      [2, { s: ramp([3], 1), b: ramp([4]) }],
      [3, { s: ramp([4], 1), b: ramp([2, 4]) }],
    ] as const) {
      const { report } = load({ nodes: [{ op: 'LayerNormalization', inputs: ['input', 's', 'b'] }], initializers });
      expect(report.unsupported[0]).toMatchObject({
        reason: 'onnx-constant-size',
        args: { input, shape: input === 2 ? '[3]' : '[2, 4]', expected: 4 },
      });
    }
  });

  it('fuses the pattern without the affine part (elementwise_affine=False) and without the bias', () => {
    const [bare, scaled] = [7, 8].map((kept) =>
      load({
        opset: 13,
        initializers: decomposedWeights,
        nodes: [...decomposedNodes(['n6', 'w'], ['n7', 'b']).slice(0, kept), { op: 'Relu', inputs: [`n${kept - 1}`] }],
      }),
    );
    for (const [fused, weight] of [
      [bare, [1, 1, 1, 1]],
      [scaled, ramp([4], 1).floats],
    ] as const) {
      expect(fused.layers.map((n) => [n.op, n.params])).toEqual([
        ['layernorm', { eps: 1e-4 }],
        ['relu', {}],
      ]);
      expect(fused.report.rewrites).toContainEqual({ code: 'layernorm-fused', count: 1 });
      const id = fused.layers[0].id;
      expect(Array.from(fused.tensors.get(`${id}.weight`)!.value)).toEqual(weight);
      expect(Array.from(fused.tensors.get(`${id}.bias`)!.value)).toEqual([0, 0, 0, 0]);
    }
  });

  it('keeps the pattern as it is when a value inside it has another reader', () => {
    // x - mean, the variance and the normalized x each read by a Relu as well.
    for (const reader of ['n1', 'n3', 'n6']) {
      const kept = decomposed(
        13,
        undefined,
        undefined,
        { op: 'Relu', inputs: [reader] },
        { op: 'Add', inputs: ['n8', 'n9'] },
      );
      expect(kept.report.rewrites.map((r) => r.code)).not.toContain('layernorm-fused');
      expect(kept.layers.map((n) => n.op)).toContain('onnx:ReduceMean');
    }
  });
});

describe('GroupNorm as PyTorch writes it', () => {
  /**
   * nn.GroupNorm(2, 4) over [4, 3, 3]: Reshape [0, 2, -1], InstanceNormalization, Reshape to Shape(x), Mul by w, Add of
   * b; the first `kept` of those nodes.
   */
  const grouped = (
    {
      mul = ['n3', 'w'],
      add = ['n4', 'b'],
      scale = [1, 1],
      target = [0, 2, -1],
      w = ramp([4, 1, 1], 1),
      b = ramp([4, 1, 1]),
      kept = 6,
    } = {},
    ...after: TestNode[]
  ) =>
    load({
      input: { dims: ['batch', 4, 3, 3] },
      initializers: {
        target: { dims: [3], ints: target },
        unit: { dims: [2], floats: scale },
        zero: { dims: [2], floats: [0, 0] },
        w,
        b,
      },
      nodes: [
        ...[
          { op: 'Reshape', inputs: ['input', 'target'] },
          { op: 'InstanceNormalization', inputs: ['n0', 'unit', 'zero'], attributes: { epsilon: { float: 1e-4 } } },
          { op: 'Shape', inputs: ['input'] },
          { op: 'Reshape', inputs: ['n1', 'n2'] },
          { op: 'Mul', inputs: mul },
          { op: 'Add', inputs: add },
        ].slice(0, kept),
        ...after,
      ],
    });

  it('fuses Reshape, InstanceNormalization, Reshape back, Mul and Add into groupnorm, in either operand order', () => {
    for (const fused of [grouped(), grouped({ mul: ['w', 'n3'], add: ['b', 'n4'] })]) {
      expect(fused.layers.map((n) => [n.op, n.params])).toEqual([['groupnorm', { groups: 2, eps: 1e-4 }]]);
      expect(fused.analysis.ok).toBe(true);
      expect(fused.report.rewrites).toContainEqual({ code: 'groupnorm-fused', count: 1 });
      const id = fused.layers[0].id;
      expect(fused.tensors.get(`${id}.weight`)).toEqual({ shape: [4], value: Float32Array.from(ramp([4], 1).floats!) });
      expect(fused.tensors.get(`${id}.bias`)).toEqual({ shape: [4], value: Float32Array.from(ramp([4]).floats!) });
    }
  });

  it('keeps the pattern when the scale is not ones, the target is not [0, G, -1], or a value has another reader', () => {
    const notFused = [
      grouped({ scale: [1, 2] }),
      grouped({ target: [0, 2, 18] }),
      ...['n0', 'n1', 'n3'].map((reader) =>
        grouped({}, { op: 'Relu', inputs: [reader] }, { op: 'Add', inputs: ['n5', 'n6'] }),
      ),
    ];
    for (const kept of notFused) {
      expect(kept.report.rewrites.map((r) => r.code)).not.toContain('groupnorm-fused');
      expect(kept.layers.map((n) => n.op)).toContain('onnx:InstanceNormalization');
    }
  });

  it('takes one weight and one bias for every channel, as PyTorch writes affine=False (shape [1, 1, 1])', () => {
    for (const [w, b] of [
      [1, 0],
      [2, -0.5],
    ]) {
      const fused = grouped({ w: { dims: [1, 1, 1], floats: [w] }, b: { dims: [1, 1, 1], floats: [b] } });
      expect(fused.layers.map((n) => [n.op, n.params])).toEqual([['groupnorm', { groups: 2, eps: 1e-4 }]]);
      expect(fused.analysis.ok).toBe(true);
      const id = fused.layers[0].id;
      expect(Array.from(fused.tensors.get(`${id}.weight`)!.value)).toEqual([w, w, w, w]);
      expect(Array.from(fused.tensors.get(`${id}.bias`)!.value)).toEqual([b, b, b, b]);
    }
  });

  it('fuses the pattern without the Mul and Add (a weight of ones) and without the Add (a zero bias)', () => {
    const [bare, scaled] = [4, 5].map((kept) => grouped({ kept }, { op: 'Relu', inputs: [`n${kept - 1}`] }));
    for (const [fused, weight] of [
      [bare, [1, 1, 1, 1]],
      [scaled, ramp([4], 1).floats],
    ] as const) {
      expect(fused.layers.map((n) => [n.op, n.params])).toEqual([
        ['groupnorm', { groups: 2, eps: 1e-4 }],
        ['relu', {}],
      ]);
      expect(fused.analysis.ok).toBe(true);
      expect(fused.report.rewrites).toContainEqual({ code: 'groupnorm-fused', count: 1 });
      const id = fused.layers[0].id;
      expect(Array.from(fused.tensors.get(`${id}.weight`)!.value)).toEqual(weight);
      expect(Array.from(fused.tensors.get(`${id}.bias`)!.value)).toEqual([0, 0, 0, 0]);
    }
  });

  it('keeps the pattern without the Add, or without the Mul and Add, when the normalized x has another reader', () => {
    const notFused = [
      // The Reshape back read by the Relu and the Sigmoid; by the Mul and the Relu.
      grouped(
        { kept: 4 },
        { op: 'Relu', inputs: ['n3'] },
        { op: 'Sigmoid', inputs: ['n3'] },
        { op: 'Add', inputs: ['n4', 'n5'] },
      ),
      grouped({ kept: 5 }, { op: 'Relu', inputs: ['n3'] }, { op: 'Add', inputs: ['n4', 'n5'] }),
    ];
    for (const kept of notFused) {
      expect(kept.report.rewrites.map((r) => r.code)).not.toContain('groupnorm-fused');
      expect(kept.layers.map((n) => n.op)).toContain('onnx:InstanceNormalization');
    }
  });
});

describe('activations', () => {
  it.each([
    ['Relu', {}, 'relu', {}],
    ['Sigmoid', {}, 'sigmoid', {}],
    ['Tanh', {}, 'tanh', {}],
    ['LeakyRelu', {}, 'leakyrelu', { negativeSlope: 0.01 }],
    ['LeakyRelu', { alpha: { float: 0.2 } }, 'leakyrelu', { negativeSlope: 0.2 }],
    ['Elu', {}, 'elu', { alpha: 1 }],
    ['Elu', { alpha: { float: 0.7 } }, 'elu', { alpha: 0.7 }],
    ['Softmax', {}, 'softmax', {}],
    ['Softmax', { axis: 1 }, 'softmax', {}],
  ] as const)('%s %j becomes %s %j', (op, attributes, kind, params) => {
    const { layers } = load({ nodes: [{ op, inputs: ['input'], attributes: attributes as never }] });
    expect(layers.map((n) => [n.op, n.params])).toEqual([[kind, params]]);
  });

  it('takes Softmax without axis as the features at opset 11 (default 1) and 13 (default -1)', () => {
    for (const opset of [11, 13]) {
      expect(load({ opset, nodes: [{ op: 'Softmax', inputs: ['input'] }] }).layers[0].op).toBe('softmax');
    }
  });

  it('refuses Softmax over the batch, or over an image', () => {
    const batch = load({ nodes: [{ op: 'Softmax', inputs: ['input'], attributes: { axis: 0 } }] });
    expect(batch.report.unsupported[0]).toMatchObject({ args: { attribute: 'axis', value: '0' } });
    const image = load({ input: IMAGE, nodes: [{ op: 'Softmax', inputs: ['input'] }] });
    expect(image.report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-rank',
      args: { shape: '[batch, 2, 5, 5]' },
    });
  });

  it('takes PRelu with one slope, or one per channel ([C, 1, 1]) or feature ([F]), and refuses other slopes', () => {
    const prelu = (input: TestModel['input'], slope: { dims: number[]; floats: number[] }) =>
      load({ input, initializers: { a: slope }, nodes: [{ op: 'PRelu', inputs: ['input', 'a'] }] });
    const shared = prelu(undefined, { dims: [1], floats: [0.25] });
    expect(shared.layers.map((n) => [n.op, n.params])).toEqual([['prelu', { perChannel: false }]]);
    expect(Array.from(shared.tensors.get(`${shared.layers[0].id}.weight`)!.value)).toEqual([0.25]);
    const image = prelu(IMAGE, { dims: [2, 1, 1], floats: [0.1, 0.2] });
    expect(image.layers.map((n) => [n.op, n.params])).toEqual([['prelu', { perChannel: true }]]);
    expect(image.tensors.get(`${image.layers[0].id}.weight`)!.shape).toEqual([2]);
    expect(image.analysis.ok).toBe(true);
    // PyTorch without constant folding writes the slopes as Unsqueeze(weight, [1, 2]): folded into the weight.
    for (const opset of [11, 13]) {
      const unsqueezed = load({
        opset,
        input: IMAGE,
        initializers: { a: { dims: [2], floats: [0.1, 0.2] }, axes: { dims: [2], ints: [1, 2] } },
        nodes: [
          opset >= 13
            ? { op: 'Unsqueeze', inputs: ['a', 'axes'] }
            : { op: 'Unsqueeze', inputs: ['a'], attributes: { axes: [1, 2] } },
          { op: 'PRelu', inputs: ['input', 'n0'] },
        ],
      });
      expect(unsqueezed.layers.map((n) => [n.op, n.params])).toEqual([['prelu', { perChannel: true }]]);
      expect(unsqueezed.report.rewrites).toContainEqual({ code: 'constant-folded', count: 1 });
    }
    // [2] against [2, 5, 5] broadcasts over the width, not the channels.
    expect(prelu(IMAGE, { dims: [2], floats: [0.1, 0.2] }).report.unsupported[0]).toMatchObject({
      args: { attribute: 'slope', value: '[2]' },
    });
  });

  it('fuses x * Sigmoid(x) into SiLU in either order, and keeps a Sigmoid another node also reads', () => {
    for (const inputs of [
      ['input', 'n0'],
      ['n0', 'input'],
    ]) {
      const fused = load({
        nodes: [
          { op: 'Sigmoid', inputs: ['input'] },
          { op: 'Mul', inputs },
        ],
      });
      expect(fused.layers.map((n) => n.op)).toEqual(['silu']);
      expect(fused.analysis.ok).toBe(true);
      expect(fused.report.rewrites).toContainEqual({ code: 'silu-fused', count: 1 });
    }
    const shared = load({
      nodes: [
        { op: 'Sigmoid', inputs: ['input'] },
        { op: 'Mul', inputs: ['input', 'n0'] },
        { op: 'Add', inputs: ['n1', 'n0'] },
      ],
    });
    expect(shared.layers.map((n) => n.op)).toEqual(['sigmoid', 'onnx:Mul', 'add']);
  });

  it('takes Softplus at any opset and Mish at opset 18 on, and fuses x * Tanh(Softplus(x)) into Mish in either order', () => {
    for (const opset of [11, 17])
      expect(load({ opset, nodes: [{ op: 'Softplus', inputs: ['input'] }] }).layers.map((n) => n.op)).toEqual([
        'softplus',
      ]);
    expect(load({ opset: 18, nodes: [{ op: 'Mish', inputs: ['input'] }] }).layers.map((n) => n.op)).toEqual(['mish']);
    expect(load({ nodes: [{ op: 'Mish', inputs: ['input'] }] }).report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-op',
      args: { op: 'Mish', opset: 17 },
    });
    const mish = (mul: string[], ...after: TestNode[]) =>
      load({
        nodes: [
          { op: 'Softplus', inputs: ['input'] },
          { op: 'Tanh', inputs: ['n0'] },
          { op: 'Mul', inputs: mul },
          ...after,
        ],
      });
    for (const fused of [mish(['input', 'n1']), mish(['n1', 'input'])]) {
      expect(fused.layers.map((n) => n.op)).toEqual(['mish']);
      expect(fused.analysis.ok).toBe(true);
      expect(fused.report.rewrites).toContainEqual({ code: 'mish-fused', count: 1 });
    }
    // A Softplus or a Tanh something else also reads, or a Tanh(Softplus(x)) times another value, is left as it is.
    for (const kept of [
      mish(['input', 'n1'], { op: 'Add', inputs: ['n2', 'n0'] }),
      mish(['input', 'n1'], { op: 'Add', inputs: ['n2', 'n1'] }),
    ])
      expect(kept.layers.map((n) => n.op)).toEqual(['softplus', 'tanh', 'onnx:Mul', 'add']);
    expect(mish(['n0', 'n1']).layers.map((n) => n.op)).toEqual(['softplus', 'tanh', 'onnx:Mul']);
  });

  it('takes HardSwish at opset 14 on, and fuses x * HardSigmoid(x) with alpha 1/6 and beta 1/2 before it', () => {
    expect(load({ nodes: [{ op: 'HardSwish', inputs: ['input'] }] }).layers.map((n) => n.op)).toEqual(['hardswish']);
    expect(load({ opset: 13, nodes: [{ op: 'HardSwish', inputs: ['input'] }] }).report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-op',
      args: { op: 'HardSwish', opset: 13 },
    });
    const pytorch = load({
      opset: 13,
      nodes: [
        { op: 'HardSigmoid', inputs: ['input'], attributes: { alpha: { float: 1 / 6 }, beta: { float: 0.5 } } },
        { op: 'Mul', inputs: ['input', 'n0'] },
      ],
    });
    expect(pytorch.layers.map((n) => n.op)).toEqual(['hardswish']);
    expect(pytorch.report.rewrites).toContainEqual({ code: 'hardswish-fused', count: 1 });
    // ONNX's default HardSigmoid (alpha 0.2) times x is another function: left as it is.
    const other = load({
      opset: 13,
      nodes: [
        { op: 'HardSigmoid', inputs: ['input'] },
        { op: 'Mul', inputs: ['input', 'n0'] },
      ],
    });
    expect(other.layers.map((n) => n.op)).toEqual(['onnx:HardSigmoid', 'onnx:Mul']);
  });

  it('drops a LogSoftmax over the features at the output (the scores it shifts give the same softmax), only there', () => {
    for (const [opset, attributes] of [
      [13, {}],
      [11, {}],
      [13, { axis: 1 }],
    ] as const) {
      const dropped = load({
        opset,
        initializers: { w: ramp([3, 4]) },
        nodes: [
          { op: 'Gemm', inputs: ['input', 'w'], attributes: { transB: 1 } },
          { op: 'LogSoftmax', inputs: ['n0'], attributes },
        ],
      });
      expect(dropped.layers.map((n) => n.op)).toEqual(['dense']);
      expect(dropped.report.rewrites).toContainEqual({ code: 'log-softmax-dropped', count: 1 });
    }
    // Over the batch, or with another reader, it is not the classifier's last step: kept (and marked).
    const batch = load({ nodes: [{ op: 'LogSoftmax', inputs: ['input'], attributes: { axis: 0 } }] });
    expect(batch.layers.map((n) => n.op)).toEqual(['onnx:LogSoftmax']);
    const inside = load({
      nodes: [
        { op: 'LogSoftmax', inputs: ['input'] },
        { op: 'Relu', inputs: ['n0'] },
      ],
    });
    expect(inside.layers.map((n) => n.op)).toEqual(['onnx:LogSoftmax', 'relu']);
  });

  it('takes Clip to 0..6 as ReLU6 and from 0 with no top as ReLU, as inputs (opset 11 on) or attributes', () => {
    const c = (v: number) => ({ dims: [], floats: [v] });
    const initializers = { zero: c(0), six: c(6), five: c(5) };
    const clip = (inputs: string[], opset = 13) => load({ opset, initializers, nodes: [{ op: 'Clip', inputs }] });
    expect(clip(['input', 'zero', 'six']).layers.map((n) => n.op)).toEqual(['relu6']);
    expect(clip(['input', 'zero']).layers.map((n) => n.op)).toEqual(['relu']);
    expect(clip(['input', 'zero', '']).layers.map((n) => n.op)).toEqual(['relu']);
    expect(clip(['input', 'zero', 'five']).report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-attribute',
      args: { op: 'Clip', attribute: 'min, max', value: '0, 5' },
    });
    expect(clip(['input', '', 'six']).report.unsupported[0]).toMatchObject({ args: { value: 'none, 6' } });
    const attributes = { min: { float: 0 }, max: { float: 6 } };
    const old = load({ opset: 10, nodes: [{ op: 'Clip', inputs: ['input'], attributes }] });
    expect(old.layers.map((n) => n.op)).toEqual(['relu6']);
  });

  it('fuses PyTorch GELU (x * (1 + erf(x / sqrt 2)) * 0.5) in both orders, and takes opset 20 Gelu', () => {
    const c = (v: number) => ({ dims: [], floats: [v] });
    const initializers = { sqrt2: c(Math.SQRT2), one: c(1), half: c(0.5) };
    const first = load({
      initializers,
      nodes: [
        { op: 'Div', inputs: ['input', 'sqrt2'] },
        { op: 'Erf', inputs: ['n0'] },
        { op: 'Add', inputs: ['n1', 'one'] },
        { op: 'Mul', inputs: ['input', 'n2'] },
        { op: 'Mul', inputs: ['n3', 'half'] },
      ],
    });
    expect(first.layers.map((n) => [n.op, n.params])).toEqual([['gelu', { approximate: 'none' }]]);
    const second = load({
      initializers,
      nodes: [
        { op: 'Mul', inputs: ['input', 'half'], outputs: ['h'] },
        { op: 'Div', inputs: ['input', 'sqrt2'] },
        { op: 'Erf', inputs: ['n1'] },
        { op: 'Add', inputs: ['one', 'n2'] },
        { op: 'Mul', inputs: ['h', 'n3'] },
      ],
    });
    expect(second.layers.map((n) => n.op)).toEqual(['gelu']);
    const native = load({ opset: 20, nodes: [{ op: 'Gelu', inputs: ['input'], attributes: { approximate: 'tanh' } }] });
    expect(native.layers.map((n) => [n.op, n.params])).toEqual([['gelu', { approximate: 'tanh' }]]);
    const early = load({ opset: 17, nodes: [{ op: 'Gelu', inputs: ['input'] }] });
    expect(early.report.unsupported[0]).toMatchObject({
      reason: 'onnx-unsupported-op',
      args: { op: 'Gelu', opset: 17 },
    });
  });

  it('fuses the tanh form of GELU with x³ as Pow(x, 3), the constants first, and leaves it when a constant is off', () => {
    const c = (v: number) => ({ dims: [], floats: [v] });
    const tanhForm = (kappa: number) => ({
      initializers: { three: c(3), kappa: c(kappa), beta: c(Math.sqrt(2 / Math.PI)), one: c(1), half: c(0.5) },
      nodes: [
        { op: 'Pow', inputs: ['input', 'three'] },
        { op: 'Mul', inputs: ['kappa', 'n0'] },
        { op: 'Add', inputs: ['n1', 'input'] },
        { op: 'Mul', inputs: ['beta', 'n2'] },
        { op: 'Tanh', inputs: ['n3'] },
        { op: 'Add', inputs: ['one', 'n4'] },
        { op: 'Mul', inputs: ['n5', 'input'] },
        { op: 'Mul', inputs: ['half', 'n6'] },
      ],
    });
    const fused = load(tanhForm(0.044715));
    expect(fused.layers.map((n) => [n.op, n.params])).toEqual([['gelu', { approximate: 'tanh' }]]);
    expect(fused.report.rewrites).toContainEqual({ code: 'gelu-tanh-fused', count: 1 });
    const other = load(tanhForm(0.05));
    expect(other.layers.map((n) => n.op)).toContain('tanh');
  });
});

describe('pooling', () => {
  it('MaxPool: ONNX strides default to 1, so the stride is always written out', () => {
    const { layers, analysis } = onImage({ op: 'MaxPool', inputs: ['input'], attributes: { kernel_shape: [2, 2] } });
    expect(layers[0]).toMatchObject({ op: 'maxpool2d', params: { kernelSize: 2, stride: 1, padding: 0 } });
    expect(analysis.nodes[layers[0].id].outputShape).toEqual([2, 4, 4]);
  });

  it('MaxPool ceil_mode: taken when the windows fit exactly, refused when it would add a window', () => {
    const exact = onImage({
      op: 'MaxPool',
      inputs: ['input'],
      attributes: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
    });
    expect(exact.layers[0].op).toBe('maxpool2d');
    const ragged = onImage({
      op: 'MaxPool',
      inputs: ['input'],
      attributes: { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 },
    });
    expect(ragged.report.unsupported[0]).toMatchObject({ args: { attribute: 'ceil_mode' } });
  });

  it('AveragePool: padding only when padded zeros count; a zero Pad before it becomes its padding', () => {
    const counted = onImage({
      op: 'AveragePool',
      inputs: ['input'],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], count_include_pad: 1 },
    });
    expect(counted.layers[0]).toMatchObject({ op: 'avgpool2d', params: { kernelSize: 3, stride: 1, padding: 1 } });
    const excluded = onImage({
      op: 'AveragePool',
      inputs: ['input'],
      attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] },
    });
    expect(excluded.report.unsupported[0]).toMatchObject({ args: { attribute: 'count_include_pad', value: '0' } });
    const padded = load({
      input: IMAGE,
      initializers: { pads: { dims: [8], ints: [0, 0, 1, 1, 0, 0, 1, 1] }, zero: { dims: [], floats: [0] } },
      nodes: [
        { op: 'Pad', inputs: ['input', 'pads', 'zero'] },
        { op: 'AveragePool', inputs: ['n0'], attributes: { kernel_shape: [3, 3] } },
      ],
    });
    expect(padded.layers.map((n) => [n.op, n.params])).toEqual([
      ['avgpool2d', { kernelSize: 3, stride: 1, padding: 1 }],
    ]);
  });

  it('GlobalAveragePool and ReduceMean over [2, 3] are one pooling layer; the Flatten or Squeeze after them vanishes', () => {
    const gap = load({
      input: IMAGE,
      nodes: [
        { op: 'GlobalAveragePool', inputs: ['input'] },
        { op: 'Flatten', inputs: ['n0'] },
      ],
    });
    expect(gap.layers.map((n) => n.op)).toEqual(['globalavgpool2d']);
    expect(gap.analysis.nodes[gap.layers[0].id].outputShape).toEqual([2]);
    const squeezed = load({
      input: IMAGE,
      initializers: { axes: { dims: [2], ints: [2, 3] } },
      nodes: [
        { op: 'GlobalAveragePool', inputs: ['input'] },
        { op: 'Squeeze', inputs: ['n0', 'axes'] },
      ],
    });
    expect(squeezed.layers.map((n) => n.op)).toEqual(['globalavgpool2d']);
    const mean = load({
      input: IMAGE,
      nodes: [{ op: 'ReduceMean', inputs: ['input'], attributes: { axes: [-2, -1], keepdims: 0 } }],
    });
    expect(mean.layers.map((n) => n.op)).toEqual(['globalavgpool2d']);
    const mean18 = load({
      opset: 18,
      input: IMAGE,
      initializers: { axes: { dims: [2], ints: [2, 3] } },
      nodes: [{ op: 'ReduceMean', inputs: ['input', 'axes'] }],
    });
    expect(mean18.layers.map((n) => n.op)).toEqual(['globalavgpool2d']);
    const channels = load({
      input: IMAGE,
      nodes: [{ op: 'ReduceMean', inputs: ['input'], attributes: { axes: [1] } }],
    });
    expect(channels.report.unsupported[0]).toMatchObject({ args: { attribute: 'axes', value: '[1]' } });
  });
});

describe('flattening', () => {
  it('Flatten axis 1 is flatten; other axes are refused', () => {
    expect(load({ input: IMAGE, nodes: [{ op: 'Flatten', inputs: ['input'] }] }).layers[0].op).toBe('flatten');
    const axis2 = load({ input: IMAGE, nodes: [{ op: 'Flatten', inputs: ['input'], attributes: { axis: 2 } }] });
    expect(axis2.report.unsupported[0]).toMatchObject({ args: { attribute: 'axis', value: '2' } });
  });

  it("folds PyTorch's Shape -> Gather -> Unsqueeze -> Concat -> Reshape chain into flatten", () => {
    const { layers, report } = load({
      input: IMAGE,
      initializers: { zero: { dims: [], ints: [0] }, minusOne: { dims: [1], ints: [-1], raw: true } },
      nodes: [
        { op: 'Shape', inputs: ['input'] },
        { op: 'Gather', inputs: ['n0', 'zero'], attributes: { axis: 0 } },
        { op: 'Unsqueeze', inputs: ['n1'], attributes: { axes: [0] } },
        { op: 'Concat', inputs: ['n2', 'minusOne'], attributes: { axis: 0 } },
        { op: 'Reshape', inputs: ['input', 'n3'] },
      ],
      opset: 11,
    });
    expect(layers.map((n) => n.op)).toEqual(['flatten']);
    expect(report.rewrites.map((r) => r.count)).toContain(4);
  });

  it('takes Reshape to [-1, C*H*W] and [0, -1]; refuses other targets, naming them', () => {
    const reshape = (ints: number[]) =>
      load({
        input: IMAGE,
        initializers: { s: { dims: [ints.length], ints } },
        nodes: [{ op: 'Reshape', inputs: ['input', 's'] }],
      });
    expect(reshape([-1, 50]).layers[0].op).toBe('flatten');
    expect(reshape([0, -1]).layers[0].op).toBe('flatten');
    expect(reshape([0, 2, -1]).report.unsupported[0]).toMatchObject({
      args: { attribute: 'shape', value: '[0, 2, -1]' },
    });
  });

  it('takes Reshape to [1, -1] as flatten only in a file whose batch is fixed at 1', () => {
    const reshape = (batch: number | string) =>
      load({
        input: { dims: [batch, 2, 5, 5] },
        initializers: { s: { dims: [2], ints: [1, -1] } },
        nodes: [{ op: 'Reshape', inputs: ['input', 's'] }],
      });
    // torch.onnx.export from one sample without dynamic axes writes x.view(x.size(0), -1) as [1, -1].
    expect(reshape(1).layers[0].op).toBe('flatten');
    expect(reshape(1).analysis.ok).toBe(true);
    // With a batch axis, a 1 there would put every sample's features in one row.
    expect(reshape('batch').report.unsupported[0]).toMatchObject({ args: { attribute: 'shape', value: '[1, -1]' } });
  });
});

describe('merges', () => {
  it('Add and Concat of two computed tensors are add and concat with ports in order', () => {
    const { spec } = load({
      nodes: [
        { op: 'Relu', inputs: ['input'] },
        { op: 'Sigmoid', inputs: ['input'] },
        { op: 'Add', inputs: ['n1', 'n0'] },
        { op: 'Concat', inputs: ['n2', 'n0'], attributes: { axis: 1 } },
      ],
    });
    expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'relu', 'sigmoid', 'add', 'concat']);
    // Test nodes are named node0, node1 ... which are valid ids, so the layers keep them.
    expect(spec.edges.filter((e) => e.to === 'node2')).toEqual([
      { from: 'node1', to: 'node2', toPort: 0 },
      { from: 'node0', to: 'node2', toPort: 1 },
    ]);
  });

  it('takes a Concat of four as a chain of three concats of two, joined left to right', () => {
    // DeepLab's ASPP: one torch.cat of its branches.
    const { spec, analysis, report } = load({
      input: IMAGE,
      nodes: [
        { op: 'Relu', inputs: ['input'] },
        { op: 'Sigmoid', inputs: ['input'] },
        // Named as the chain's first made-up value would be: the chain must take another name.
        { op: 'Tanh', inputs: ['input'], outputs: ['cat_1'] },
        { op: 'Concat', inputs: ['n0', 'n1', 'cat_1', 'input'], attributes: { axis: 1 }, outputs: ['cat'] },
        { op: 'Flatten', inputs: ['cat'] },
      ],
    });
    expect(analysis.problems).toEqual([]);
    expect(report.rewrites).toContainEqual({ code: 'concat-split', count: 1 });
    expect(spec.nodes.map((n) => n.op)).toEqual([
      'input',
      'relu',
      'sigmoid',
      'tanh',
      'concat',
      'concat',
      'concat',
      'flatten',
    ]);
    const [first, second, third] = spec.nodes.filter((n) => n.op === 'concat').map((n) => n.id);
    const into = (id: string) => spec.edges.filter((e) => e.to === id).map((e) => [e.from, e.toPort]);
    expect(into(first)).toEqual([
      ['node0', 0],
      ['node1', 1],
    ]);
    expect(into(second)).toEqual([
      [first, 0],
      ['node2', 1],
    ]);
    expect(into(third)).toEqual([
      [second, 0],
      ['input', 1],
    ]);
    // The last keeps the Concat's name and output.
    expect(third).toBe('node3');
    expect(analysis.nodes[third].outputShape).toEqual([8, 5, 5]);
    expect(analysis.nodes[spec.nodes[7].id].outputShape).toEqual([200]);
  });

  it('refuses Add of a constant and a Concat of three along axis 0', () => {
    const constant = load({ initializers: { c: ramp([4]) }, nodes: [{ op: 'Add', inputs: ['input', 'c'] }] });
    expect(constant.report.unsupported[0]).toMatchObject({ reason: 'onnx-unexpected-constant', args: { input: 2 } });
    const three = load({ nodes: [{ op: 'Concat', inputs: ['input', 'input', 'input'], attributes: { axis: 0 } }] });
    expect(three.report.unsupported[0]).toMatchObject({ reason: 'onnx-too-many-inputs', args: { count: 3 } });
  });
});
