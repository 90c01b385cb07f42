// ONNX import against real exporters: every PyTorch-written fixture (engine/test/onnx/fixtures, written by
// scripts/onnx-fixtures/generate.py) imports, and Netwright's forward pass on the imported graph matches PyTorch's
// stored output and onnxruntime's; every template survives export -> import -> export computing the same function.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../native';
import { exportOnnx } from '../../export/onnx';
import {
  asppSpec,
  enginePredict,
  everyOpSpec,
  maxAbsDifference,
  randomInputs,
  randomNormalization,
  randomTensors,
} from '../../export/testModels';
import { analyze } from '../../spec/analyze';
import type { ModelSpec } from '../../spec/types';
import { TEMPLATES } from '../../spec/templates';
import { importOnnx } from './importOnnx';

const FIXTURES = join(__dirname, '../../../test/onnx/fixtures');
const TOLERANCE = 1e-5;
const kernels = loadKernels();
const measured: { model: string; vsPytorch: number; vsOnnxruntime: number }[] = [];

afterAll(() => {
  console.log('Imported ONNX models: Netwright forward vs PyTorch and onnxruntime, max |difference|:');
  console.table(measured);
});

interface Fixture {
  model: string;
  opset: number;
  constantFolding: boolean;
  inputShape: number[];
  input: number[];
  outputShape: number[];
  output: number[];
}

async function runOnnx(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, dims) };
  const results = await session.run(feeds);
  return results[session.outputNames[0]].data as Float32Array;
}

/** log_softmax over each of `rows` rows, in double. */
function logSoftmaxRows(scores: Float32Array, rows: number): Float32Array {
  const width = scores.length / rows;
  const out = new Float32Array(scores.length);
  for (let r = 0; r < rows; r++) {
    const row = scores.subarray(r * width, (r + 1) * width);
    const top = Math.max(...row);
    const logSum = top + Math.log(row.reduce((sum, v) => sum + Math.exp(v - top), 0));
    row.forEach((v, j) => (out[r * width + j] = v - logSum));
  }
  return out;
}

const stems = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.onnx'))
  .map((f) => f.replace(/\.onnx$/, ''))
  .sort();

describe('PyTorch-written ONNX models import and compute what PyTorch computes', () => {
  it('has every pattern at opsets 11, 13 and 17, with constant folding on and off', () => {
    // PyTorch 1.13 cannot export a LayerNorm without weight at opset 17 (generate.py's BEFORE_17_ONLY).
    const before17Only = new Set(['layernorm_plain']);
    const models = [...new Set(stems.map((s) => s.slice(0, s.indexOf('.op'))))];
    expect(models.length).toBeGreaterThanOrEqual(35);
    for (const model of models) {
      const expected = (before17Only.has(model) ? [11, 13] : [11, 13, 17]).flatMap((opset) =>
        ['fold', 'nofold'].map((fold) => `${model}.op${opset}.${fold}`),
      );
      expect(stems.filter((s) => s.startsWith(`${model}.op`))).toEqual(expected);
    }
  });

  for (const stem of stems.filter((s) => !s.startsWith('unsupported_'))) {
    it(`${stem}: the graph is valid and its outputs match PyTorch and onnxruntime within ${TOLERANCE}`, async () => {
      const bytes = readFileSync(join(FIXTURES, `${stem}.onnx`));
      const fixture = JSON.parse(readFileSync(join(FIXTURES, `${stem}.json`), 'utf8')) as Fixture;
      const { spec, tensors, report } = importOnnx(bytes, `${stem}.onnx`);
      const analysis = analyze(spec);
      expect(analysis.problems).toEqual([]);
      expect(report.unsupported).toEqual([]);
      const batch = fixture.inputShape[0];
      const input = Float32Array.from(fixture.input);
      const predicted = enginePredict(spec, tensors, input, batch, null, kernels);
      // A dropped LogSoftmax at the output: its outputs are the scores it shifted, so compare their log_softmax.
      const dropped = report.rewrites.some((r) => r.code === 'log-softmax-dropped');
      const ours = dropped ? logSoftmaxRows(predicted, batch) : predicted;
      const theirs = await runOnnx(bytes, input, fixture.inputShape);
      const vsPytorch = maxAbsDifference(ours, fixture.output);
      const vsOnnxruntime = maxAbsDifference(ours, theirs);
      measured.push({ model: stem, vsPytorch, vsOnnxruntime });
      expect(vsPytorch).toBeLessThanOrEqual(TOLERANCE);
      expect(vsOnnxruntime).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('keeps an operator it has no layer for as a marked node, and the layers around it', () => {
    for (const opset of [11, 13, 17]) {
      const { spec, report } = importOnnx(
        readFileSync(join(FIXTURES, `unsupported_selu.op${opset}.fold.onnx`)),
        'unsupported_selu.onnx',
      );
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'dense', 'onnx:Selu', 'dense']);
      expect(report.unsupported).toEqual([
        {
          nodeId: 'onnx_selu1',
          opType: 'Selu',
          reason: 'onnx-unsupported-op',
          args: { op: 'Selu', domain: 'ai.onnx', opset },
        },
      ]);
      const problems = analyze(spec).problems;
      expect(problems.map((p) => [p.nodeId, p.reason])).toEqual([['onnx_selu1', 'onnx-unsupported-op']]);
    }
  });

  it('marks a dilated convolution with a stride with the attribute and keeps the shapes after it', () => {
    for (const opset of [11, 13, 17]) {
      const { spec, report, tensors } = importOnnx(
        readFileSync(join(FIXTURES, `unsupported_dilated_stride.op${opset}.nofold.onnx`)),
        'unsupported_dilated_stride.onnx',
      );
      expect(report.unsupported.map((u) => [u.opType, u.reason, u.args.attribute, u.args.value])).toEqual([
        ['Conv', 'onnx-unsupported-attribute', 'dilations', '[2, 2] (strides [2, 2])'],
      ]);
      // 3x3 dilated by 2 spans 5x5: [2, 6, 6] padded by 2, stride 2 -> [4, 3, 3], so the Flatten and the Gemm after
      // it are layers.
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'onnx:Conv', 'relu', 'flatten', 'dense']);
      expect(tensors.get(`${spec.nodes[4].id}.weight`)!.shape).toEqual([2, 36]);
      expect(analyze(spec).problems.map((p) => p.reason)).toEqual(['onnx-unsupported-attribute']);
    }
  });

  it('takes dilated convolutions (DeepLab ASPP, a depthwise one too) as Conv2D with their dilation', () => {
    const convs = (stem: string) =>
      importOnnx(readFileSync(join(FIXTURES, `${stem}.op17.fold.onnx`)), `${stem}.onnx`)
        .spec.nodes.filter((n) => n.op === 'conv2d')
        .map((n) => [n.params?.dilation ?? 1, n.params?.padding, n.params?.groups ?? 1]);
    expect(convs('dilated_conv')).toEqual([[2, 0, 1]]);
    // The stem (its batch norm folded in), rates 1, 2 and 3, the depthwise branch dilated by 2, the 1x1 projection;
    // the one torch.cat of the four branches as three concats.
    expect(convs('aspp')).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [2, 2, 1],
      [3, 3, 1],
      [2, 2, 6],
      [1, 0, 1],
    ]);
    const aspp = importOnnx(readFileSync(join(FIXTURES, 'aspp.op11.nofold.onnx')), 'aspp.onnx');
    expect(aspp.spec.nodes.filter((n) => n.op === 'concat')).toHaveLength(3);
    expect(aspp.report.rewrites).toContainEqual({ code: 'concat-split', count: 1 });
  });

  it('takes grouped and depthwise convolutions as Conv2D with their groups', () => {
    const groups = (stem: string) =>
      importOnnx(readFileSync(join(FIXTURES, `${stem}.op17.fold.onnx`)), `${stem}.onnx`)
        .spec.nodes.filter((n) => n.op === 'conv2d')
        .map((n) => n.params?.groups ?? 1);
    expect(groups('grouped_conv')).toEqual([2]);
    expect(groups('depthwise_separable')).toEqual([1, 4, 1]);
  });

  it('takes Softplus as itself and x * Tanh(Softplus(x)) as Mish at every opset, folded or not', () => {
    for (const stem of stems.filter((s) => s.startsWith('softplus_mish.'))) {
      const { spec, report } = importOnnx(readFileSync(join(FIXTURES, `${stem}.onnx`)), `${stem}.onnx`);
      expect(spec.nodes.map((n) => n.op)).toEqual([
        'input',
        'conv2d',
        'mish',
        'conv2d',
        'softplus',
        'globalavgpool2d',
        'dense',
        'mish',
        'dense',
      ]);
      expect(report.rewrites).toContainEqual({ code: 'mish-fused', count: 2 });
    }
  });

  it('takes nn.LayerNorm as layernorm with its eps, weight and bias at every opset, folded or not', () => {
    for (const stem of stems.filter((s) => s.startsWith('layernorm.'))) {
      const { spec, tensors, report } = importOnnx(readFileSync(join(FIXTURES, `${stem}.onnx`)), `${stem}.onnx`);
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'dense', 'layernorm', 'relu', 'dense']);
      const layerNorm = spec.nodes[2];
      expect(layerNorm.params).toEqual({ eps: 1e-4 });
      // generate.py draws the weight from [0.5, 1.5): not the ones nn.LayerNorm starts from.
      const weight = Array.from(tensors.get(`${layerNorm.id}.weight`)!.value);
      expect(weight).toHaveLength(8);
      expect(weight.every((w) => w >= 0.5 && w < 1.5) && weight.some((w) => w !== 1)).toBe(true);
      expect(tensors.get(`${layerNorm.id}.bias`)!.shape).toEqual([8]);
      // Before opset 17 PyTorch writes ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul and Add.
      if (!stem.includes('.op17.')) expect(report.rewrites).toContainEqual({ code: 'layernorm-fused', count: 1 });
    }
  });

  it('takes nn.GroupNorm as groupnorm with its groups, eps, weight and bias at every opset, folded or not', () => {
    const groupNorms = stems.filter((s) => s.startsWith('groupnorm.'));
    expect(groupNorms).toHaveLength(6);
    for (const stem of groupNorms) {
      const { spec, tensors, report } = importOnnx(readFileSync(join(FIXTURES, `${stem}.onnx`)), `${stem}.onnx`);
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'conv2d', 'groupnorm', 'relu', 'flatten', 'dense']);
      const groupNorm = spec.nodes[2];
      expect(groupNorm.params).toEqual({ groups: 2, eps: 1e-4 });
      // generate.py draws the weight from [0.5, 1.5): not the ones nn.GroupNorm starts from.
      const weight = Array.from(tensors.get(`${groupNorm.id}.weight`)!.value);
      expect(weight).toHaveLength(4);
      expect(weight.every((w) => w >= 0.5 && w < 1.5) && weight.some((w) => w !== 1)).toBe(true);
      expect(tensors.get(`${groupNorm.id}.bias`)!.shape).toEqual([4]);
      // PyTorch writes Reshape, InstanceNormalization, Shape, Reshape, Mul and Add at every opset.
      expect(report.rewrites).toContainEqual({ code: 'groupnorm-fused', count: 1 });
    }
  });

  it('takes nn.LayerNorm without weight and bias as layernorm with a weight of ones and a bias of zeros', () => {
    const plain = stems.filter((s) => s.startsWith('layernorm_plain.'));
    expect(plain).toHaveLength(4);
    for (const stem of plain) {
      const { spec, tensors, report } = importOnnx(readFileSync(join(FIXTURES, `${stem}.onnx`)), `${stem}.onnx`);
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'dense', 'layernorm', 'relu', 'dense']);
      const id = spec.nodes[2].id;
      expect(Array.from(tensors.get(`${id}.weight`)!.value)).toEqual(new Array(8).fill(1));
      expect(Array.from(tensors.get(`${id}.bias`)!.value)).toEqual(new Array(8).fill(0));
      expect(report.rewrites).toContainEqual({ code: 'layernorm-fused', count: 1 });
    }
  });

  it('takes nn.GroupNorm without weight and bias as groupnorm with a weight of ones and a bias of zeros', () => {
    const plain = stems.filter((s) => s.startsWith('groupnorm_plain.'));
    expect(plain).toHaveLength(6);
    for (const stem of plain) {
      const { spec, tensors, report } = importOnnx(readFileSync(join(FIXTURES, `${stem}.onnx`)), `${stem}.onnx`);
      expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'conv2d', 'groupnorm', 'relu', 'flatten', 'dense']);
      const groupNorm = spec.nodes[2];
      expect(groupNorm.params).toEqual({ groups: 2, eps: 1e-5 });
      // PyTorch 1.13 writes the Mul and the Add all the same, by a 1 and a 0 of shape [1, 1, 1].
      expect(Array.from(tensors.get(`${groupNorm.id}.weight`)!.value)).toEqual(new Array(4).fill(1));
      expect(Array.from(tensors.get(`${groupNorm.id}.bias`)!.value)).toEqual(new Array(4).fill(0));
      expect(report.rewrites).toContainEqual({ code: 'groupnorm-fused', count: 1 });
    }
  });
});

/**
 * Exports `spec` with random weights, imports the file and exports that again: the import keeps every layer under its
 * id (ONNX has no dropout at inference, and the import drops Identity nodes), and onnxruntime computes the same
 * function from both files on inputs of deviation `inputScale`.
 */
async function expectRoundTrip(
  name: string,
  spec: ModelSpec,
  seeds: { tensors: number; input: number },
  inputScale: number,
): Promise<void> {
  const first = exportOnnx({ spec, tensors: randomTensors(spec, seeds.tensors), producerVersion: 'test' });
  const imported = importOnnx(first, `${name}.onnx`);
  expect(analyze(imported.spec).problems).toEqual([]);
  const kept = spec.nodes.filter((n) => n.op !== 'dropout' && n.op !== 'identity');
  expect(imported.spec.nodes.map((n) => `${n.id}:${n.op}`)).toEqual(kept.map((n) => `${n.id}:${n.op}`));
  const second = exportOnnx({ spec: imported.spec, tensors: imported.tensors, producerVersion: 'test' });
  const shape = spec.nodes.find((n) => n.op === 'input')!.params!.shape as number[];
  const input = randomInputs(shape, 4, seeds.input, 0, inputScale);
  const dims = [4, ...shape];
  const difference = maxAbsDifference(await runOnnx(first, input, dims), await runOnnx(second, input, dims));
  measured.push({ model: `round trip ${name}`, vsPytorch: NaN, vsOnnxruntime: difference });
  expect(difference).toBeLessThanOrEqual(TOLERANCE);
}

describe('export -> import -> export computes the same function for every template', () => {
  for (const template of TEMPLATES) {
    it(`${template.name}: onnxruntime gives the same outputs for both exports within ${TOLERANCE}`, async () => {
      await expectRoundTrip(template.name, template.build(), { tensors: 11, input: 5 }, 1);
    });
  }
});

describe('export -> import -> export of every layer kind', () => {
  it('every-op: the same layers under the same ids (but identity and dropout), and the same function', async () => {
    // Inputs wide enough (deviation 4) that ReLU6's cap and Hardswish's outer pieces are reached.
    await expectRoundTrip('every-op', everyOpSpec(), { tensors: 12, input: 13 }, 4);
  });

  it('aspp: dilated convolutions (a depthwise one too) keep their dilation, and compute the same function', async () => {
    await expectRoundTrip('aspp', asppSpec(), { tensors: 12, input: 13 }, 1);
  });
});

describe('GELU in its tanh form', () => {
  it("Netwright's own export of approximate 'tanh' imports as that GELU, and export -> import -> export computes the same function", async () => {
    const mlp = TEMPLATES.find((t) => t.name === 'mlp')!.build();
    const spec = {
      ...mlp,
      nodes: mlp.nodes.map((n) =>
        n.op === 'relu' ? { ...n, op: 'gelu' as const, params: { approximate: 'tanh' } } : n,
      ),
    };
    const tensors = randomTensors(spec, 7);
    const first = exportOnnx({ spec, tensors, producerVersion: 'test' });
    const imported = importOnnx(first, 'gelu_tanh.onnx');
    expect(imported.report.unsupported).toEqual([]);
    expect(imported.report.rewrites).toContainEqual({ code: 'gelu-tanh-fused', count: 2 });
    expect(imported.spec.nodes.filter((n) => n.op === 'gelu').map((n) => [n.id, n.params])).toEqual([
      ['relu1', { approximate: 'tanh' }],
      ['relu2', { approximate: 'tanh' }],
    ]);
    const second = exportOnnx({ spec: imported.spec, tensors: imported.tensors, producerVersion: 'test' });
    // Wide inputs (deviation 4): the tanh form and the exact GELU differ there by up to about 5e-4.
    const input = randomInputs([2], 16, 9, 0, 4);
    const difference = maxAbsDifference(await runOnnx(first, input, [16, 2]), await runOnnx(second, input, [16, 2]));
    measured.push({ model: 'round trip mlp with GELU (tanh)', vsPytorch: NaN, vsOnnxruntime: difference });
    expect(difference).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe("a trained run's export with its standardization folded in", () => {
  for (const name of ['mlp', 'small-cnn'] as const) {
    it(`${name}: imports the (x - mean) / std as the run's normalization, and the engine computes what the file does`, async () => {
      const spec = TEMPLATES.find((t) => t.name === name)!.build();
      const shape = spec.nodes.find((n) => n.op === 'input')!.params!.shape as number[];
      const tensors = randomTensors(spec, 3);
      const normalization = randomNormalization(shape);
      const bytes = exportOnnx({ spec, tensors, normalization, producerVersion: 'test' });
      const imported = importOnnx(bytes, `${name}.onnx`);
      expect(imported.report.unsupported).toEqual([]);
      expect(imported.normalization).toEqual({
        axis: normalization.axis,
        mean: normalization.mean.map(Math.fround),
        // A deviation of 0 is exported as the divisor 1.
        std: normalization.std.map((s) => Math.fround(s > 0 ? s : 1)),
      });
      const raw = randomInputs(shape, 3, 8);
      const dims = [3, ...shape];
      const expected = await runOnnx(bytes, raw, dims);
      const ours = enginePredict(imported.spec, imported.tensors, raw, 3, imported.normalization, kernels);
      expect(maxAbsDifference(ours, expected)).toBeLessThanOrEqual(TOLERANCE);
      const again = exportOnnx({
        spec: imported.spec,
        tensors: imported.tensors,
        normalization: imported.normalization,
        producerVersion: 'test',
      });
      expect(maxAbsDifference(await runOnnx(again, raw, dims), expected)).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
