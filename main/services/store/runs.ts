// Training runs: created queued with a snapshot of the graph and config, moved through their statuses, listed,
// renamed, tagged, annotated and deleted (with their metrics; the checkpoint files are returned to delete).
import type { InitialWeights } from '../../../engine/core/io/weightsMatch';
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import type { SettingChange } from '../../../engine/core/train/settingChanges';
import { type StoreContext, NotFoundError, checkedName, fromJson, toJson } from './context';
import { buildRunQuery, SUMMARY_COLUMNS, type RunQuery } from './runQuery';
import { canMove, isEnded } from './runStatus';
import type { RunOwner } from './owner';
import type { Assignment } from '../../../engine/core/train/sweep';
import type { MetricValues, Run, RunKind, RunStatus, RunSummary } from './types';
import { runFailure, type RunFailure } from '../../../engine/core/train/runFailure';
import { RUN_FAILURES, runFailureText } from '../../api/runFailures';
import { ServiceError } from '../serviceError';

interface RunRow {
  id: string;
  project_id: string;
  graph_version_id: number | null;
  dataset_id: string | null;
  name: string;
  graph?: string;
  train_config: string;
  split_seed: number;
  seed: number;
  status: RunStatus;
  error: string | null;
  failure: string | null;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  running_since: number | null;
  duration_ms: number;
  best_metrics: string | null;
  final_metrics: string | null;
  best_epoch: number | null;
  notes: string;
  kind: RunKind;
  tags: string;
  setting_changes?: string;
  group_id: string | null;
  group_combination: number | null;
  group_assignment: string | null;
}

export interface NewRun {
  projectId: string;
  /** Default "Run N", N counting the project's runs. */
  name?: string;
  graph: ModelSpec;
  /** The saved graph version the snapshot came from, if any. */
  graphVersionId?: number | null;
  trainConfig: TrainConfig;
  datasetId?: string | null;
  /** Default: the dataset's split seed, else the config's seed. */
  splitSeed?: number;
  /** Default: the config's seed. */
  seed?: number;
  tags?: string[];
  notes?: string;
  /** The process that will train it (see owner.ts). */
  owner?: RunOwner | null;
  /** Starting weights (another run's or a file's). */
  initialWeights?: InitialWeights | null;
}

export interface RunResults {
  bestMetrics?: MetricValues | null;
  finalMetrics?: MetricValues | null;
  bestEpoch?: number | null;
}

function normalizedTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => String(t).trim()).filter((t) => t.length > 0))].sort();
}

export type RunRepository = ReturnType<typeof runRepository>;

export function runRepository(ctx: StoreContext) {
  const { db } = ctx;
  const insert = db.prepare(`INSERT INTO runs (id, project_id, graph_version_id, dataset_id, name, graph, train_config,
    split_seed, seed, status, created_at, notes, owner, from_run, initial_weights)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)`);
  const byId = db.prepare<[string], RunRow & { from_run: string | null; initial_weights: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}, r.graph, r.from_run, r.initial_weights, r.setting_changes FROM runs r WHERE r.id = ?`,
  );
  const setChanges = db.prepare('UPDATE runs SET setting_changes = ? WHERE id = ?');
  const projectExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM projects WHERE id = ?');
  const versionExists = db.prepare<[number], { one: number }>('SELECT 1 AS one FROM graph_versions WHERE id = ?');
  const datasetSplitSeed = db.prepare<[string], { seed: number | null }>(
    "SELECT json_extract(manifest, '$.split.seed') AS seed FROM datasets WHERE id = ?",
  );
  const runCount = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM runs WHERE project_id = ?');
  const setStatus = db.prepare(`UPDATE runs SET status = ?, error = ?, failure = ?, started_at = ?, ended_at = ?,
    running_since = ?, duration_ms = ? WHERE id = ?`);
  const setResults = db.prepare('UPDATE runs SET best_metrics = ?, final_metrics = ?, best_epoch = ? WHERE id = ?');
  const setName = db.prepare('UPDATE runs SET name = ? WHERE id = ?');
  const setImported = db.prepare(
    "UPDATE runs SET kind = 'imported', status = 'completed', started_at = ?, ended_at = ? WHERE id = ?",
  );
  const setNotes = db.prepare('UPDATE runs SET notes = ? WHERE id = ?');
  const clearTags = db.prepare('DELETE FROM run_tags WHERE run_id = ?');
  const addTag = db.prepare('INSERT INTO run_tags (run_id, tag) VALUES (?, ?)');
  const allTags = db.prepare<[], { tag: string; runs: number }>(
    'SELECT tag, COUNT(*) AS runs FROM run_tags GROUP BY tag ORDER BY tag',
  );
  const projectTags = db.prepare<
    [string],
    { tag: string; runs: number }
  >(`SELECT t.tag, COUNT(*) AS runs FROM run_tags t
    JOIN runs r ON r.id = t.run_id WHERE r.project_id = ? GROUP BY t.tag ORDER BY t.tag`);
  const checkpointPaths = db.prepare<[string], { path: string }>(
    'SELECT path FROM checkpoints WHERE run_id = ? ORDER BY id',
  );
  const remove = db.prepare('DELETE FROM runs WHERE id = ?');
  const weightFiles = db.prepare<[], { file: string | null }>(
    "SELECT json_extract(initial_weights, '$.file') AS file FROM runs WHERE initial_weights IS NOT NULL",
  );
  const unfinished = db.prepare<
    [],
    {
      id: string;
      status: 'queued' | 'running' | 'paused';
      owner: RunOwner | null;
      running_since: number | null;
      last_epoch_at: number | null;
    }
  >(
    `SELECT r.id, r.status, r.owner, r.running_since, (SELECT MAX(created_at) FROM epoch_metrics e WHERE e.run_id = r.id) AS last_epoch_at
     FROM runs r WHERE r.status IN ('running', 'paused') OR (r.status = 'queued' AND r.group_id IS NULL)`,
  );
  const setOwner = db.prepare('UPDATE runs SET owner = ? WHERE id = ?');
  const ownerOf = db.prepare<[string], { owner: RunOwner | null }>('SELECT owner FROM runs WHERE id = ?');

  function summaryOf(row: RunRow): RunSummary {
    return {
      id: row.id,
      projectId: row.project_id,
      graphVersionId: row.graph_version_id,
      datasetId: row.dataset_id,
      name: row.name,
      trainConfig: JSON.parse(row.train_config) as TrainConfig,
      splitSeed: row.split_seed,
      seed: row.seed,
      status: row.status,
      error: row.error,
      failure: fromJson<RunFailure>(row.failure),
      createdAt: row.created_at,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      // While running, the current stretch counts too.
      durationMs: row.duration_ms + (row.running_since === null ? 0 : Math.max(0, ctx.now() - row.running_since)),
      bestMetrics: fromJson<MetricValues>(row.best_metrics),
      finalMetrics: fromJson<MetricValues>(row.final_metrics),
      bestEpoch: row.best_epoch,
      tags: JSON.parse(row.tags) as string[],
      notes: row.notes,
      kind: row.kind,
      group:
        row.group_id === null
          ? null
          : {
              groupId: row.group_id,
              combination: row.group_combination ?? 0,
              assignment: fromJson<Assignment>(row.group_assignment) ?? {},
            },
    };
  }

  function row(id: string) {
    const found = byId.get(id);
    if (!found) throw new NotFoundError('run', id);
    return found;
  }

  function getRun(id: string): Run {
    const found = row(id);
    return {
      ...summaryOf(found),
      graph: JSON.parse(found.graph as string) as ModelSpec,
      settingChanges: JSON.parse(found.setting_changes ?? '[]') as SettingChange[],
      fromRun: found.from_run,
      initialWeights: fromJson<InitialWeights>(found.initial_weights),
    };
  }

  return {
    createRun(input: NewRun): Run {
      return db
        .transaction(() => {
          if (!projectExists.get(input.projectId)) throw new NotFoundError('project', input.projectId);
          const graphVersionId = input.graphVersionId ?? null;
          if (graphVersionId !== null && !versionExists.get(graphVersionId))
            throw new NotFoundError('graph version', graphVersionId);
          const datasetId = input.datasetId ?? null;
          let datasetSeed: number | null = null;
          if (datasetId !== null) {
            const dataset = datasetSplitSeed.get(datasetId);
            if (!dataset) throw new NotFoundError('dataset', datasetId);
            datasetSeed = dataset.seed;
          }
          const id = ctx.newId();
          const name =
            input.name === undefined ? `Run ${runCount.get(input.projectId)!.n + 1}` : checkedName('run', input.name);
          insert.run(
            id,
            input.projectId,
            graphVersionId,
            datasetId,
            name,
            toJson(input.graph),
            toJson(input.trainConfig),
            input.splitSeed ?? datasetSeed ?? input.trainConfig.seed,
            input.seed ?? input.trainConfig.seed,
            ctx.now(),
            input.notes ?? '',
            input.owner ?? null,
            input.initialWeights?.fromRun ?? null,
            input.initialWeights ? toJson(input.initialWeights) : null,
          );
          for (const tag of normalizedTags(input.tags ?? [])) addTag.run(id, tag);
          return getRun(id);
        })
        .immediate();
    },
    /**
     * A run whose weights came from a model file: completed at creation, with no epochs, kind 'imported'. Its
     * checkpoint is recorded by the caller once the file is written.
     */
    createImportedRun(input: Omit<NewRun, 'owner' | 'datasetId'>): Run {
      return db
        .transaction(() => {
          const run = this.createRun({ ...input, datasetId: null, owner: null });
          const now = ctx.now();
          setImported.run(now, now, run.id);
          return getRun(run.id);
        })
        .immediate();
    },
    getRun,
    /** Records `owner` as the process training the run from now on. */
    claimRun(id: string, owner: RunOwner): void {
      if (setOwner.run(owner, id).changes === 0) throw new NotFoundError('run', id);
    },
    ownerOf(id: string): RunOwner | null {
      return ownerOf.get(id)?.owner ?? null;
    },
    listRuns(query: RunQuery = {}): RunSummary[] {
      const { sql, params } = buildRunQuery(query);
      return (db.prepare(sql).all(...params) as RunRow[]).map(summaryOf);
    },
    /**
     * Moves the run to `status` (see runStatus.ts for what may follow what; the same status again changes
     * nothing). Keeps the running time across pauses, the start and end times, and why a failed run failed: its
     * `failure` (a code with values; 'no-reason' when none is given) and `error`, the English (by default the
     * failure's English sentence, main/api/runFailures.ts).
     */
    updateRunStatus(id: string, status: RunStatus, details: { error?: string; failure?: RunFailure } = {}): RunSummary {
      return db
        .transaction(() => {
          const current = row(id);
          if (current.status === status) return summaryOf(current);
          if (!canMove(current.status, status)) {
            throw new ServiceError('run-status-change', { run: current.name, status: current.status, next: status });
          }
          const at = ctx.now();
          let duration = current.duration_ms;
          if (current.running_since !== null) duration += Math.max(0, at - current.running_since);
          const running = status === 'running';
          const failure = status === 'failed' ? (details.failure ?? runFailure('no-reason')) : null;
          const error = details.error ?? (failure ? (runFailureText(failure, RUN_FAILURES) ?? failure.code) : null);
          setStatus.run(
            status,
            running || status === 'queued' ? null : error,
            failure ? JSON.stringify(failure) : null,
            running ? (current.started_at ?? at) : current.started_at,
            isEnded(status) ? at : null,
            running ? at : null,
            duration,
            id,
          );
          return summaryOf(row(id));
        })
        .immediate();
    },
    /** Best and final metrics and the best epoch; fields left out keep their values. */
    setRunResults(id: string, results: RunResults): RunSummary {
      const current = row(id);
      const pick = <T>(value: T | null | undefined, stored: T | null) => (value === undefined ? stored : value);
      setResults.run(
        toJsonOrNull(pick(results.bestMetrics, fromJson<MetricValues>(current.best_metrics))),
        toJsonOrNull(pick(results.finalMetrics, fromJson<MetricValues>(current.final_metrics))),
        pick(results.bestEpoch, current.best_epoch),
        id,
      );
      return summaryOf(row(id));
    },
    renameRun(id: string, name: string): RunSummary {
      if (setName.run(checkedName('run', name), id).changes === 0) throw new NotFoundError('run', id);
      return summaryOf(row(id));
    },
    /** Replaces the run's tags (trimmed, duplicates and blanks dropped, sorted). */
    setRunTags(id: string, tags: readonly string[]): RunSummary {
      return db.transaction(() => {
        row(id);
        clearTags.run(id);
        for (const tag of normalizedTags(tags)) addTag.run(id, tag);
        return summaryOf(row(id));
      })();
    },
    /** Replaces the run's list of settings changed at pauses (the engine reports the whole list each time). */
    setSettingChanges(id: string, changes: readonly SettingChange[]): void {
      if (setChanges.run(JSON.stringify(changes), id).changes === 0) throw new NotFoundError('run', id);
    },
    setRunNotes(id: string, notes: string): RunSummary {
      if (setNotes.run(String(notes), id).changes === 0) throw new NotFoundError('run', id);
      return summaryOf(row(id));
    },
    /** Every tag in use (in a project, or anywhere) with how many runs carry it. */
    listTags(projectId?: string): Array<{ tag: string; runs: number }> {
      return projectId === undefined ? allTags.all() : projectTags.all(projectId);
    },
    /** The files runs started from (weights files and other runs' checkpoints), each once. */
    initialWeightFiles(): string[] {
      return [...new Set(weightFiles.all().flatMap((r) => (typeof r.file === 'string' ? [r.file] : [])))];
    },
    /** Deletes the run with its metrics, checkpoints and exports records; returns the checkpoint files to delete. */
    deleteRun(id: string): { checkpointPaths: string[] } {
      return db.transaction(() => {
        row(id);
        const paths = checkpointPaths.all(id).map((r) => r.path);
        remove.run(id);
        return { checkpointPaths: paths };
      })();
    },
    /**
     * Runs left queued, running or paused by a process that is gone (a crash, a killed command, a closed app; runs
     * without an owner were recorded before owners were) become 'interrupted' and stay resumable. Runs whose owner
     * is alive are training there and are left alone. Their running time is counted up to the last recorded
     * epoch, the last sign they were alive. A group's queued runs have not started: they stay queued for whichever
     * process takes the group over (groups.ts).
     */
    recoverInterruptedRuns(alive: (owner: RunOwner) => boolean): string[] {
      return db
        .transaction(() => {
          const at = ctx.now();
          const ids: string[] = [];
          for (const run of unfinished.all()) {
            if (run.owner !== null && alive(run.owner)) continue;
            const current = row(run.id);
            let duration = current.duration_ms;
            let endedAt = at;
            if (run.running_since !== null) {
              const lastAlive = Math.max(run.running_since, run.last_epoch_at ?? run.running_since);
              duration += lastAlive - run.running_since;
              endedAt = lastAlive;
            }
            const failure = runFailure(`interrupted-${run.status}`);
            setStatus.run(
              'interrupted',
              runFailureText(failure, RUN_FAILURES),
              JSON.stringify(failure),
              current.started_at,
              endedAt,
              null,
              duration,
              run.id,
            );
            ids.push(run.id);
          }
          return ids;
        })
        .immediate();
    },
  };
}

function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toJson(value);
}
