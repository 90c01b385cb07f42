// Projects: the top-level folders of the user's work; deleting one removes its graphs, runs and their metrics.
import { type StoreContext, NotFoundError, checkedName } from './context';
import type { Project } from './types';

interface ProjectRow {
  id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ProjectRepository = ReturnType<typeof projectRepository>;

export function projectRepository(ctx: StoreContext) {
  const { db } = ctx;
  const insert = db.prepare(
    'INSERT INTO projects (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], ProjectRow>('SELECT * FROM projects WHERE id = ?');
  const all = db.prepare<[], ProjectRow>('SELECT * FROM projects ORDER BY updated_at DESC, name');
  const update = db.prepare('UPDATE projects SET name = ?, description = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?');
  const checkpointPaths = db.prepare<[string], { path: string }>(
    'SELECT c.path FROM checkpoints c JOIN runs r ON r.id = c.run_id WHERE r.project_id = ? ORDER BY c.id',
  );
  const remove = db.prepare('DELETE FROM projects WHERE id = ?');

  function getProject(id: string): Project {
    const row = byId.get(id);
    if (!row) throw new NotFoundError('project', id);
    return toProject(row);
  }

  return {
    createProject(input: { name: string; description?: string }): Project {
      const id = ctx.newId();
      const at = ctx.now();
      insert.run(id, checkedName('project', input.name), input.description ?? '', at, at);
      return getProject(id);
    },
    getProject,
    listProjects(): Project[] {
      return all.all().map(toProject);
    },
    updateProject(id: string, changes: { name?: string; description?: string }): Project {
      const current = getProject(id);
      const name = changes.name === undefined ? current.name : checkedName('project', changes.name);
      update.run(name, changes.description ?? current.description, ctx.now(), id);
      return getProject(id);
    },
    /** Marks the project as just used (lists show recent projects first). */
    touchProject(id: string): void {
      if (touch.run(ctx.now(), id).changes === 0) throw new NotFoundError('project', id);
    },
    /** Deletes the project with its graphs, runs and metrics; returns the checkpoint files the caller should delete. */
    deleteProject(id: string): { checkpointPaths: string[] } {
      return db.transaction(() => {
        getProject(id);
        const paths = checkpointPaths.all(id).map((r) => r.path);
        remove.run(id);
        return { checkpointPaths: paths };
      })();
    },
  };
}
