// What a trained run shows after training: metrics and sample predictions on a held-out split, weight
// histograms per layer (from its checkpoint), and a convolution layer's feature maps for one input.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import type { CheckpointWeights, FeatureMaps, LayerWeights, PredictionReport, SamplePrediction } from '../../api/types';
import type { EngineSupervisor } from '../engine/supervisor';
import type { Store } from '../store';
import type { CheckpointRecord, DatasetRecord } from '../store/types';
import { featureSize, imageDataUrl, readFeatures, readTruth, splitIndices } from './datasetRows';
import { ServiceError } from '../serviceError';

const HISTOGRAM_BINS = 40;
/** |w| below this counts as zero in the sparsity share (L1 drives weights to exactly this neighbourhood). */
const NEAR_ZERO = 1e-3;
const MAX_SCATTER_POINTS = 2000;

export class InsightService {
  constructor(
    private readonly store: Store,
    private readonly supervisor: EngineSupervisor,
  ) {}

  async predictions(
    runId: string,
    split: 'validation' | 'test',
    samples: number,
    weights: CheckpointWeights = 'best',
  ): Promise<PredictionReport> {
    const { checkpoint, dataset } = trainedRun(this.store, runId, weights);
    const engine = await this.supervisor.ensureEngine();
    const evaluation = await engine.request({
      type: 'evaluate',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      datasetDir: dataset.folder,
      split,
    });
    const { manifest } = dataset;
    const indices = splitIndices(dataset.folder, split);
    const regression = manifest.task === 'regression';
    // Evenly spread over the split, so the samples shown are not all of the first class.
    const wanted = Math.min(indices.length, regression ? MAX_SCATTER_POINTS : samples);
    const take = Array.from({ length: wanted }, (_, k) => indices[Math.floor((k * indices.length) / wanted)]);
    const inputs = readFeatures(dataset.folder, manifest, take);
    const prediction = await engine.request({
      type: 'predict',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      inputs,
      count: take.length,
    });
    const truth = readTruth(dataset.folder, manifest, take);
    const isImage = manifest.featureShape.length === 3;
    const width = featureSize(manifest);
    const shown: SamplePrediction[] = [];
    for (let k = 0; k < Math.min(samples, take.length); k++) {
      const row = inputs.subarray(k * width, (k + 1) * width);
      const output = Array.from(
        prediction.outputs.subarray(k * prediction.outputSize, (k + 1) * prediction.outputSize),
      );
      const sample: SamplePrediction = regression
        ? { index: take[k], trueLabel: truth[k], predicted: output[0] }
        : {
            index: take[k],
            trueLabel: className(manifest, truth[k]),
            predicted: className(manifest, prediction.classes![k]),
            probabilities: probabilities(output),
          };
      if (isImage) sample.image = await imageDataUrl(row, manifest.featureShape);
      else sample.features = Array.from(row);
      shown.push(sample);
    }
    return {
      split,
      weights: checkpoint.kind === 'best' ? 'best' : 'last',
      epoch: checkpoint.epoch,
      metrics: evaluation.metrics,
      classNames: manifest.classNames,
      samples: shown,
      ...(regression
        ? { scatter: take.map((_, k) => [truth[k], prediction.outputs[k * prediction.outputSize]] as [number, number]) }
        : {}),
    };
  }

  layerWeights(runId: string): LayerWeights[] {
    const { checkpoint } = this.trained(runId);
    const { snapshot } = decodeCheckpoint(readFileSync(checkpoint.path), checkpoint.path);
    const layers: LayerWeights[] = [];
    for (const [name, tensor] of snapshot.tensors) {
      if (!name.endsWith('.weight') || tensor.shape.length < 2) continue; // dense and conv kernels, not BN scales
      layers.push({
        nodeId: name.slice(0, -'.weight'.length),
        tensor: name,
        shape: tensor.shape,
        ...histogram(tensor.value),
      });
    }
    return layers;
  }

  async featureMaps(runId: string, nodeId: string, sampleIndex: number): Promise<FeatureMaps> {
    const { checkpoint, dataset } = this.trained(runId);
    const { manifest } = dataset;
    if (!Number.isInteger(sampleIndex) || sampleIndex < 0 || sampleIndex >= manifest.count) {
      throw new ServiceError('sample-outside-dataset', {
        sample: sampleIndex,
        dataset: dataset.name,
        last: manifest.count - 1,
      });
    }
    const inputs = readFeatures(dataset.folder, manifest, [sampleIndex]);
    const engine = await this.supervisor.ensureEngine();
    const reply = await engine.request({
      type: 'activations',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      inputs,
      nodeId,
    });
    if (reply.shape.length !== 3)
      throw new ServiceError('feature-maps-shape', { nodeId, shape: `[${reply.shape.join(', ')}]` });
    const [channels, height, width] = reply.shape;
    const maps: string[] = [];
    for (let c = 0; c < channels; c++) {
      maps.push(
        await imageDataUrl(
          reply.values.subarray(c * height * width, (c + 1) * height * width),
          [1, height, width],
          true,
        ),
      );
    }
    const input = manifest.featureShape.length === 3 ? await imageDataUrl(inputs, manifest.featureShape) : null;
    return { nodeId, shape: reply.shape, maps, input };
  }

  private trained(runId: string): { checkpoint: CheckpointRecord; dataset: DatasetRecord } {
    return trainedRun(this.store, runId);
  }
}

/**
 * The run's best checkpoint (else its last), or its last when asked, and its dataset; an error a user understands
 * when there is none.
 */
export function trainedRun(
  store: Store,
  runId: string,
  weights: CheckpointWeights = 'best',
): { checkpoint: CheckpointRecord; dataset: DatasetRecord } {
  const checkpoint = runWeights(store, runId, weights);
  const run = store.runs.getRun(runId);
  if (!run.datasetId) throw new ServiceError('run-no-dataset', { run: run.name });
  return { checkpoint, dataset: store.datasets.getDataset(run.datasetId) };
}

/** The run's best checkpoint (else its last), or its last when asked; a run imported from a file has its one. */
export function runWeights(store: Store, runId: string, weights: CheckpointWeights = 'best'): CheckpointRecord {
  const checkpoint =
    (weights === 'best' ? store.checkpoints.latestCheckpoint(runId, 'best') : null) ??
    store.checkpoints.latestCheckpoint(runId, 'last') ??
    store.checkpoints.latestCheckpoint(runId);
  if (!checkpoint) throw new ServiceError('run-no-checkpoint', { run: store.runs.getRun(runId).name });
  return checkpoint;
}

function className(manifest: DatasetManifest, index: number): string {
  return manifest.classNames?.[index] ?? String(index);
}

/** Softmax over the logits, or the sigmoid of a single logit as [1 - p, p]. */
export function probabilities(logits: ArrayLike<number>): number[] {
  if (logits.length === 1) {
    const p = 1 / (1 + Math.exp(-logits[0]));
    return [1 - p, p];
  }
  const values = Array.from(logits);
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

function histogram(values: Float32Array): Pick<LayerWeights, 'edges' | 'counts' | 'nearZero' | 'l2'> {
  let low = Infinity;
  let high = -Infinity;
  let squares = 0;
  let zeros = 0;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
    squares += v * v;
    if (Math.abs(v) < NEAR_ZERO) zeros++;
  }
  if (!(high > low)) {
    low -= 0.5;
    high += 0.5;
  }
  const width = (high - low) / HISTOGRAM_BINS;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of values) counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - low) / width))]++;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => low + i * width);
  return { edges, counts, nearZero: zeros / values.length, l2: Math.sqrt(squares) };
}
