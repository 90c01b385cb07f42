// The studio's services as the renderer uses them, with the real store, importers and engine process: a sample
// becomes a dataset, a template sized to it trains with events in order, and the trained run shows predictions,
// weight histograms, feature maps and exports; bad requests fail with messages that name the node or file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testConfig as config, testStudio } from './testStudio';

const { studio, events } = testStudio('studio');

async function finished(runId: string): Promise<void> {
  await studio.supervisor.whenIdle();
  expect(events.some((e) => e.type === 'run-finished' && e.runId === runId)).toBe(true);
}

describe('Studio', () => {
  it('offers the samples and templates, and imports a sample once', async () => {
    const info = await studio.getInfo();
    expect(info.samples.map((s) => s.name)).toContain('spirals');
    expect(info.templates.map((t) => t.name)).toEqual(expect.arrayContaining(['mlp', 'lenet', 'small-cnn']));
    const first = await studio.useSample('spirals');
    const again = await studio.useSample('spirals');
    expect(again.id).toBe(first.id);
    expect(first.manifest.classNames).toHaveLength(3);
    expect((await studio.listDatasets()).filter((d) => d.name === 'spirals')).toHaveLength(1);
    await expect(studio.useSample('mnist')).rejects.toThrow(/no sample dataset 'mnist'/);
  });

  it('trains a template sized to the sample, streaming progress, epochs, checkpoints and the end', async () => {
    const dataset = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', dataset.id);
    const graph = await studio.createGraph('spirals mlp', spec);
    const run = await studio.startRun({
      graphId: graph.id,
      spec,
      config: config(),
      datasetId: dataset.id,
      name: 'first',
    });
    await finished(run.id);
    const mine = events.filter((e) => 'runId' in e && e.runId === run.id);
    const epochs = mine.filter((e) => e.type === 'run-epoch');
    expect(epochs).toHaveLength(25);
    expect(mine.some((e) => e.type === 'run-progress')).toBe(true);
    expect(mine.some((e) => e.type === 'run-checkpoint')).toBe(true);
    expect(mine.at(-1)!.type).toBe('run-finished');
    const detail = await studio.getRun(run.id);
    expect(detail.run.status).toBe('completed');
    expect(detail.run.graphVersionId).not.toBeNull();
    expect(detail.epochs).toHaveLength(25);
    expect(detail.run.finalMetrics!.val_accuracy).toBeGreaterThan(0.9);
    // The runs table reads a run's graph alone, without its curves.
    expect(await studio.getRunGraph(run.id)).toEqual(detail.run.graph);
    await expect(studio.getRunGraph('no-such-run')).rejects.toThrow(/no-such-run/);

    const report = await studio.predictions(run.id, 'test', 5);
    expect(report.metrics.accuracy).toBeGreaterThan(0.85);
    expect(report.metrics.confusion).toHaveLength(3);
    expect(report.samples).toHaveLength(5);
    expect(report.samples[0].features).toHaveLength(2);
    expect(report.samples[0].probabilities!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    const weights = await studio.layerWeights(run.id);
    expect(weights.map((w) => w.nodeId)).toEqual(spec.nodes.filter((n) => n.op === 'dense').map((n) => n.id));
    for (const layer of weights)
      expect(layer.counts.reduce((a, b) => a + b, 0)).toBe(layer.shape.reduce((a, b) => a * b, 1));

    const onnx = await studio.exportRun(run.id, 'onnx');
    expect(onnx.files.map((f) => f.name)).toEqual(['first.onnx', 'first.onnx.README.md']); // a README beside every export
    // The safetensors export of the same run keeps its own README: both can sit in one folder.
    const tensors = await studio.exportRun(run.id, 'safetensors');
    expect(tensors.files.map((f) => f.name)).toEqual(['first.safetensors', 'first.safetensors.README.md']);
    expect(readFileSync(onnx.files[0].path).subarray(0, 2)).toEqual(Buffer.from([0x08, 0x08])); // ir_version 8
    const script = await studio.exportRun(run.id, 'pytorch');
    expect(script.files.map((f) => f.name).sort()).toEqual([
      'first-train.README.md',
      'first-train.py',
      'first-train.safetensors',
      'first-train.split.json',
    ]);
    expect(readFileSync(script.files.find((f) => f.name.endsWith('.py'))!.path, 'utf8')).toContain('spirals.csv');
    expect((await studio.getRun(run.id)).exports).toHaveLength(3); // ONNX, safetensors, the script
  });

  it("shows a convolution layer's feature maps for an image sample", async () => {
    const dataset = await studio.useSample('shapes');
    expect(dataset.manifest.featureShape).toEqual([1, 16, 16]);
    const spec = await studio.templateSpec('lenet', dataset.id);
    const run = await studio.startRun({ spec, config: config({ epochs: 2 }), datasetId: dataset.id });
    await finished(run.id);
    const conv = spec.nodes.find((n) => n.op === 'conv2d')!;
    const maps = await studio.featureMaps(run.id, conv.id, 0);
    expect(maps.shape[0]).toBe(maps.maps.length);
    expect(maps.maps[0]).toMatch(/^data:image\/png;base64,/);
    expect(maps.input).toMatch(/^data:image\/png;base64,/);
    await expect(studio.featureMaps(run.id, 'nope', 0)).rejects.toThrow(/no node 'nope'/);
    const report = await studio.predictions(run.id, 'validation', 3);
    expect(report.samples[0].image).toMatch(/^data:image\/png;base64,/);
  });

  it('refuses a graph that cannot train, naming the node, and creates no run', async () => {
    const dataset = await studio.useSample('spirals');
    const spec = await studio.templateSpec('mlp', dataset.id);
    const broken = {
      ...spec,
      nodes: [...spec.nodes, { id: 'conv9', op: 'conv2d', params: { filters: 4, kernelSize: 3 } }],
      edges: [...spec.edges, { from: spec.nodes[0].id, to: 'conv9' }],
    };
    const before = (await studio.listRuns()).length;
    await expect(studio.startRun({ spec: broken, config: config(), datasetId: dataset.id })).rejects.toMatchObject({
      nodeId: 'conv9',
    });
    expect(await studio.listRuns()).toHaveLength(before);
  });

  it('deletes a run with its checkpoint files', async () => {
    const [run] = await studio.listRuns({ nameContains: 'first' });
    const detail = await studio.getRun(run.id);
    const paths = detail.checkpoints.map((c) => c.path);
    expect(paths.every((p) => existsSync(p))).toBe(true);
    await studio.deleteRun(run.id);
    expect(paths.some((p) => existsSync(p))).toBe(false);
    await expect(studio.getRun(run.id)).rejects.toThrow();
  });
});
