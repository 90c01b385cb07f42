// Output shapes and trainable parameter counts per layer, the LeNet and small-CNN totals, order and advice.
import { describe, expect, it } from 'vitest';
import { problemText } from './problemText';
import { analyze } from './analyze';
import { chain, graph, type NodeRow } from './testSpecs';
import { LAYERS } from './catalogue';
import type { LossKind } from '../train/config';
import type { ModelSpec, OpKind, ParamValue } from './types';

/** Shape and parameter count of the last node of `input -> layer`. */
function layerOn(inputShape: number[], op: string, params?: Record<string, ParamValue>) {
  const analysis = analyze(
    chain([
      ['in', 'input', { shape: inputShape }],
      ['layer', op, params],
    ]),
  );
  expect(analysis.problems).toEqual([]);
  return analysis.nodes.layer;
}

describe('analyze: shapes and parameter counts', () => {
  it('dense: [in] -> [units], in*units + units weights (no bias: in*units)', () => {
    expect(layerOn([20], 'dense', { units: 5 })).toMatchObject({ outputShape: [5], params: 105 });
    expect(layerOn([20], 'dense', { units: 5, bias: false })).toMatchObject({ outputShape: [5], params: 100 });
  });

  it('conv2d: filters*C*kh*kw (+ filters) for stride 2 with padding', () => {
    expect(layerOn([3, 32, 32], 'conv2d', { filters: 8, kernelSize: 3, stride: 2, padding: 1 })).toMatchObject({
      outputShape: [8, 16, 16],
      params: 8 * 3 * 3 * 3 + 8,
    });
  });

  it('conv2d: non-square kernel [3, 2] with padding [1, 0]', () => {
    expect(layerOn([2, 5, 4], 'conv2d', { filters: 4, kernelSize: [3, 2], padding: [1, 0] })).toMatchObject({
      outputShape: [4, 5, 3],
      params: 4 * 2 * 3 * 2 + 4,
    });
  });

  it("conv2d: 'same' keeps the size, 'valid' shrinks it, bias off drops filters params", () => {
    expect(layerOn([1, 7, 9], 'conv2d', { filters: 2, kernelSize: 5, padding: 'same' })).toMatchObject({
      outputShape: [2, 7, 9],
      params: 52,
    });
    expect(layerOn([1, 7, 9], 'conv2d', { filters: 2, kernelSize: 5, padding: 'valid', bias: false })).toMatchObject({
      outputShape: [2, 3, 5],
      params: 50,
    });
  });

  it("conv2d dilated: the output follows the dilated span, 'same' keeps the size, the weights are as many", () => {
    // 3x3 dilated by 2 spans 5x5: [4, 9, 7] -> [8, 5, 3]; [2, 3] spans 5x7 -> [8, 5, 1].
    expect(layerOn([4, 9, 7], 'conv2d', { filters: 8, kernelSize: 3, dilation: 2 })).toMatchObject({
      outputShape: [8, 5, 3],
      params: 8 * 4 * 3 * 3 + 8,
    });
    expect(layerOn([4, 9, 7], 'conv2d', { filters: 8, kernelSize: 3, dilation: [2, 3] })).toMatchObject({
      outputShape: [8, 5, 1],
    });
    // DeepLab's ASPP branch: 3x3, dilation 6, 'same'; and a depthwise one.
    expect(layerOn([4, 9, 7], 'conv2d', { filters: 8, dilation: 6, padding: 'same' })).toMatchObject({
      outputShape: [8, 9, 7],
      params: 8 * 4 * 9 + 8,
    });
    expect(layerOn([4, 9, 7], 'conv2d', { filters: 4, groups: 4, dilation: 2, padding: 2 })).toMatchObject({
      outputShape: [4, 9, 7],
      params: 4 * 9 + 4,
    });
  });

  it('pools keep the channels and use the window as stride by default', () => {
    expect(layerOn([4, 7, 7], 'maxpool2d')).toMatchObject({ outputShape: [4, 3, 3], params: 0 });
    expect(layerOn([4, 7, 7], 'maxpool2d', { kernelSize: 3, stride: 1, padding: 1 })).toMatchObject({
      outputShape: [4, 7, 7],
    });
    expect(layerOn([2, 6, 6], 'avgpool2d', { kernelSize: [2, 3], stride: [2, 1] })).toMatchObject({
      outputShape: [2, 3, 4],
    });
    expect(layerOn([5, 6, 4], 'globalavgpool2d')).toMatchObject({ outputShape: [5], params: 0 });
  });

  it('flatten, batch norm, activations and dropout', () => {
    expect(layerOn([16, 5, 5], 'flatten')).toMatchObject({ outputShape: [400], params: 0 });
    expect(layerOn([16, 5, 5], 'batchnorm2d')).toMatchObject({ outputShape: [16, 5, 5], params: 32 });
    expect(layerOn([12], 'layernorm')).toMatchObject({ outputShape: [12], params: 24 });
    expect(layerOn([6, 5, 5], 'groupnorm')).toMatchObject({ outputShape: [6, 5, 5], params: 12 });
    expect(layerOn([6, 5, 5], 'groupnorm', { groups: 3 })).toMatchObject({ outputShape: [6, 5, 5], params: 12 });
    expect(layerOn([12], 'batchnorm1d')).toMatchObject({ outputShape: [12], params: 24 });
    for (const op of ['relu', 'leakyrelu', 'sigmoid', 'tanh', 'gelu', 'identity', 'dropout']) {
      expect(layerOn([3, 4, 4], op), op).toMatchObject({ outputShape: [3, 4, 4], params: 0 });
    }
    expect(layerOn([10], 'softmax')).toMatchObject({ outputShape: [10] });
  });

  it('add keeps the shape; concat joins along the first dimension', () => {
    const nodes: NodeRow[] = [
      ['in', 'input', { shape: [8, 6, 6] }],
      ['conv', 'conv2d', { filters: 4, padding: 1 }],
      ['merge', 'concat'],
    ];
    const joined = analyze(
      graph(nodes, [
        ['in', 'conv'],
        ['in', 'merge', 0],
        ['conv', 'merge', 1],
      ]),
    );
    expect(joined.nodes.merge.outputShape).toEqual([12, 6, 6]);
    const residual = analyze(
      graph(
        [
          ['in', 'input', { shape: [8, 6, 6] }],
          ['conv', 'conv2d', { filters: 8, padding: 1 }],
          ['sum', 'add'],
        ],
        [
          ['in', 'conv'],
          ['conv', 'sum'],
          ['in', 'sum'],
        ],
      ),
    );
    expect(residual.nodes.sum.outputShape).toEqual([8, 6, 6]);
  });

  it.each<[string, number[], string, Record<string, ParamValue> | undefined, string, RegExp]>([
    [
      'dense on an image',
      [16, 5, 5],
      'dense',
      undefined,
      'needs-vector',
      /Dense 'layer' needs a feature vector but gets \[16, 5, 5\]: add a Flatten/,
    ],
    ['conv on a vector', [784], 'conv2d', undefined, 'needs-image', /gets \[784\]/],
    ['max pool on a vector', [784], 'maxpool2d', undefined, 'needs-image', /needs a \[channels, height, width\] image/],
    [
      'global pool on a vector',
      [784],
      'globalavgpool2d',
      undefined,
      'needs-image',
      /needs a \[channels, height, width\] image/,
    ],
    ['batchnorm1d on an image', [3, 8, 8], 'batchnorm1d', undefined, 'batchnorm1d-needs-vector', /use BatchNorm2D/],
    ['batchnorm2d on a vector', [64], 'batchnorm2d', undefined, 'batchnorm2d-needs-image', /use BatchNorm1D/],
    [
      'layernorm on an image',
      [3, 8, 8],
      'layernorm',
      undefined,
      'layernorm-needs-vector',
      /after a Flatten or a Dense/,
    ],
    ['groupnorm on a vector', [64], 'groupnorm', undefined, 'groupnorm-needs-image', /use LayerNorm/],
    [
      'groupnorm whose groups do not divide the channels',
      [6, 4, 4],
      'groupnorm',
      { groups: 4 },
      'groupnorm-groups',
      /into 4 groups, but 4 does not divide 6/,
    ],
    ['softmax on an image', [10, 2, 2], 'softmax', undefined, 'softmax-needs-vector', /Flatten/],
  ])('rejects %s', (_what, shape, op, params, reason, message) => {
    const analysis = analyze(
      chain([
        ['in', 'input', { shape }],
        ['layer', op, params],
      ]),
    );
    expect(analysis.problems).toHaveLength(1);
    expect(analysis.problems[0]).toMatchObject({
      nodeId: 'layer',
      code: 'shape-mismatch',
      reason,
      args: { node: `${LAYERS[op as OpKind].name} 'layer'`, shape: `[${shape.join(', ')}]` },
    });
    expect(problemText(analysis.problems[0])).toMatch(message);
  });

  it('rejects add of different shapes and concat that differs beyond the first dimension', () => {
    const add = analyze(
      graph(
        [
          ['in', 'input', { shape: [3, 8, 8] }],
          ['conv', 'conv2d', { filters: 4, padding: 1 }],
          ['sum', 'add'],
        ],
        [
          ['in', 'conv'],
          ['in', 'sum'],
          ['conv', 'sum'],
        ],
      ),
    );
    expect(add.problems).toMatchObject([{ nodeId: 'sum', code: 'shape-mismatch' }]);
    expect(problemText(add.problems[0])).toContain('[3, 8, 8]');
    expect(problemText(add.problems[0])).toContain('[4, 8, 8]');
    const vectors = analyze(
      graph(
        [
          ['in', 'input', { shape: [3] }],
          ['fc', 'dense', { units: 5 }],
          ['cat', 'concat'],
        ],
        [
          ['in', 'cat'],
          ['in', 'fc'],
          ['fc', 'cat'],
        ],
      ),
    );
    expect(vectors.nodes.cat.outputShape).toEqual([8]);
    const mismatched = analyze(
      graph(
        [
          ['in', 'input', { shape: [3, 8, 8] }],
          ['pool', 'maxpool2d'],
          ['cat', 'concat'],
        ],
        [
          ['in', 'pool'],
          ['in', 'cat'],
          ['pool', 'cat'],
        ],
      ),
    );
    expect(mismatched.problems).toMatchObject([{ nodeId: 'cat', code: 'shape-mismatch' }]);
    const ranks = analyze(
      graph(
        [
          ['in', 'input', { shape: [3, 8, 8] }],
          ['flat', 'flatten'],
          ['cat', 'concat'],
        ],
        [
          ['in', 'flat'],
          ['in', 'cat'],
          ['flat', 'cat'],
        ],
      ),
    );
    expect(ranks.problems).toMatchObject([{ nodeId: 'cat', code: 'shape-mismatch' }]);
  });

  it('reports a window larger than its padded input, for conv and pools', () => {
    const conv = analyze(
      chain([
        ['in', 'input', { shape: [1, 4, 4] }],
        ['c', 'conv2d', { kernelSize: 7, padding: 1 }],
      ]),
    );
    expect(conv.problems).toMatchObject([{ nodeId: 'c', code: 'kernel-too-large' }]);
    expect(problemText(conv.problems[0])).toContain('7×7');
    expect(problemText(conv.problems[0])).toContain('6×6 with padding');
    const fits = analyze(
      chain([
        ['in', 'input', { shape: [1, 4, 4] }],
        ['c', 'conv2d', { kernelSize: 6, padding: 1 }],
      ]),
    );
    expect(fits.nodes.c.outputShape).toEqual([16, 1, 1]);
    // A 3x3 kernel dilated by 3 spans 7x7: too large for 4x4 padded by 1, named by its span.
    const dilated = analyze(
      chain([
        ['in', 'input', { shape: [1, 4, 4] }],
        ['c', 'conv2d', { kernelSize: 3, dilation: 3, padding: 1 }],
      ]),
    );
    expect(dilated.problems).toMatchObject([{ nodeId: 'c', code: 'kernel-too-large', args: { window: '7×7' } }]);
    const pool = analyze(
      chain([
        ['in', 'input', { shape: [3, 1, 5] }],
        ['p', 'avgpool2d'],
      ]),
    );
    expect(pool.problems).toMatchObject([{ nodeId: 'p', code: 'kernel-too-large' }]);
  });

  it('gives a topological order, inputs first, even when the spec lists nodes out of order', () => {
    const spec = graph(
      [
        ['sum', 'add'],
        ['fc2', 'dense', { units: 8 }],
        ['out', 'dense', { units: 2 }],
        ['fc1', 'dense', { units: 8 }],
        ['in', 'input', { shape: [8] }],
      ],
      [
        ['fc2', 'sum'],
        ['fc1', 'sum'],
        ['sum', 'out'],
        ['fc1', 'fc2'],
        ['in', 'fc1'],
      ],
    );
    const analysis = analyze(spec);
    expect(analysis.ok).toBe(true);
    expect(analysis.order).toEqual(['in', 'fc1', 'fc2', 'sum', 'out']);
    expect(analysis.inputId).toBe('in');
    expect(analysis.outputId).toBe('out');
    expect(analysis.totalParams).toBe(72 + 72 + 18);
  });

  it('records resolved param values and inputs per node', () => {
    const analysis = analyze(
      chain([
        ['in', 'input', { shape: [1, 8, 8] }],
        ['pool', 'maxpool2d', { kernelSize: 3 }],
      ]),
    );
    expect(analysis.nodes.pool.paramValues).toEqual({ kernelSize: 3, stride: 3, padding: 0 });
    expect(analysis.nodes.pool.inputs).toEqual(['in']);
    expect(analysis.nodes.in.inputs).toEqual([]);
  });
});

describe('analyze: well-known models', () => {
  it('LeNet-5 on 1x28x28 has 61,706 parameters', () => {
    const analysis = analyze(
      chain([
        ['in', 'input', { shape: [1, 28, 28] }],
        ['conv1', 'conv2d', { filters: 6, kernelSize: 5, padding: 2 }],
        ['relu1', 'relu'],
        ['pool1', 'maxpool2d', { kernelSize: 2 }],
        ['conv2', 'conv2d', { filters: 16, kernelSize: 5 }],
        ['relu2', 'relu'],
        ['pool2', 'maxpool2d', { kernelSize: 2 }],
        ['flat', 'flatten'],
        ['fc1', 'dense', { units: 120 }],
        ['relu3', 'relu'],
        ['fc2', 'dense', { units: 84 }],
        ['relu4', 'relu'],
        ['fc3', 'dense', { units: 10 }],
      ]),
    );
    expect(analysis.problems).toEqual([]);
    const shapes = Object.fromEntries(analysis.order.map((id) => [id, analysis.nodes[id].outputShape]));
    expect(shapes).toMatchObject({
      conv1: [6, 28, 28],
      pool1: [6, 14, 14],
      conv2: [16, 10, 10],
      pool2: [16, 5, 5],
      flat: [400],
      fc3: [10],
    });
    expect([
      analysis.nodes.conv1.params,
      analysis.nodes.conv2.params,
      analysis.nodes.fc1.params,
      analysis.nodes.fc2.params,
      analysis.nodes.fc3.params,
    ]).toEqual([156, 2416, 48120, 10164, 850]);
    expect(analysis.totalParams).toBe(61706);
  });

  it('the small CNN on 3x32x32 (conv with bias, as in PyTorch defaults) has 69,866 parameters', () => {
    const conv = (id: string, filters: number): NodeRow => [id, 'conv2d', { filters, kernelSize: 3, padding: 1 }];
    const analysis = analyze(
      chain([
        ['in', 'input', { shape: [3, 32, 32] }],
        conv('c1', 32),
        ['bn1', 'batchnorm2d'],
        ['r1', 'relu'],
        conv('c2', 32),
        ['bn2', 'batchnorm2d'],
        ['r2', 'relu'],
        ['p1', 'maxpool2d'],
        conv('c3', 64),
        ['bn3', 'batchnorm2d'],
        ['r3', 'relu'],
        ['p2', 'maxpool2d'],
        ['flat', 'flatten'],
        ['fc', 'dense', { units: 10 }],
      ]),
    );
    expect(analysis.problems).toEqual([]);
    expect(analysis.nodes.p2.outputShape).toEqual([64, 8, 8]);
    expect(analysis.nodes.flat.outputShape).toEqual([4096]);
    // conv: 896 + 9248 + 18496; batch norm: 64 + 64 + 128; dense: 40970
    expect(analysis.totalParams).toBe(896 + 9248 + 18496 + 64 + 64 + 128 + 40970);
  });
});

describe('analyze: advice', () => {
  const softmaxOut = chain([
    ['in', 'input', { shape: [4] }],
    ['fc', 'dense', { units: 3 }],
    ['probs', 'softmax'],
    ['tap', 'identity'],
  ]);

  it('warns about a softmax before a cross-entropy loss (also when the loss is not known yet), not before MSE', () => {
    for (const loss of [undefined, 'cross_entropy'] as const) {
      const analysis = analyze(softmaxOut, { loss });
      expect(analysis.ok).toBe(true);
      expect(analysis.warnings).toMatchObject([{ nodeId: 'probs', code: 'softmax-before-loss' }]);
    }
    expect(analyze(softmaxOut, { loss: 'mse' }).warnings).toEqual([]);
  });

  it('warns about a sigmoid before bce_with_logits', () => {
    const spec = chain([
      ['in', 'input', { shape: [4] }],
      ['fc', 'dense', { units: 1 }],
      ['p', 'sigmoid'],
    ]);
    expect(analyze(spec, { loss: 'bce_with_logits' }).warnings).toMatchObject([
      { nodeId: 'p', code: 'sigmoid-before-loss' },
    ]);
    // Under MSE it is a bounded prediction instead (below).
    expect(analyze(spec, { loss: 'mse' }).warnings.map((w) => w.code)).toEqual(['predictions-bounded']);
  });

  it('warns about an activation at the output that keeps scores or predictions within its range', () => {
    const endingIn = (op: string, params: Record<string, ParamValue> = {}) =>
      chain([
        ['in', 'input', { shape: [4] }],
        ['fc', 'dense', { units: 3 }],
        ['act', op, params],
        ['tap', 'identity'],
      ]);
    const warned = (spec: ModelSpec, loss?: LossKind) =>
      analyze(spec, { loss }).warnings.map((w) => ({
        nodeId: w.nodeId,
        code: w.code,
        low: w.args.low,
        high: w.args.high,
      }));
    expect(warned(endingIn('tanh'))).toEqual([{ nodeId: 'act', code: 'scores-bounded', low: -1, high: 1 }]);
    expect(warned(endingIn('sigmoid'), 'cross_entropy')).toEqual([
      { nodeId: 'act', code: 'scores-bounded', low: 0, high: 1 },
    ]);
    expect(warned(endingIn('relu6'), 'mse')).toEqual([{ nodeId: 'act', code: 'predictions-bounded', low: 0, high: 6 }]);
    expect(warned(endingIn('relu'), 'bce_with_logits')).toEqual([
      { nodeId: 'act', code: 'scores-floored', low: 0, high: undefined },
    ]);
    expect(warned(endingIn('softplus'), 'mse')).toEqual([
      { nodeId: 'act', code: 'predictions-floored', low: 0, high: undefined },
    ]);
    expect(warned(endingIn('elu', { alpha: 0.5 }), 'mse')).toEqual([
      { nodeId: 'act', code: 'predictions-floored', low: -0.5, high: undefined },
    ]);
    for (const op of ['gelu', 'silu', 'mish', 'hardswish'])
      expect(warned(endingIn(op), 'mse').map((w) => w.code)).toEqual(['predictions-floored']);
    // Every number is reachable through these, and an activation inside the network is what it is for.
    for (const op of ['leakyrelu', 'prelu', 'identity']) expect(warned(endingIn(op), 'mse')).toEqual([]);
    const inside = chain([
      ['in', 'input', { shape: [4] }],
      ['fc', 'dense', { units: 8 }],
      ['act', 'relu'],
      ['out', 'dense', { units: 1 }],
    ]);
    expect(warned(inside, 'mse')).toEqual([]);
  });

  it('warns about dropout as the last layer but not before the last dense layer', () => {
    const last = chain([
      ['in', 'input', { shape: [4] }],
      ['fc', 'dense'],
      ['drop', 'dropout'],
    ]);
    expect(analyze(last).warnings).toMatchObject([{ nodeId: 'drop', code: 'dropout-at-output' }]);
    const inside = chain([
      ['in', 'input', { shape: [4] }],
      ['fc', 'dense'],
      ['drop', 'dropout'],
      ['out', 'dense', { units: 1 }],
    ]);
    expect(analyze(inside).warnings).toEqual([]);
  });

  it('warns about a Flatten that gets a vector', () => {
    const spec = chain([
      ['in', 'input', { shape: [4] }],
      ['flat', 'flatten'],
      ['fc', 'dense'],
    ]);
    expect(analyze(spec).warnings).toMatchObject([{ nodeId: 'flat', code: 'flatten-no-op' }]);
  });
});
