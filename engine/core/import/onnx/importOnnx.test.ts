// The import as a whole: files that are not ONNX (or cannot be a Netwright model) are refused naming the file,
// tensors are read in every encoding exporters use, pass-through nodes vanish, ids come from the weights' names,
// and a node no converter takes stays in the graph, marked, with shapes after it kept where they are known.
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../export/onnx';
import { randomTensors } from '../../export/testModels';
import { analyze } from '../../spec/analyze';
import { mlp } from '../../spec/templates';
import type { ModelSpec } from '../../spec/types';
import { problemText } from '../../spec/problemText';
import { OnnxImportError } from './errors';
import { OnnxGraph } from './graph';
import { importOnnx } from './importOnnx';
import { extractOutputScaling } from './passes';
import { decodeModel } from './proto';
import { onnxModel, ramp, type TestModel } from './testOnnx';

const load = (model: TestModel, file = 'model.onnx') => importOnnx(onnxModel(model), file);

/** A regression `spec` exported by Netwright with its targets' statistics folded in (outputs in the label's units). */
function regressionExport(
  spec: ModelSpec,
  targetNormalization: { mean: number[]; std: number[] },
  normalization?: { axis: 'feature'; mean: number[]; std: number[] },
): Uint8Array {
  return exportOnnx({
    spec,
    tensors: randomTensors(spec),
    producerVersion: 'test',
    task: 'regression',
    normalization,
    targetNormalization,
  });
}

function importError(bytes: Uint8Array, file: string): OnnxImportError {
  try {
    importOnnx(bytes, file);
  } catch (error) {
    expect(error).toBeInstanceOf(OnnxImportError);
    return error as OnnxImportError;
  }
  throw new Error('the import did not fail');
}

describe('files that cannot be imported', () => {
  it.each([
    ['random bytes', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff])],
    ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['JSON text', new TextEncoder().encode('{"version": 1, "nodes": []}')],
    ['an empty file', new Uint8Array(0)],
  ])('refuses %s as not ONNX, naming the file', (_, bytes) => {
    const error = importError(bytes, 'photos/cat.onnx');
    expect(error.code).toBe('not-onnx');
    expect(error.message).toContain("'photos/cat.onnx' is not an ONNX model");
  });

  it('refuses graphs without a single float [batch, F] or [batch, C, H, W] input', () => {
    const relu = [{ op: 'Relu', inputs: ['input'] }];
    const cases: [TestModel, string, string][] = [
      [{ input: { dims: ['batch', 3, 4] }, nodes: relu }, 'input-rank', '[batch, 3, 4]'],
      [{ input: { dims: ['batch', 'features'] }, nodes: relu }, 'input-dims', '[batch, features]'],
      [{ input: { dims: ['batch', 4], elemType: 7 }, nodes: relu }, 'input-type', 'element type 7'],
      [{ extraInputs: [{ name: 'mask', dims: ['batch', 4] }], nodes: relu }, 'several-inputs', "'input', 'mask'"],
    ];
    for (const [model, code, detail] of cases) {
      const error = importError(onnxModel(model), 'm.onnx');
      expect([error.code, error.message]).toEqual([code, expect.stringContaining(detail)]);
      expect(error.message).toContain("'m.onnx'");
    }
  });

  it('refuses a weight stored in an external file, naming the tensor', () => {
    const bytes = onnxModel({
      nodes: [{ op: 'Relu', inputs: ['input'] }],
      initializers: { w: { ...ramp([2]), external: true } },
    });
    const error = importError(bytes, 'big.onnx');
    expect(error.code).toBe('external-data');
    expect(error.params).toEqual({ file: 'big.onnx', tensor: 'w' });
  });
});

describe('tensors and constants', () => {
  it('reads float32 weights from raw_data and float_data, and int64 shapes from raw_data and int64_data', () => {
    const weights = { dims: [2, 4], floats: [1, 2, 3, 4, 5, 6, 7, 8] };
    for (const raw of [false, true]) {
      const { tensors } = load({
        nodes: [{ op: 'Gemm', inputs: ['input', 'fc.weight'], attributes: { transB: 1 } }],
        initializers: { 'fc.weight': { ...weights, raw } },
      });
      expect(Array.from(tensors.get('fc.weight')!.value)).toEqual(weights.floats);
    }
  });

  it('takes Constant nodes as constants and drops Dropout and Identity', () => {
    const { spec, report } = load({
      nodes: [
        {
          op: 'Constant',
          inputs: [],
          outputs: ['w'],
          attributes: { value: { tensor: { dims: [3, 4], floats: ramp([3, 4]).floats } } },
        },
        { op: 'Identity', inputs: ['input'], outputs: ['x'] },
        { op: 'Gemm', inputs: ['x', 'w'], outputs: ['y'], attributes: { transB: 1 }, name: 'fc' },
        { op: 'Dropout', inputs: ['y'], outputs: ['z'] },
        { op: 'Relu', inputs: ['z'], outputs: ['out'], name: 'act' },
      ],
    });
    expect(spec.nodes.map((n) => `${n.id}:${n.op}`)).toEqual(['input:input', 'fc:dense', 'act:relu']);
    expect(spec.edges).toEqual([
      { from: 'input', to: 'fc' },
      { from: 'fc', to: 'act' },
    ]);
    expect(report.rewrites).toEqual([
      { code: 'identity-removed', count: 1 },
      { code: 'dropout-removed', count: 1 },
    ]);
  });

  it("names layers by their weights ('features.0.weight' -> features_0; '3.weight' -> dense3) or modules, uniquely", () => {
    const { spec, tensors } = load({
      nodes: [
        { op: 'Gemm', inputs: ['input', 'features.0.weight'], attributes: { transB: 1 }, name: '/features/0/Gemm' },
        { op: 'Gemm', inputs: ['n0', '3.weight'], attributes: { transB: 1 }, name: '/3/Gemm' },
        { op: 'Gemm', inputs: ['n1', 'x.3.weight'], attributes: { transB: 1 }, name: '/x/Gemm' },
        { op: 'Relu', inputs: ['n2'], name: '/features_0/Relu' },
      ],
      initializers: { 'features.0.weight': ramp([4, 4]), '3.weight': ramp([4, 4]), 'x.3.weight': ramp([4, 4]) },
    });
    // The ReLU's PyTorch module name is taken already, so it gets a suffix.
    expect(spec.nodes.map((n) => n.id)).toEqual(['input', 'features_0', 'dense3', 'x_3', 'features_0_2']);
    expect([...tensors.keys()]).toEqual(['features_0.weight', 'dense3.weight', 'x_3.weight']);
  });
});

describe('nodes Netwright cannot run', () => {
  it('stay in the graph as onnx:<op> with the reason, and analyze reports them on that node', () => {
    const { spec, report } = load({
      nodes: [
        { op: 'Gemm', inputs: ['input', 'fc.weight'], attributes: { transB: 1 } },
        { op: 'Selu', inputs: ['n0'], name: '/act/Selu' },
        { op: 'Gemm', inputs: ['n1', 'out.weight'], attributes: { transB: 1 } },
      ],
      initializers: { 'fc.weight': ramp([3, 4]), 'out.weight': ramp([2, 3]) },
    });
    expect(spec.nodes[2]).toMatchObject({
      id: 'act',
      op: 'onnx:Selu',
      params: { reason: 'onnx-unsupported-op', op: 'Selu', domain: 'ai.onnx', opset: 17 },
    });
    expect(report.unsupported.map((u) => u.nodeId)).toEqual(['act']);
    const analysis = analyze(spec);
    expect(analysis.ok).toBe(false);
    expect(analysis.problems.map((p) => [p.nodeId, p.code])).toEqual([['act', 'onnx-unsupported']]);
    expect(problemText(analysis.problems[0])).toBe(
      "ONNX Selu 'act' is the ONNX operator Selu (opset 17), which Netwright has no layer for: replace it with a layer from the palette.",
    );
  });

  it("Netwright's own regression export in label units comes back as the spec and the targets' statistics", () => {
    // The graph ends in output * std + mean; the imported run predicts standardized targets and its checkpoint
    // holds the statistics, so its predictions are in the label's units as the exported run's were.
    const spec = mlp(3, 2, [4]);
    const bytes = regressionExport(
      spec,
      { mean: [180000, 5], std: [79000, 0] },
      {
        axis: 'feature',
        mean: [1, 2, 3],
        std: [1, 1, 2],
      },
    );
    const imported = importOnnx(bytes, 'houses.onnx');
    expect(imported.normalization).toEqual({ axis: 'feature', mean: [1, 2, 3], std: [1, 1, 2] });
    expect(imported.targetNormalization).toEqual({ mean: [180000, 5], std: [79000, 1] }); // a std of 0 is written 1
    expect(imported.report.unsupported).toEqual([]);
    expect(analyze(imported.spec).ok).toBe(true);
    expect(imported.spec.nodes.map((n) => n.op)).toEqual(spec.nodes.map((n) => n.op));
  });

  it('keeps a last Mul and Add in a file that does not say they undo a target standardization', () => {
    const exported = regressionExport(mlp(3, 2, [4]), { mean: [180000, 5], std: [79000, 2] });
    const model = decodeModel(exported, 'other.onnx');
    const g = new OnnxGraph(model);
    const outputs = model.outputs.map((o) => o.name);
    expect(extractOutputScaling(g, outputs, new Map())).toBeNull();
    expect(outputs).toEqual(['output']);
    expect(extractOutputScaling(g, outputs, model.metadata)).toEqual({ mean: [180000, 5], std: [79000, 2] });
    expect(outputs).not.toEqual(['output']);
  });

  it('at an opset outside its converter’s range, say so with the opset', () => {
    const { report } = load({
      opset: 6,
      nodes: [{ op: 'Gemm', inputs: ['input', 'w'] }],
      initializers: { w: ramp([4, 2]) },
    });
    expect(report.unsupported[0]).toMatchObject({ reason: 'onnx-unsupported-op', args: { op: 'Gemm', opset: 6 } });
  });

  it('mark a node after them whose converter needs the shape Netwright no longer knows', () => {
    const { report } = load({
      nodes: [
        { op: 'Tile', inputs: ['input', 'reps'] },
        { op: 'Softmax', inputs: ['n0'] },
      ],
      initializers: { reps: { dims: [2], ints: [1, 2] } },
    });
    expect(report.unsupported.map((u) => [u.opType, u.reason])).toEqual([
      ['Tile', 'onnx-unsupported-op'],
      ['Softmax', 'onnx-unknown-shape'],
    ]);
  });
});

describe('the imported graph', () => {
  it('leaves room under a node Netwright cannot run for the problem the canvas writes there', () => {
    const { spec } = load({
      nodes: [
        { op: 'Selu', inputs: ['input'] },
        { op: 'Relu', inputs: ['n0'] },
      ],
    });
    expect(spec.nodes.map((n) => n.position!.y)).toEqual([0, 90, 270]);
  });

  it('is laid out one row per depth, with branches side by side', () => {
    const { spec } = load({
      nodes: [
        { op: 'Relu', inputs: ['input'], name: 'a' },
        { op: 'Sigmoid', inputs: ['input'], name: 'b' },
        { op: 'Add', inputs: ['a_out', 'b_out'], name: 'sum' },
      ].map((n, i) => ({ ...n, outputs: [['a_out', 'b_out', 'sum_out'][i]] })),
    });
    expect(Object.fromEntries(spec.nodes.map((n) => [n.id, n.position]))).toEqual({
      input: { x: 0, y: 0 },
      a: { x: -100, y: 90 },
      b: { x: 100, y: 90 },
      sum: { x: 0, y: 180 },
    });
  });

  it('reports producer, opset, counts, parameters and the outputs it leaves out', () => {
    const { report, spec } = load(
      {
        nodes: [
          { op: 'Gemm', inputs: ['input', 'fc.weight', 'fc.bias'], attributes: { transB: 1 }, outputs: ['logits'] },
          { op: 'Softmax', inputs: ['logits'], outputs: ['probs'] },
        ],
        initializers: { 'fc.weight': ramp([3, 4]), 'fc.bias': ramp([3]) },
        outputs: ['logits', 'probs'],
      },
      'dir/classifier.onnx',
    );
    expect(report).toMatchObject({
      file: 'dir/classifier.onnx',
      producer: 'test',
      opset: 17,
      onnxNodes: 2,
      layers: 2,
      parameters: 15,
      inputShape: [4],
      ignoredOutputs: ['probs'],
    });
    expect(spec.name).toBe('test-graph');
    expect(spec.description).toBe('Imported from classifier.onnx (test, opset 17).');
  });
});
