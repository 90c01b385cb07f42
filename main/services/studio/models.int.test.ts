// Open model… through the Studio: an ONNX file becomes a graph and a run of kind 'imported' whose checkpoint loads
// like a trained run's (export writes the same function again); a file with a node Netwright cannot run gives the
// marked graph and no run; a file that is not ONNX is refused naming it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import { maxAbsDifference } from '../../../engine/core/export/testModels';
import { testStudio } from './testStudio';

const FIXTURES = join(__dirname, '../../../engine/test/onnx/fixtures');
const { studio } = testStudio('models');

async function run(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, dims) });
  return out[session.outputNames[0]].data as Float32Array;
}

describe('importModel', () => {
  it('makes a graph and an imported run whose checkpoint holds the weights, and exports the same function', async () => {
    const path = join(FIXTURES, 'conv_bn_relu_maxpool.op13.nofold.onnx');
    const result = await studio.importModel({ kind: 'path', path }, 'small cnn');
    expect(result.graph).toMatchObject({ name: 'small cnn', version: 1 });
    expect(result.graph.spec.nodes.map((n) => n.op)).toEqual([
      'input',
      'conv2d',
      'relu',
      'maxpool2d',
      'flatten',
      'dense',
    ]);
    expect(result.report).toMatchObject({ opset: 13, unsupported: [], parameters: 187 });
    const detail = await studio.getRun(result.runId!);
    expect(detail.run).toMatchObject({ kind: 'imported', status: 'completed', name: 'small cnn', datasetId: null });
    const [checkpoint] = studio.store.checkpoints.listCheckpoints(result.runId!);
    expect(checkpoint).toMatchObject({ epoch: 0, kind: 'last' });
    const decoded = decodeCheckpoint(readFileSync(checkpoint.path), checkpoint.path);
    expect(decoded.info.spec).toEqual(result.graph.spec);
    expect(decoded.snapshot.history).toEqual([]);

    const exported = await studio.exportRun(result.runId!, 'onnx');
    const fixture = JSON.parse(readFileSync(path.replace(/\.onnx$/, '.json'), 'utf8')) as {
      input: number[];
      inputShape: number[];
      output: number[];
    };
    const outputs = await run(
      readFileSync(exported.files.find((f) => f.name.endsWith('.onnx'))!.path),
      Float32Array.from(fixture.input),
      fixture.inputShape,
    );
    expect(maxAbsDifference(outputs, fixture.output)).toBeLessThanOrEqual(1e-5);
  });

  it('keeps a graph with an unsupported node, marked, and makes no run until it is replaced', async () => {
    const result = await studio.importModel({
      kind: 'path',
      path: join(FIXTURES, 'unsupported_selu.op17.fold.onnx'),
    });
    expect(result.runId).toBeNull();
    expect(result.graph.name).toBe('unsupported_selu.op17.fold');
    expect(result.report.unsupported.map((u) => u.opType)).toEqual(['Selu']);
    expect((await studio.listGraphs()).map((g) => g.id)).toContain(result.graph.id);
  });

  it('refuses a file that is not ONNX, naming it', async () => {
    const path = join(studio.layout.home, 'notes.onnx');
    writeFileSync(path, 'these are my notes, not a model');
    await expect(studio.importModel({ kind: 'path', path })).rejects.toThrow(`'${path}' is not an ONNX model`);
  });
});
