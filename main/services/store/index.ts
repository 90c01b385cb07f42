// The experiment store: one SQLite file (WAL, foreign keys on) holding projects, graphs and their versions,
// datasets, runs with their metrics, checkpoints and exports. `openStore` is the one entry point.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { appStateRepository } from './appState';
import { checkpointRepository, exportRepository } from './artifacts';
import { makeContext } from './context';
import { datasetRepository } from './datasets';
import { graphRepository } from './graphs';
import { groupRepository } from './groups';
import { metricsRepository } from './metrics';
import { MetricsWriter, type MetricsWriterOptions } from './metricsWriter';
import { migrate, type Migration, MIGRATIONS, NewerSchemaError, schemaVersion } from './migrations';
import { projectRepository } from './projects';
import { runRepository } from './runs';
import { ownerAlive } from './owner';
import { ServiceError } from '../serviceError';

export { registerDataset, type NewDataset, type DatasetRepository } from './datasets';
export { toEpochRecord, type MetricsRepository, type RunEpoch, type RunStep } from './metrics';
export { MetricsWriter, type MetricsWriterOptions } from './metricsWriter';
export { MIGRATIONS, NewerSchemaError, migrate, schemaVersion, type Migration } from './migrations';
export { NotFoundError } from './context';
export { currentOwner, ownerAlive, type RunOwner } from './owner';
export type { NewRun, RunResults, RunRepository } from './runs';
export type { RunQuery, RunSortKey } from './runQuery';
export type { ProjectRepository } from './projects';
export type { GraphRepository } from './graphs';
export type { GroupRepository, NewGroup, NewGroupRun } from './groups';
export type { CheckpointRepository, ExportRepository } from './artifacts';
export type { AppStateRepository } from './appState';
export * from './types';

export interface StoreOptions {
  /** Clock in epoch ms (tests). Default Date.now. */
  now?: () => number;
  /** How long to wait for another process's write lock before failing, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /** Turn runs left queued, running or paused by a process that has gone into 'interrupted' on open. Default true. */
  recoverInterruptedRuns?: boolean;
  /** Whether an owner process is alive (tests). Default: owner.ts's check of the process id and start time. */
  ownerAlive?: (owner: string) => boolean;
  /** The schema steps (tests of migrations). Default MIGRATIONS. */
  migrations?: readonly Migration[];
}

export interface Store {
  readonly path: string;
  readonly projects: ReturnType<typeof projectRepository>;
  readonly graphs: ReturnType<typeof graphRepository>;
  readonly datasets: ReturnType<typeof datasetRepository>;
  readonly runs: ReturnType<typeof runRepository>;
  readonly groups: ReturnType<typeof groupRepository>;
  readonly metrics: ReturnType<typeof metricsRepository>;
  readonly checkpoints: ReturnType<typeof checkpointRepository>;
  readonly exports: ReturnType<typeof exportRepository>;
  /** Where the user left off (see appState.ts). */
  readonly appState: ReturnType<typeof appStateRepository>;
  /** Schema version before and after opening (from < to when this open migrated the file). */
  readonly schema: { from: number; to: number };
  /** Runs that opening turned from queued/running/paused into 'interrupted' (their owner was gone). */
  readonly recoveredRunIds: string[];
  /** A buffered writer for streaming metrics; closed (and flushed) by close() if still open. */
  createMetricsWriter(options?: MetricsWriterOptions): MetricsWriter;
  /** Flushes open metrics writers and closes the database. */
  close(): void;
}

/** Opens (creating if needed) the store at `path` (':memory:' for a throwaway one), migrating it to the latest schema. */
export function openStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Electron loads a copy of better-sqlite3 built for its own ABI (scripts/electron-sqlite.mjs); Node the default.
  const nativeBinding = process.versions.electron ? process.env.NETWRIGHT_SQLITE_BINDING || undefined : undefined;
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000, nativeBinding });
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    let found: number;
    try {
      found = schemaVersion(db);
    } catch (error) {
      throw new ServiceError('store-damaged', { file: path, reason: (error as Error).message }, { cause: error });
    }
    // Refuse before touching anything (even the journal mode) in a file from a newer version.
    if (found > migrations.length) throw new NewerSchemaError(path, found, migrations.length);
    // WAL: readers (a second window, the CLI) never block the writer. NORMAL sync is safe with WAL: a power
    // cut can lose the last commits but never corrupts the file.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const schema = migrate(db, path, migrations);
    const ctx = makeContext(db, path, options.now);
    const runs = runRepository(ctx);
    const recoveredRunIds =
      options.recoverInterruptedRuns === false ? [] : runs.recoverInterruptedRuns(options.ownerAlive ?? ownerAlive);
    const metrics = metricsRepository(ctx);
    const writers = new Set<MetricsWriter>();
    return {
      path,
      projects: projectRepository(ctx),
      graphs: graphRepository(ctx),
      datasets: datasetRepository(ctx),
      runs,
      groups: groupRepository(ctx, runs),
      metrics,
      checkpoints: checkpointRepository(ctx),
      exports: exportRepository(ctx),
      appState: appStateRepository(ctx),
      schema,
      recoveredRunIds,
      createMetricsWriter(writerOptions?: MetricsWriterOptions): MetricsWriter {
        const writer = new MetricsWriter(metrics, writerOptions, () => writers.delete(writer));
        writers.add(writer);
        return writer;
      },
      close(): void {
        if (!db.open) return;
        try {
          for (const writer of [...writers]) writer.close();
        } finally {
          db.close();
        }
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
