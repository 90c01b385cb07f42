// Exports of a regression trained on standardized targets (DatasetManifest.targetNormalization): the ONNX graph
// ends in label units or says how to reach them, the safetensors metadata and the PyTorch script carry the
// statistics, and the README words the output step with the numbers. Runs of the files: onnx.int.test.ts and
// pytorch.int.test.ts.
import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from '../io/safetensors';
import { mlp } from '../spec/templates';
import type { TrainConfig } from '../train/config';
import { exportOnnx } from './onnx';
import { checkOnnxStructure, type DecodedOnnx } from './onnxCheck';
import { exportPytorchScript, type PytorchScriptInput } from './pytorch';
import { exportReadme, type ReadmeInput } from './readme';
import { exportSafetensors } from './safetensorsExport';
import { randomTensors } from './testModels';

// Two targets (price, rent), the second with a deviation of 0, which counts as 1.
const targetNormalization = { mean: [180000, 1200], std: [79000, 0] };
const spec = mlp(3, 2, [4]);

function exported(options: Partial<Parameters<typeof exportOnnx>[0]> = {}): DecodedOnnx {
  const bytes = exportOnnx({
    spec,
    tensors: randomTensors(spec),
    producerVersion: '1',
    task: 'regression',
    ...options,
  });
  const report = checkOnnxStructure(bytes);
  expect(report.problems).toEqual([]);
  return report.model;
}

describe('ONNX export of standardized regression targets', () => {
  it("folds output * std + mean onto the end of the graph, so 'output' is in the label's units", () => {
    const model = exported({ targetNormalization, targetNames: ['price', 'rent'] });
    expect(model.graph.nodes.slice(-2).map((n) => [n.opType, n.inputs, n.outputs])).toEqual([
      ['Mul', ['output_normalization/standardized', 'output_normalization/std'], ['output_normalization/scaled']],
      ['Add', ['output_normalization/scaled', 'output_normalization/mean'], ['output']],
    ]);
    expect(model.graph.nodes.find((n) => n.name === 'fc2')!.outputs).toEqual(['output_normalization/standardized']);
    const byName = new Map(model.graph.initializers.map((t) => [t.name, t]));
    expect(byName.get('output_normalization/std')!.dims).toEqual([2]);
    expect(Array.from(byName.get('output_normalization/std')!.values)).toEqual([79000, 1]);
    expect(Array.from(byName.get('output_normalization/mean')!.values)).toEqual([180000, 1200]);
    expect(model.graph.outputs[0].dims).toEqual(['batch', 2]);
    expect(JSON.parse(model.metadata.target_normalization)).toEqual({
      ...targetNormalization,
      formula: 'label = output * std + mean',
      applied_by: 'model',
    });
    expect(model.metadata.target_normalization_note).toMatch(
      /label's units already.*price: std 79000, mean 180000; rent: std 1, mean 1200/,
    );
  });

  it('in metadata mode adds nothing to the graph and says to multiply by std and add mean', () => {
    const model = exported({ targetNormalization, normalizationMode: 'metadata' });
    expect(model.graph.nodes.map((n) => n.opType)).not.toContain('Mul');
    expect(model.graph.nodes.at(-1)!.outputs).toEqual(['output']);
    expect(JSON.parse(model.metadata.target_normalization).applied_by).toBe('caller');
    expect(model.metadata.target_normalization_note).toMatch(
      /standardized.*multiply each by its target's std and add its mean.*target 0: std 79000, mean 180000/,
    );
  });

  it('leaves a regression without target statistics as it was: no Mul, no Add, no target metadata', () => {
    const model = exported();
    expect(model.graph.nodes.map((n) => n.opType)).toEqual(['Gemm', 'Relu', 'Gemm']);
    expect(model.metadata.target_normalization).toBeUndefined();
  });

  it('refuses statistics that do not fit the output, and probabilities of predicted numbers', () => {
    expect(() => exported({ targetNormalization: { mean: [1], std: [2] } })).toThrow(
      /cannot export the model to ONNX: the model has 2 output values and target normalization has 1 means and 1 deviations/,
    );
    expect(() => exported({ targetNormalization: { mean: [1, NaN], std: [2, 1] } })).toThrow(
      /cannot export the model to ONNX: .*target 1 has mean NaN/,
    );
    expect(() => exported({ targetNormalization: { mean: [1, 2], std: [2, -1] } })).toThrow(/not negative/);
    expect(() => exported({ targetNormalization, task: undefined, appendSoftmax: true })).toThrow(
      /predicts numbers \(regression\)/,
    );
  });
});

describe('safetensors export of standardized regression targets', () => {
  it("carries the statistics as 'netwright.target_normalization', and null without them", () => {
    const tensors = randomTensors(spec);
    const withTargets = decodeSafetensors(exportSafetensors({ spec, tensors, targetNormalization }));
    expect(JSON.parse(withTargets.metadata['netwright.target_normalization'])).toEqual(targetNormalization);
    const without = decodeSafetensors(exportSafetensors({ spec, tensors }));
    expect(JSON.parse(without.metadata['netwright.target_normalization'])).toBeNull();
    expect(() =>
      exportSafetensors({ spec, tensors, targetNormalization: { mean: [0, 0, 0], std: [1, 1, 1] } }),
    ).toThrow(
      /cannot export the model to safetensors: the model has 2 output values and target normalization has 3 means/,
    );
  });
});

const config: TrainConfig = {
  version: 1,
  loss: 'mse',
  optimizer: { type: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  epochs: 2,
  batchSize: 8,
  seed: 1,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
};

const FEATURES = ['a', 'b', 'c'].map((name) => ({ name, type: 'number' as const }));

const scriptInput = (overrides: Partial<PytorchScriptInput> = {}): PytorchScriptInput => ({
  spec,
  config,
  normalization: null,
  task: 'regression',
  data: {
    kind: 'csv',
    path: 'houses.csv',
    labelColumn: ['price', 'rent'],
    featureColumns: FEATURES,
  },
  weightsFile: 'model.safetensors',
  ...overrides,
});

describe('PyTorch script of standardized regression targets', () => {
  it('trains on standardized targets and gives predictions and metrics in label units', () => {
    const script = exportPytorchScript(scriptInput({ targetNormalization }));
    expect(script).toContain('TARGET_NORMALIZATION = {"mean": [180000, 1200], "std": [79000, 0]}');
    expect(script).toContain('TensorDataset(x[train], standardize_targets(y)[train])');
    expect(script).toContain("result = {'loss': compute_loss(outputs, standardize_targets(y)).item()}");
    expect(script).toContain('outputs = to_label_units(model(standardize(x)))');
    expect(script).toContain("result['rmse'] = ");
    expect(script).toContain("'netwright.target_normalization': json.dumps(TARGET_NORMALIZATION)");
    expect(exportPytorchScript(scriptInput())).toContain('TARGET_NORMALIZATION = None');
  });

  it('refuses statistics for a classification and ones that do not fit the output', () => {
    expect(() =>
      exportPytorchScript(
        scriptInput({
          task: 'classification',
          classNames: ['a', 'b'],
          config: { ...config, loss: 'cross_entropy' },
          data: { kind: 'csv', path: 'x.csv', labelColumn: 'y', featureColumns: FEATURES },
          targetNormalization,
        }),
      ),
    ).toThrow(/standardizes regression targets, but the task is classification/);
    expect(() => exportPytorchScript(scriptInput({ targetNormalization: { mean: [1], std: [1] } }))).toThrow(
      /cannot export the model to PyTorch: the model has 2 output values/,
    );
  });
});

const readmeInput = (overrides: Partial<ReadmeInput> = {}): ReadmeInput => ({
  format: 'onnx',
  title: 'houses',
  modelFile: 'houses.onnx',
  files: [],
  task: 'regression',
  classNames: [],
  outputWidth: 2,
  preprocessing: {
    input: { kind: 'table', features: ['a', 'b', 'c'] },
    normalization: { axis: 'feature', mean: [0, 0, 0], std: [1, 1, 1] },
    standardizedByModel: true,
  },
  ...overrides,
});

describe('README of standardized regression targets', () => {
  it('says the folded model gives label units, with the numbers per target', () => {
    const text = exportReadme(
      readmeInput({
        targetScaling: { normalization: targetNormalization, appliedByModel: true, targetNames: ['price', 'rent'] },
      }),
    );
    expect(text).toMatch(/label's units already.*price: std 79000, mean 180000; rent: std 1, mean 1200/);
    expect(text).toContain('TARGET_MEAN = None');
    expect(text).not.toContain('* np.float32(TARGET_STD)');
  });

  it('tells the reader to multiply by std and add mean, and its examples do so', () => {
    const text = exportReadme(
      readmeInput({
        format: 'safetensors',
        modelFile: 'houses.safetensors',
        preprocessing: { ...readmeInput().preprocessing, standardizedByModel: false },
        targetScaling: { normalization: targetNormalization, appliedByModel: false },
      }),
    );
    expect(text).toMatch(/multiply each by its target's std and add its mean for the label's units/);
    expect(text).toContain('TARGET_MEAN = [180000, 1200]');
    expect(text).toContain('const TARGET_STD = [79000,1];');
    expect(text).toContain('row.map((v, o) => v * TARGET_STD[o] + TARGET_MEAN[o])');
    // The ONNX export its JavaScript example runs must leave both standardizations to it.
    expect(text).toContain('netwright export RUN --format onnx --normalization metadata');
    const onnx = exportReadme(
      readmeInput({
        preprocessing: { ...readmeInput().preprocessing, standardizedByModel: false },
        targetScaling: { normalization: targetNormalization, appliedByModel: false },
      }),
    );
    expect(onnx).toContain('row = row * np.float32(TARGET_STD) + np.float32(TARGET_MEAN)');
  });

  it("has the PyTorch example call the script's to_label_units, and says nothing of targets without statistics", () => {
    const pytorch = exportReadme(
      readmeInput({
        format: 'pytorch',
        modelFile: 'train.py',
        targetScaling: { normalization: targetNormalization, appliedByModel: true },
      }),
    );
    expect(pytorch).toContain(
      'outputs = script.to_label_units(model(script.standardize(torch.from_numpy(batch)))).numpy()',
    );
    const plain = exportReadme(readmeInput());
    expect(plain).toMatch(/in the units of the training targets\./);
    expect(plain).not.toContain('TARGET_MEAN');
  });
});
