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

/** Whether process `pid` exists (EPERM: it does, as another user's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `<file>.<pid>.tmp` files (common/atomicWrite.ts) whose writing process is gone, in every run folder: a
 * kill mid-write leaves one, and nothing else would ever remove it. A live engine's file is left to finish.
 */
export function removeStaleTemporaryFiles(runsDir: string): string[] {
  const removed: string[] = [];
  if (!existsSync(runsDir)) return removed;
  for (const run of readdirSync(runsDir, { withFileTypes: true })) {
    if (!run.isDirectory()) continue;
    for (const file of readdirSync(join(runsDir, run.name))) {
      const writer = /\.(\d+)\.tmp$/.exec(file);
      if (!writer || processExists(Number(writer[1]))) continue;
      rmSync(join(runsDir, run.name, file), { force: true });
      removed.push(join(runsDir, run.name, file));
    }
  }
  return removed;
}

/**
 * On opening a home: reconciles every run that opening the store found orphaned (store.recoveredRunIds, each in
 * <runsDir>/<run id>), and removes temporary files left by dead writers in any run's folder.
 */
export function reconcileRecoveredRuns(store: Store, runsDir: string): void {
  for (const runId of store.recoveredRunIds) reconcileRun(store, runId, join(runsDir, runId));
  removeStaleTemporaryFiles(runsDir);
}
