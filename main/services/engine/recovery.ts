// Puts a run's records back in line with its files after its trainer died: temporary files from an interrupted
// write are removed, whole checkpoint files the store never heard of are recorded (once they decode), and the
// stored epoch metrics are made equal to the history inside the 'last' checkpoint, which is the truth (the engine
// may have written it after the parent stopped listening, or the parent may have died with metrics unflushed).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import type { EpochMetrics } from '../../../engine/core/train/trainer';
import { toEpochRecord, type Store } from '../store';
import type { CheckpointKind } from '../store/types';

/** What reconciling one run did, for logs and tests. */
export interface Reconciled {
  removedTemporary: string[];
  recorded: string[];
  /** The epoch of the 'last' checkpoint the stored history now matches (null when the run has none). */
  epoch: number | null;
}

/** `last.safetensors`, `best.safetensors`, `manual-epoch-3.safetensors` (see the engine's runner). */
function kindOf(file: string): CheckpointKind | null {
  if (file === 'last.safetensors') return 'last';
  if (file === 'best.safetensors') return 'best';
  if (/^manual-epoch-\d+\.safetensors$/.test(file)) return 'manual';
  return null;
}

/**
 * Reconciles run `runId`, whose files are in `dir` (a damaged file is left unrecorded; a damaged 'last' leaves the
 * stored metrics as they are, and continuing the run reports it).
 */
export function reconcileRun(store: Store, runId: string, dir: string): Reconciled {
  const result: Reconciled = { removedTemporary: [], recorded: [], epoch: null };
  const histories = new Map<string, EpochMetrics[]>();
  if (existsSync(dir)) {
    const recorded = new Map(store.checkpoints.listCheckpoints(runId).map((c) => [c.path, c.epoch]));
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      if (file.endsWith('.tmp')) {
        rmSync(path, { force: true });
        result.removedTemporary.push(path);
        continue;
      }
      const kind = kindOf(file);
      if (!kind) continue;
      let snapshot;
      try {
        snapshot = decodeCheckpoint(readFileSync(path), path).snapshot;
      } catch {
        continue; // not whole (or not ours): nothing to recover from it
      }
      histories.set(path, snapshot.history);
      if (recorded.get(path) === snapshot.epoch) continue;
      if (!recorded.has(path)) result.recorded.push(path);
      store.checkpoints.addCheckpoint({ runId, epoch: snapshot.epoch, kind, path });
    }
  }
  const last = store.checkpoints.latestCheckpoint(runId, 'last');
  const history = last ? histories.get(last.path) : undefined;
  if (last && history) {
    store.metrics.restoreEpochs(runId, history.map(toEpochRecord));
    result.epoch = last.epoch;
  }
  return result;
}

/** Reconciles every run that opening the store found orphaned (store.recoveredRunIds), each in <runsDir>/<run id>. */
export function reconcileRecoveredRuns(store: Store, runsDir: string): void {
  for (const runId of store.recoveredRunIds) reconcileRun(store, runId, join(runsDir, runId));
}
