// The exported ONNX run in onnxruntime-node against the engine's eval-mode predictions on the same random inputs:
// raw inputs into the graph (standardization folded in) versus standardized inputs into the engine.
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { templateByName, type TemplateName } from '../spec/templates';
import type { ModelSpec } from '../spec/types';
import { exportOnnx } from './onnx';
import {
  asppSpec,
  enginePredict,
  everyOpSpec,
  maxAbsDifference,
  randomInputs,
  randomNormalization,
  randomTensors,
  residualConcatSpec,
} from './testModels';

const TOLERANCE = 1e-4;
const BATCH = 5;
const kernels = loadKernels();
const measured: { model: string; mode: string; maxDifference: number; largestOutput: number }[] = [];

afterAll(() => {
  console.log('ONNX (onnxruntime-node) vs engine, max |difference| per model:');
  console.table(measured);
});

async function runOnnx(
  bytes: Uint8Array,
  inputs: Float32Array,
  shape: readonly number[],
): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(bytes);
  const results = await session.run({
    input: new ort.Tensor('float32', inputs, [inputs.length / shape.reduce((a, b) => a * b, 1), ...shape]),
  });
  return Object.fromEntries(Object.entries(results).map(([name, tensor]) => [name, tensor.data as Float32Array]));
}

const inputShapeOf = (spec: ModelSpec): number[] => spec.nodes.find((n) => n.op === 'input')!.params!.shape as number[];

const MODELS: [string, () => ModelSpec][] = [
  ...(
    ['mlp', 'lenet', 'small-cnn', 'vgg-small', 'mobile-cnn', 'residual', 'aspp-cnn', 'dropout-demo'] as TemplateName[]
  ).map((name): [string, () => ModelSpec] => [name, () => templateByName(name)]),
  ['every-op', everyOpSpec],
  ['residual-concat', residualConcatSpec],
  ['aspp', asppSpec],
];

describe('ONNX export runs like the engine', () => {
  for (const [name, build] of MODELS) {
    it(`${name}: onnxruntime matches the engine within ${TOLERANCE} on raw inputs`, async () => {
      const spec = build();
      const shape = inputShapeOf(spec);
      const tensors = randomTensors(spec, 21);
      const normalization = randomNormalization(shape);
      const raw = randomInputs(shape, BATCH);
      const expected = enginePredict(spec, tensors, raw, BATCH, normalization, kernels);
      const bytes = exportOnnx({ spec, tensors, normalization, producerVersion: 'test' });
      const { output } = await runOnnx(bytes, raw, shape);
      const maxDifference = maxAbsDifference(output, expected);
      measured.push({
        model: name,
        mode: 'fold',
        maxDifference,
        largestOutput: Math.max(...Array.from(expected, Math.abs)),
      });
      expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('metadata mode takes standardized inputs and gives the same outputs', async () => {
    const spec = everyOpSpec();
    const shape = inputShapeOf(spec);
    const tensors = randomTensors(spec, 4);
    const normalization = randomNormalization(shape, 8);
    const raw = randomInputs(shape, BATCH, 9);
    const expected = enginePredict(spec, tensors, raw, BATCH, normalization, kernels);
    // Standardize by hand with the statistics the metadata carries.
    const [channels, height, width] = shape;
    const standardized = raw.map((v, i) => {
      const c = Math.floor(i / (height * width)) % channels;
      return (v - normalization.mean[c]) / (normalization.std[c] > 0 ? normalization.std[c] : 1);
    });
    const bytes = exportOnnx({ spec, tensors, normalization, normalizationMode: 'metadata', producerVersion: 'test' });
    const { output } = await runOnnx(bytes, standardized, shape);
    const maxDifference = maxAbsDifference(output, expected);
    measured.push({
      model: 'every-op',
      mode: 'metadata',
      maxDifference,
      largestOutput: Math.max(...Array.from(expected, Math.abs)),
    });
    expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
  });

  it("a regression trained on standardized targets gives the label's units: engine output * std + mean", async () => {
    const spec = templateByName('mlp', { inputShape: [6], outputs: 2 });
    const shape = inputShapeOf(spec);
    const tensors = randomTensors(spec, 12);
    const normalization = randomNormalization(shape, 13);
    // House prices and a target whose deviation is 0 (counts as 1), as DatasetManifest.targetNormalization holds them.
    const targetNormalization = { mean: [180000, -3.5], std: [79000, 0] };
    const raw = randomInputs(shape, BATCH, 14);
    const standardized = enginePredict(spec, tensors, raw, BATCH, normalization, kernels);
    const labelUnits = standardized.map((v, i) => (i % 2 === 0 ? v * 79000 + 180000 : v - 3.5));
    const folded = await runOnnx(
      exportOnnx({ spec, tensors, normalization, targetNormalization, task: 'regression', producerVersion: 'test' }),
      raw,
      shape,
    );
    // float32 near 180000 holds about 0.016 apart: compare relative to the label's scale.
    const foldedDifference = maxAbsDifference(folded.output, labelUnits);
    measured.push({
      model: 'mlp regression',
      mode: 'fold, targets',
      maxDifference: foldedDifference,
      largestOutput: Math.max(...Array.from(labelUnits, Math.abs)),
    });
    expect(foldedDifference).toBeLessThanOrEqual(TOLERANCE * 79000);
    expect(
      maxAbsDifference(
        folded.output.filter((_, i) => i % 2 === 1),
        labelUnits.filter((_, i) => i % 2 === 1),
      ),
    ).toBeLessThanOrEqual(TOLERANCE);

    // Metadata mode: the graph gives the engine's standardized outputs, and takes standardized inputs.
    const standardizedInputs = raw.map((v, i) => {
      const f = i % shape[0];
      return (v - normalization.mean[f]) / (normalization.std[f] > 0 ? normalization.std[f] : 1);
    });
    const plain = await runOnnx(
      exportOnnx({
        spec,
        tensors,
        normalization,
        normalizationMode: 'metadata',
        targetNormalization,
        task: 'regression',
        producerVersion: 'test',
      }),
      standardizedInputs,
      shape,
    );
    expect(maxAbsDifference(plain.output, standardized)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('appended probabilities are the softmax of the logits', async () => {
    const spec = templateByName('small-cnn', { inputShape: [3, 12, 12], outputs: 4 });
    const shape = inputShapeOf(spec);
    const tensors = randomTensors(spec, 2);
    const raw = randomInputs(shape, BATCH, 1, 0, 1);
    const logits = enginePredict(spec, tensors, raw, BATCH, null, kernels);
    const { output, probabilities } = await runOnnx(
      exportOnnx({ spec, tensors, appendSoftmax: true, producerVersion: 'test' }),
      raw,
      shape,
    );
    expect(maxAbsDifference(output, logits)).toBeLessThanOrEqual(TOLERANCE);
    for (let n = 0; n < BATCH; n++) {
      const row = Array.from(logits.subarray(4 * n, 4 * n + 4));
      const top = Math.max(...row);
      const sum = row.reduce((s, v) => s + Math.exp(v - top), 0);
      const softmax = row.map((v) => Math.exp(v - top) / sum);
      expect(maxAbsDifference(probabilities.subarray(4 * n, 4 * n + 4), softmax)).toBeLessThanOrEqual(1e-5);
    }
  });
});
