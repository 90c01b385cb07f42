// A run's weights for evaluation and prediction: its best checkpoint (else its last), or the one asked for, and
// the dataset it trained on; errors name the run when there is nothing to use.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { SplitMetrics } from '../../engine/core/train/trainer';
import type { EngineClient } from '../../engine/host/parent/client';
import type { Store } from '../services/store';
import type { CheckpointRecord, DatasetRecord, RunSummary } from '../services/store/types';
import { CliError } from './errorWords';
import { ServiceError } from '../services/serviceError';

export type CheckpointChoice = 'best' | 'last';

export function runCheckpoint(store: Store, run: RunSummary, which: CheckpointChoice = 'best'): CheckpointRecord {
  const checkpoint = store.checkpoints.latestCheckpoint(run.id, which) ?? store.checkpoints.latestCheckpoint(run.id);
  if (!checkpoint) throw new CliError('no-checkpoint-yet', { run: run.name });
  if (!existsSync(checkpoint.path)) throw new CliError('checkpoint-missing', { run: run.name, path: checkpoint.path });
  return checkpoint;
}

export function runDataset(store: Store, run: RunSummary): DatasetRecord {
  if (!run.datasetId)
    throw run.kind === 'imported'
      ? new CliError('imported-no-dataset', { run: run.name })
      : new ServiceError('run-no-dataset', { run: run.name });
  const dataset = store.datasets.getDataset(run.datasetId);
  if (!existsSync(dataset.folder))
    throw new CliError('dataset-folder-missing', { run: run.name, dataset: dataset.name, folder: dataset.folder });
  return dataset;
}

/** The checkpoint's metrics on a split of the dataset, computed by the engine (null when the split is empty). */
export async function evaluateSplit(
  engine: EngineClient,
  checkpoint: string,
  dataset: DatasetRecord,
  split: 'validation' | 'test',
): Promise<SplitMetrics | null> {
  if (dataset.manifest.split.counts[split] === 0) return null;
  const reply = await engine.request({
    type: 'evaluate',
    requestId: randomUUID(),
    checkpoint,
    datasetDir: dataset.folder,
    split,
  });
  return reply.metrics;
}
