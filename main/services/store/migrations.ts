// Schema migrations keyed by PRAGMA user_version: each one a small step applied in its own transaction, so a
// database is always at exactly one known version, and one written by a newer Netwright is refused, not damaged.
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../serviceError';

export interface Migration {
  /** The user_version the database has once this step is applied: 1, 2, 3 ... with no gaps. */
  version: number;
  name: string;
  up(db: Database): void;
}

/** A database written by a newer Netwright: refused untouched (code 'service-store-newer'). */
export class NewerSchemaError extends ServiceError {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super('store-newer', { file: path, found, known });
  }
}

const STATUSES = `'queued','running','paused','completed','stopped','failed','interrupted'`;

const INITIAL_SCHEMA = `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE graphs (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX graphs_by_project ON graphs(project_id);

CREATE TABLE graph_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  graph_id TEXT NOT NULL REFERENCES graphs(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  spec TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (graph_id, version)
);

CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('csv', 'images', 'generated')),
  folder TEXT NOT NULL,
  manifest TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_sha256 TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  graph_version_id INTEGER REFERENCES graph_versions(id) ON DELETE SET NULL,
  -- A dataset in use by a run cannot be deleted: the run would no longer be resumable or comparable.
  dataset_id TEXT REFERENCES datasets(id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  graph TEXT NOT NULL,
  train_config TEXT NOT NULL,
  split_seed INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN (${STATUSES})),
  error TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  -- Set while status is 'running': when the current stretch of running began (for duration_ms).
  running_since INTEGER,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  best_metrics TEXT,
  final_metrics TEXT,
  best_epoch INTEGER,
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_by_project ON runs(project_id, created_at);
CREATE INDEX runs_by_status ON runs(status);
CREATE INDEX runs_by_dataset ON runs(dataset_id);

CREATE TABLE run_tags (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX run_tags_by_tag ON run_tags(tag);

CREATE TABLE epoch_metrics (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  train_loss REAL,
  train_accuracy REAL,
  val_loss REAL,
  val_accuracy REAL,
  lr REAL,
  metrics TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;

CREATE TABLE step_metrics (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  epoch INTEGER NOT NULL,
  loss REAL, -- NULL where the loss was not a number (a diverged run)
  lr REAL,
  samples_per_s REAL,
  PRIMARY KEY (run_id, step)
) WITHOUT ROWID;

CREATE TABLE checkpoints (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('best', 'last', 'manual')),
  path TEXT NOT NULL,
  metrics TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX checkpoints_by_run ON checkpoints(run_id, created_at);

CREATE TABLE exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX exports_by_run ON exports(run_id);
`;

const RUN_GROUPS = `
CREATE TABLE run_groups (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('seeds', 'grid', 'random')),
  graph TEXT NOT NULL,
  train_config TEXT NOT NULL,
  graph_version_id INTEGER REFERENCES graph_versions(id) ON DELETE SET NULL,
  dataset_id TEXT REFERENCES datasets(id) ON DELETE RESTRICT,
  -- The sweep plan (engine/core/train/sweep.ts): the swept settings with their values or ranges, and the seeds.
  plan TEXT NOT NULL,
  -- How many runs train at once (the cores divided between them).
  parallel INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled')),
  -- The process working through the queue (store/owner.ts); another picks the group up once it has gone.
  owner TEXT,
  created_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX run_groups_by_project ON run_groups(project_id, created_at);
ALTER TABLE runs ADD COLUMN group_id TEXT REFERENCES run_groups(id) ON DELETE SET NULL;
-- Order in the queue, which combination of settings (0-based) and its values as {setting: value}.
ALTER TABLE runs ADD COLUMN group_position INTEGER;
ALTER TABLE runs ADD COLUMN group_combination INTEGER;
ALTER TABLE runs ADD COLUMN group_assignment TEXT;
CREATE INDEX runs_by_group ON runs(group_id, group_position);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(INITIAL_SCHEMA) },
  // The process training a queued, running or paused run (see owner.ts), so others can tell a dead one.
  { version: 2, name: 'run owners', up: (db) => db.exec('ALTER TABLE runs ADD COLUMN owner TEXT') },
  // Seeds and sweeps: a group of runs made from one base graph and config; each run records its place in the group.
  { version: 3, name: 'run groups', up: (db) => db.exec(RUN_GROUPS) },
  // Where the user left off (open graph, dataset, settings, selected run, view), kept with the work it points to so
  // the desktop app and web mode, which share this file, reopen at the same place (see store/appState.ts).
  {
    version: 4,
    name: 'app state',
    up: (db) =>
      db.exec(
        'CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID',
      ),
  },
  // Where a run's starting weights came from: the run it fine-tunes (from_run) and the file and table of what was
  // loaded (initial_weights, JSON; engine/core/io/weightsMatch.ts's InitialWeights).
  {
    version: 5,
    name: 'run starting weights',
    up: (db) => db.exec('ALTER TABLE runs ADD COLUMN from_run TEXT; ALTER TABLE runs ADD COLUMN initial_weights TEXT;'),
  },
  // How a run got its weights: 'trained' by Netwright, or 'imported' from a model file (an ONNX import: no epochs,
  // completed at once, its checkpoint holding the file's weights).
  {
    version: 6,
    name: 'run kinds',
    up: (db) =>
      db.exec(
        "ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'trained' CHECK (kind IN ('trained', 'imported'))",
      ),
  },
  // Settings changed at pauses (engine/core/train/settingChanges.ts): a JSON list of { epoch, step, setting, from, to }.
  {
    version: 7,
    name: 'run setting changes',
    up: (db) => db.exec("ALTER TABLE runs ADD COLUMN setting_changes TEXT NOT NULL DEFAULT '[]'"),
  },
  // Why a failed run failed, as a code with values (engine/core/train/runFailure.ts, JSON { code, params }), which
  // the studio and the CLI word in the user's language; `error` keeps the English. Runs failed before: NULL.
  { version: 8, name: 'run failure codes', up: (db) => db.exec('ALTER TABLE runs ADD COLUMN failure TEXT') },
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last migration. Returns the versions before and after. A failing step rolls
 * back alone: the database stays at the previous version and the error names the step.
 */
export function migrate(
  db: Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration list is out of order: entry ${i} has version ${m.version}, expected ${i + 1}`);
  });
  const known = migrations.length;
  const from = schemaVersion(db);
  if (from > known) throw new NewerSchemaError(path, from, known);
  for (const step of migrations.slice(from)) {
    const apply = db.transaction(() => {
      // Another process may have migrated between our read and this (IMMEDIATE, so write-locked) transaction.
      if (schemaVersion(db) >= step.version) return;
      step.up(db);
      // PRAGMA takes no bound parameters; the version is a checked integer.
      db.pragma(`user_version = ${step.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new ServiceError(
        'store-update-failed',
        { file: path, version: step.version, step: step.name, reason: (error as Error).message },
        { cause: error },
      );
    }
  }
  return { from, to: known };
}
