// Groups of runs (seeds and sweeps): created with all their runs queued in one transaction, owned by the process
// working through the queue, taken over by another once that process has gone, and cancelled with their queue.
import type { ModelSpec } from '../../../engine/core/spec/types';
import type { TrainConfig } from '../../../engine/core/train/config';
import type { Assignment, SweepPlan } from '../../../engine/core/train/sweep';
import { type StoreContext, NotFoundError, checkedName, toJson } from './context';
import type { RunOwner } from './owner';
import type { RunRepository } from './runs';
import type { GroupStatus, RunGroup } from './types';
import { ServiceError } from '../serviceError';

interface GroupRow {
  id: string;
  project_id: string;
  name: string;
  kind: RunGroup['kind'];
  graph: string;
  train_config: string;
  graph_version_id: number | null;
  dataset_id: string | null;
  plan: string;
  parallel: number;
  status: GroupStatus;
  owner: RunOwner | null;
  created_at: number;
  ended_at: number | null;
}

/** One run of a new group, in queue order. */
export interface NewGroupRun {
  name: string;
  graph: ModelSpec;
  trainConfig: TrainConfig;
  combination: number;
  assignment: Assignment;
}

export interface NewGroup {
  projectId: string;
  name: string;
  graph: ModelSpec;
  trainConfig: TrainConfig;
  graphVersionId?: number | null;
  datasetId: string;
  plan: SweepPlan;
  parallel: number;
  runs: NewGroupRun[];
  /** The process that will work through the queue. */
  owner: RunOwner;
}

export type GroupRepository = ReturnType<typeof groupRepository>;

export function groupRepository(ctx: StoreContext, runs: RunRepository) {
  const { db } = ctx;
  const insert = db.prepare(`INSERT INTO run_groups (id, project_id, name, kind, graph, train_config, graph_version_id,
    dataset_id, plan, parallel, status, owner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`);
  const placeRun = db.prepare(
    'UPDATE runs SET group_id = ?, group_position = ?, group_combination = ?, group_assignment = ? WHERE id = ?',
  );
  const byId = db.prepare<[string], GroupRow>('SELECT * FROM run_groups WHERE id = ?');
  const all = db.prepare<[], GroupRow>('SELECT * FROM run_groups ORDER BY created_at DESC, id');
  const setStatus = db.prepare('UPDATE run_groups SET status = ?, ended_at = ? WHERE id = ?');
  const setOwner = db.prepare('UPDATE run_groups SET owner = ? WHERE id = ?');
  const unfinished = db.prepare<[], GroupRow>(
    "SELECT * FROM run_groups WHERE status IN ('queued', 'running') ORDER BY created_at, id",
  );
  const remove = db.prepare('DELETE FROM run_groups WHERE id = ?');

  function groupOf(row: GroupRow): RunGroup {
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      kind: row.kind,
      graph: JSON.parse(row.graph) as ModelSpec,
      trainConfig: JSON.parse(row.train_config) as TrainConfig,
      graphVersionId: row.graph_version_id,
      datasetId: row.dataset_id,
      plan: JSON.parse(row.plan) as SweepPlan,
      parallel: row.parallel,
      status: row.status,
      createdAt: row.created_at,
      endedAt: row.ended_at,
    };
  }

  function row(id: string): GroupRow {
    const found = byId.get(id);
    if (!found) throw new NotFoundError('run group', id);
    return found;
  }

  return {
    /** The group and every run of it, queued in the given order (the group's owner trains them; the runs have none). */
    createGroup(input: NewGroup): RunGroup {
      if (!Number.isInteger(input.parallel) || input.parallel < 1)
        throw new ServiceError('group-parallel', { parallel: String(input.parallel) });
      if (input.runs.length === 0) throw new ServiceError('group-empty');
      return db
        .transaction(() => {
          const id = ctx.newId();
          insert.run(
            id,
            input.projectId,
            checkedName('group', input.name),
            input.plan.kind,
            toJson(input.graph),
            toJson(input.trainConfig),
            input.graphVersionId ?? null,
            input.datasetId,
            toJson(input.plan),
            input.parallel,
            input.owner,
            ctx.now(),
          );
          input.runs.forEach((run, position) => {
            const created = runs.createRun({
              projectId: input.projectId,
              name: run.name,
              graph: run.graph,
              trainConfig: run.trainConfig,
              graphVersionId: input.graphVersionId ?? null,
              datasetId: input.datasetId,
            });
            placeRun.run(id, position, run.combination, toJson(run.assignment), created.id);
          });
          return groupOf(row(id));
        })
        .immediate();
    },
    getGroup(id: string): RunGroup {
      return groupOf(row(id));
    },
    listGroups(): RunGroup[] {
      return all.all().map(groupOf);
    },
    ownerOf(id: string): RunOwner | null {
      return row(id).owner;
    },
    setGroupStatus(id: string, status: GroupStatus): RunGroup {
      const ended = status === 'completed' || status === 'cancelled' ? ctx.now() : null;
      if (setStatus.run(status, ended, id).changes === 0) throw new NotFoundError('run group', id);
      return groupOf(row(id));
    },
    /**
     * Takes the group for `owner` when nobody works on it or its owner has gone (`alive` says false); true when
     * `owner` holds it afterwards. Checked and written in one write-locked transaction, so two processes opening
     * the store at once do not both take it.
     */
    claimGroup(id: string, owner: RunOwner, alive: (owner: RunOwner) => boolean): boolean {
      return db
        .transaction(() => {
          const current = row(id).owner;
          if (current === owner) return true;
          if (current !== null && alive(current)) return false;
          setOwner.run(owner, id);
          return true;
        })
        .immediate();
    },
    /** Hands the group back (a closing studio): the next process to look takes it over. */
    releaseGroup(id: string, owner: RunOwner): void {
      db.prepare('UPDATE run_groups SET owner = NULL WHERE id = ? AND owner = ?').run(id, owner);
    },
    /** Queued or running groups nobody alive is working through (their owner has gone). */
    orphanedGroups(alive: (owner: RunOwner) => boolean): RunGroup[] {
      return unfinished
        .all()
        .filter((g) => g.owner === null || !alive(g.owner))
        .map(groupOf);
    },
    /** Deletes the group record; its runs stay, as runs of their own. */
    deleteGroup(id: string): void {
      if (remove.run(id).changes === 0) throw new NotFoundError('run group', id);
    },
  };
}
