// Files a run produced: checkpoints (written by the engine) and exports (ONNX, safetensors, PyTorch script).
import { type StoreContext, NotFoundError, fromJson } from './context';
import type { CheckpointKind, CheckpointRecord, ExportRecord, MetricValues } from './types';

interface CheckpointRow {
  id: number;
  run_id: string;
  epoch: number;
  kind: CheckpointKind;
  path: string;
  metrics: string | null;
  created_at: number;
}

interface ExportRow {
  id: number;
  run_id: string;
  format: string;
  path: string;
  created_at: number;
}

const CHECKPOINT_KINDS: readonly CheckpointKind[] = ['best', 'last', 'manual'];

function toCheckpoint(row: CheckpointRow): CheckpointRecord {
  return {
    id: row.id,
    runId: row.run_id,
    epoch: row.epoch,
    kind: row.kind,
    path: row.path,
    metrics: fromJson<MetricValues>(row.metrics),
    createdAt: row.created_at,
  };
}

function toExport(row: ExportRow): ExportRecord {
  return { id: row.id, runId: row.run_id, format: row.format, path: row.path, createdAt: row.created_at };
}

export type CheckpointRepository = ReturnType<typeof checkpointRepository>;

export function checkpointRepository(ctx: StoreContext) {
  const { db } = ctx;
  const runExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM runs WHERE id = ?');
  const samePath = db.prepare<[string, string], { id: number }>(
    'SELECT id FROM checkpoints WHERE run_id = ? AND path = ?',
  );
  const insert = db.prepare(
    'INSERT INTO checkpoints (run_id, epoch, kind, path, metrics, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE checkpoints SET epoch = ?, kind = ?, metrics = ?, created_at = ? WHERE id = ?');
  const byId = db.prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE id = ?');
  const byRun = db.prepare<[string], CheckpointRow>('SELECT * FROM checkpoints WHERE run_id = ? ORDER BY id');
  // Newest write first (a rewritten file counts from its rewrite); id breaks ties within one millisecond.
  const latestAny = db.prepare<[string], CheckpointRow>(
    'SELECT * FROM checkpoints WHERE run_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const latestOfKind = db.prepare<[string, string], CheckpointRow>(
    'SELECT * FROM checkpoints WHERE run_id = ? AND kind = ? ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const remove = db.prepare('DELETE FROM checkpoints WHERE id = ?');

  function getCheckpoint(id: number): CheckpointRecord {
    const row = byId.get(id);
    if (!row) throw new NotFoundError('checkpoint', id);
    return toCheckpoint(row);
  }

  return {
    /**
     * Records a checkpoint file. The engine rewrites `last` and `best` files in place, so a path already recorded
     * for the run is updated (epoch, kind, metrics, time) rather than listed twice.
     */
    addCheckpoint(input: {
      runId: string;
      epoch: number;
      kind: CheckpointKind;
      path: string;
      metrics?: MetricValues | null;
    }): CheckpointRecord {
      if (!CHECKPOINT_KINDS.includes(input.kind))
        throw new Error(`unknown checkpoint kind ${JSON.stringify(input.kind)}`);
      return db
        .transaction(() => {
          if (!runExists.get(input.runId)) throw new NotFoundError('run', input.runId);
          const metrics = input.metrics ? JSON.stringify(input.metrics) : null;
          const existing = samePath.get(input.runId, input.path);
          if (existing) {
            update.run(input.epoch, input.kind, metrics, ctx.now(), existing.id);
            return getCheckpoint(existing.id);
          }
          const { lastInsertRowid } = insert.run(input.runId, input.epoch, input.kind, input.path, metrics, ctx.now());
          return getCheckpoint(Number(lastInsertRowid));
        })
        .immediate();
    },
    getCheckpoint,
    listCheckpoints(runId: string): CheckpointRecord[] {
      return byRun.all(runId).map(toCheckpoint);
    },
    /** The most recently written checkpoint of the run (of one kind if given), or null. */
    latestCheckpoint(runId: string, kind?: CheckpointKind): CheckpointRecord | null {
      const row = kind === undefined ? latestAny.get(runId) : latestOfKind.get(runId, kind);
      return row ? toCheckpoint(row) : null;
    },
    /** Forgets the record; returns the file for the caller to delete. */
    removeCheckpoint(id: number): { path: string } {
      const { path } = getCheckpoint(id);
      remove.run(id);
      return { path };
    },
  };
}

export type ExportRepository = ReturnType<typeof exportRepository>;

export function exportRepository(ctx: StoreContext) {
  const { db } = ctx;
  const runExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM runs WHERE id = ?');
  const insert = db.prepare('INSERT INTO exports (run_id, format, path, created_at) VALUES (?, ?, ?, ?)');
  const byId = db.prepare<[number], ExportRow>('SELECT * FROM exports WHERE id = ?');
  const byRun = db.prepare<[string], ExportRow>(
    'SELECT * FROM exports WHERE run_id = ? ORDER BY created_at DESC, id DESC',
  );
  const remove = db.prepare('DELETE FROM exports WHERE id = ?');

  return {
    addExport(input: { runId: string; format: string; path: string }): ExportRecord {
      if (!runExists.get(input.runId)) throw new NotFoundError('run', input.runId);
      const { lastInsertRowid } = insert.run(input.runId, input.format, input.path, ctx.now());
      return toExport(byId.get(Number(lastInsertRowid))!);
    },
    /** The record, or null when there is none with this id. */
    getExport(id: number): ExportRecord | null {
      const row = Number.isInteger(id) ? byId.get(id) : undefined;
      return row ? toExport(row) : null;
    },
    /** Newest first. */
    listExports(runId: string): ExportRecord[] {
      return byRun.all(runId).map(toExport);
    },
    /** Forgets the record only: exported files are the user's and stay where they were saved. */
    removeExport(id: number): void {
      if (remove.run(id).changes === 0) throw new NotFoundError('export', id);
    },
  };
}
