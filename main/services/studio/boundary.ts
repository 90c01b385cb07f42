// The decision boundary (two-feature classes) or fitted curve (one-feature regression) of a run: one grid of inputs
// per update, answered by the live model between training steps while the run trains, else by its checkpoint.
import { randomUUID } from 'node:crypto';
import type { BoundaryMap } from '../../api/types';
import type { EngineSupervisor } from '../engine/supervisor';
import type { Store } from '../store';
import type { DatasetRecord } from '../store/types';
import {
  boundaryKind,
  DEFAULT_RESOLUTION,
  gridInputs,
  MAX_RESOLUTION,
  MIN_RESOLUTION,
  paddedRange,
} from '../../api/boundaryGrid';
import { readFeatures, readTruth, splitIndices } from './datasetRows';
import { probabilities, trainedRun } from './insight';
import { ServiceError } from '../serviceError';

/** Points drawn over the map: enough to show the data's shape, few enough to send several times a second. */
const MAX_POINTS = 1500;

type Points = BoundaryMap['points'];

export class BoundaryService {
  /** Points and their ranges per dataset (datasets do not change once imported). */
  private readonly pointsOf = new Map<string, { points: Points; x: [number, number]; y: [number, number] | null }>();

  constructor(
    private readonly store: Store,
    private readonly supervisor: EngineSupervisor,
  ) {}

  async boundary(runId: string, resolution = DEFAULT_RESOLUTION): Promise<BoundaryMap> {
    if (!Number.isInteger(resolution) || resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
      throw new ServiceError('boundary-resolution', {
        min: MIN_RESOLUTION,
        max: MAX_RESOLUTION,
        resolution: String(resolution),
      });
    }
    const run = this.store.runs.getRun(runId);
    if (!run.datasetId) throw new ServiceError('run-no-dataset', { run: run.name });
    const dataset = this.store.datasets.getDataset(run.datasetId);
    const kind = boundaryKind(dataset.manifest);
    if (!kind) {
      throw new ServiceError('boundary-features', {
        dataset: dataset.name,
        shape: `[${dataset.manifest.featureShape.join(', ')}]`,
      });
    }
    const { points, x, y } = this.points(dataset, kind);
    const inputs = gridInputs(x, y, resolution);
    const count = kind === 'classes' ? resolution * resolution : resolution;
    const answer = await this.evaluate(runId, inputs, count);
    const values: number[] = [];
    for (let row = 0; row < count; row++) {
      const output = answer.outputs.subarray(row * answer.outputSize, (row + 1) * answer.outputSize);
      if (kind === 'classes') values.push(...probabilities(output));
      else values.push(output[0]);
    }
    const names = dataset.manifest.featureNames ?? [];
    return {
      kind,
      source: answer.source,
      best: answer.best,
      epoch: answer.epoch,
      step: answer.step,
      resolution,
      x,
      y,
      xName: names[0] ?? 'x',
      yName: kind === 'classes' ? (names[1] ?? 'y') : (dataset.manifest.targetNames?.[0] ?? 'y'),
      classNames: dataset.manifest.classNames ?? [],
      values,
      points,
    };
  }

  /** The live model while the run trains (falling back to the checkpoint if it ends meanwhile), else the checkpoint. */
  private async evaluate(runId: string, inputs: Float32Array, count: number) {
    const engine = await this.supervisor.ensureEngine();
    if (this.supervisor.activeRun === runId) {
      try {
        const grid = await engine.request({ type: 'probe-grid', requestId: randomUUID(), runId, inputs, count });
        return {
          source: 'live' as const,
          best: false,
          epoch: grid.epoch,
          step: grid.step as number | null,
          outputs: grid.outputs,
          outputSize: grid.outputSize,
        };
      } catch (error) {
        if (this.supervisor.activeRun === runId) throw error;
      }
    }
    const { checkpoint } = trainedRun(this.store, runId);
    const prediction = await engine.request({
      type: 'predict',
      requestId: randomUUID(),
      checkpoint: checkpoint.path,
      inputs,
      count,
    });
    return {
      source: 'checkpoint' as const,
      best: checkpoint.kind === 'best',
      epoch: checkpoint.epoch,
      step: null,
      outputs: prediction.outputs,
      outputSize: prediction.outputSize,
    };
  }

  private points(dataset: DatasetRecord, kind: BoundaryMap['kind']) {
    const known = this.pointsOf.get(dataset.id);
    if (known) return known;
    const { manifest, folder } = dataset;
    const splits = (['train', 'validation'] as const).flatMap((split) =>
      Array.from(splitIndices(folder, split), (index) => ({ index, split })),
    );
    // Evenly spread over both splits when there are too many to draw.
    const wanted = Math.min(splits.length, MAX_POINTS);
    const chosen = Array.from({ length: wanted }, (_, k) => splits[Math.floor((k * splits.length) / wanted)]);
    const indices = chosen.map((c) => c.index);
    const features = readFeatures(folder, manifest, indices);
    const truth = readTruth(folder, manifest, indices);
    const width = kind === 'classes' ? 2 : 1;
    const points: Points = chosen.map((c, k) => ({
      x: features[k * width],
      y: kind === 'classes' ? features[k * width + 1] : truth[k],
      label: kind === 'classes' ? truth[k] : 0,
      split: c.split,
    }));
    const x = paddedRange(points.map((p) => p.x));
    const y = kind === 'classes' ? paddedRange(points.map((p) => p.y)) : null;
    const entry = { points, x, y };
    this.pointsOf.set(dataset.id, entry);
    return entry;
  }
}
