// Open model…: an ONNX file becomes a graph (unsupported nodes marked) and, when every node can run, a run of kind
// 'imported' whose one checkpoint holds the file's weights, so predict, export and the run page work on it.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importOnnx } from '../../../engine/core/import/onnx';
import type { ImportedTensor } from '../../../engine/core/import/onnx/convertTypes';
import type { Standardization } from '../../../engine/core/import/onnx/passes';
import type { TargetNormalization } from '../../../engine/core/data/dataset';
import { encodeCheckpoint } from '../../../engine/core/io/checkpoint';
import { Rng } from '../../../engine/core/rng';
import { createSchedule } from '../../../engine/core/schedule';
import { analyze } from '../../../engine/core/spec/analyze';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { TRAIN_CONFIG_VERSION, type TrainConfig } from '../../../engine/core/train/config';
import { writeFileAtomic } from '../../../engine/host/common/atomicWrite';
import type { FileRef, ModelImportResult } from '../../api/types';
import type { Store } from '../store';
import type { GraphService } from './graphs';
import { ServiceError } from '../serviceError';

/** The settings an imported run records: nothing was trained (0 epochs); the loss is the usual one for its output. */
export function importedTrainConfig(spec: ModelSpec, regression = false): TrainConfig {
  const analysis = analyze(spec);
  const output = analysis.outputId ? analysis.nodes[analysis.outputId].outputShape : null;
  return {
    version: TRAIN_CONFIG_VERSION,
    loss: !regression && output && output.length === 1 && output[0] > 1 ? 'cross_entropy' : 'mse',
    optimizer: { type: 'adam', lr: 0.001 },
    schedule: { type: 'constant' },
    epochs: 0,
    batchSize: 32,
    seed: 42,
    split: { train: 1, validation: 0, test: 0 },
  };
}

/**
 * A checkpoint at epoch 0 holding the imported weights (and the standardization the file did first, which the
 * engine then applies to every input, and the targets' it undid last, which predictions undo), as a trained run's
 * 'last' checkpoint is laid out.
 */
export function importedCheckpoint(
  spec: ModelSpec,
  tensors: ReadonlyMap<string, ImportedTensor>,
  config: TrainConfig,
  normalization: Standardization | null,
  targetNormalization: TargetNormalization | null = null,
): Uint8Array {
  return encodeCheckpoint(
    {
      epoch: 0,
      steps: 0,
      optimizerSteps: 0,
      shuffleRng: new Rng(config.seed).state(),
      schedule: createSchedule(config.schedule, config.optimizer.lr).state(),
      learningRate: config.optimizer.lr,
      earlyStopping: null,
      tensors: new Map([...tensors].map(([name, t]) => [name, { shape: [...t.shape], value: t.value }])),
      optimizer: {},
      best: null,
      history: [],
    },
    { spec, config, normalization, targetNormalization, kind: 'last' },
  );
}

export class ModelImportService {
  constructor(
    private readonly store: Store,
    private readonly graphs: GraphService,
    private readonly runsDir: string,
    private readonly resolveFile: (ref: FileRef) => string,
  ) {}

  importModel(file: FileRef, name?: string): ModelImportResult {
    const path = this.resolveFile(file);
    // Messages name the file as the user knows it: an upload by its own name, else the path.
    const shown = file.kind === 'upload' ? file.name : path;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new ServiceError(
        'model-unreadable',
        { file: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
        { cause: error },
      );
    }
    const imported = importOnnx(bytes, shown, { name });
    const { spec, tensors, report, normalization, targetNormalization } = imported;
    const graph = this.graphs.create(spec.name!, spec);
    if (report.unsupported.length > 0 || !analyze(spec).ok) return { graph, runId: null, report };
    // A Netwright regression exported in the label's units: the spec predicts standardized targets again.
    const config = importedTrainConfig(spec, targetNormalization !== null);
    const run = this.store.runs.createImportedRun({
      projectId: this.graphs.projectId(),
      name: spec.name,
      graph: spec,
      graphVersionId: this.graphs.latestVersionId(graph.id),
      trainConfig: config,
      notes: spec.description,
    });
    const folder = join(this.runsDir, run.id);
    mkdirSync(folder, { recursive: true });
    const checkpoint = join(folder, 'last.safetensors');
    writeFileAtomic(checkpoint, importedCheckpoint(spec, tensors, config, normalization, targetNormalization));
    this.store.checkpoints.addCheckpoint({ runId: run.id, epoch: 0, kind: 'last', path: checkpoint });
    return { graph, runId: run.id, report };
  }
}
