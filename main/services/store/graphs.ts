// Model graphs of a project and every saved version of each (the spec JSON), so any run's graph can be reopened.
import type { ModelSpec } from '../../../engine/core/spec/types';
import { type StoreContext, NotFoundError, checkedName, toJson } from './context';
import type { Graph, GraphVersion, GraphVersionSummary } from './types';

interface GraphRow {
  id: string;
  project_id: string;
  name: string;
  created_at: number;
  updated_at: number;
}

interface VersionRow {
  id: number;
  graph_id: string;
  version: number;
  note: string;
  created_at: number;
  spec?: string;
}

function toGraph(row: GraphRow): Graph {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: VersionRow): GraphVersionSummary {
  return { id: row.id, graphId: row.graph_id, version: row.version, note: row.note, createdAt: row.created_at };
}

function toVersion(row: VersionRow): GraphVersion {
  return { ...toSummary(row), spec: JSON.parse(row.spec as string) as ModelSpec };
}

export type GraphRepository = ReturnType<typeof graphRepository>;

export function graphRepository(ctx: StoreContext) {
  const { db } = ctx;
  const projectExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM projects WHERE id = ?');
  const insert = db.prepare('INSERT INTO graphs (id, project_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], GraphRow>('SELECT * FROM graphs WHERE id = ?');
  const byProject = db.prepare<[string], GraphRow>(
    'SELECT * FROM graphs WHERE project_id = ? ORDER BY created_at, name',
  );
  const rename = db.prepare('UPDATE graphs SET name = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE graphs SET updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM graphs WHERE id = ?');
  const nextVersion = db.prepare<[string], { next: number }>(
    'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM graph_versions WHERE graph_id = ?',
  );
  const insertVersion = db.prepare(
    'INSERT INTO graph_versions (graph_id, version, spec, note, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const versionById = db.prepare<[number], VersionRow>('SELECT * FROM graph_versions WHERE id = ?');
  const versions = db.prepare<[string], VersionRow>(
    'SELECT id, graph_id, version, note, created_at FROM graph_versions WHERE graph_id = ? ORDER BY version DESC',
  );
  const runsOfProjectGraphs = db.prepare<[string], { graph_id: string; id: string; name: string }>(
    'SELECT v.graph_id, r.id, r.name FROM runs r JOIN graph_versions v ON v.id = r.graph_version_id ' +
      'JOIN graphs g ON g.id = v.graph_id WHERE g.project_id = ? ORDER BY r.created_at, r.name',
  );
  const latest = db.prepare<[string], VersionRow>(
    'SELECT * FROM graph_versions WHERE graph_id = ? ORDER BY version DESC LIMIT 1',
  );

  function getGraph(id: string): Graph {
    const row = byId.get(id);
    if (!row) throw new NotFoundError('graph', id);
    return toGraph(row);
  }

  return {
    createGraph(input: { projectId: string; name: string }): Graph {
      if (!projectExists.get(input.projectId)) throw new NotFoundError('project', input.projectId);
      const id = ctx.newId();
      const at = ctx.now();
      insert.run(id, input.projectId, checkedName('graph', input.name), at, at);
      return getGraph(id);
    },
    getGraph,
    listGraphs(projectId: string): Graph[] {
      return byProject.all(projectId).map(toGraph);
    },
    renameGraph(id: string, name: string): Graph {
      if (rename.run(checkedName('graph', name), ctx.now(), id).changes === 0) throw new NotFoundError('graph', id);
      return getGraph(id);
    },
    /** Per graph of the project, the runs that trained one of its versions (oldest first); graphs without runs are absent. */
    runsByGraph(projectId: string): Map<string, Array<{ id: string; name: string }>> {
      const byGraph = new Map<string, Array<{ id: string; name: string }>>();
      for (const row of runsOfProjectGraphs.all(projectId)) {
        const list = byGraph.get(row.graph_id) ?? [];
        list.push({ id: row.id, name: row.name });
        byGraph.set(row.graph_id, list);
      }
      return byGraph;
    },
    /** Deletes the graph and its versions; runs keep their own snapshot of the graph they trained. */
    deleteGraph(id: string): void {
      if (remove.run(id).changes === 0) throw new NotFoundError('graph', id);
    },
    /** Saves the spec as the graph's next version (1, 2, 3 ...). */
    saveGraphVersion(graphId: string, spec: ModelSpec, note = ''): GraphVersion {
      return db
        .transaction(() => {
          getGraph(graphId);
          const at = ctx.now();
          const version = nextVersion.get(graphId)!.next;
          const { lastInsertRowid } = insertVersion.run(graphId, version, toJson(spec), note, at);
          touch.run(at, graphId);
          return toVersion(versionById.get(Number(lastInsertRowid))!);
        })
        .immediate();
    },
    /** Newest first, without the specs (open one with getGraphVersion). */
    listGraphVersions(graphId: string): GraphVersionSummary[] {
      return versions.all(graphId).map(toSummary);
    },
    getGraphVersion(id: number): GraphVersion {
      const row = versionById.get(id);
      if (!row) throw new NotFoundError('graph version', id);
      return toVersion(row);
    },
    latestGraphVersion(graphId: string): GraphVersion | null {
      const row = latest.get(graphId);
      return row ? toVersion(row) : null;
    },
  };
}
