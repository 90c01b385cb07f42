// Builds the SQL behind listRuns: filters by project, status, tag, name and dataset; sorts by a column or a metric.
import { RUN_STATUSES, type RunStatus } from './types';

export type RunSortKey = 'createdAt' | 'startedAt' | 'name' | 'status' | 'duration' | 'bestEpoch' | 'groupPosition';

export interface RunQuery {
  projectId?: string;
  status?: RunStatus | RunStatus[];
  /** Runs carrying this tag (exact match). */
  tag?: string;
  /** Case-insensitive substring of the run name. */
  nameContains?: string;
  datasetId?: string;
  /** The runs of one group (seeds or sweep). */
  groupId?: string;
  /** A column, or a metric of the best or final metrics (e.g. { metric: 'val_accuracy' }). Default createdAt. */
  sortBy?: RunSortKey | { metric: string; of?: 'best' | 'final' };
  /** Default 'desc' (newest first). Runs without the sorted value come last either way. */
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

const SORT_COLUMNS: Record<RunSortKey, string> = {
  createdAt: 'r.created_at',
  startedAt: 'r.started_at',
  name: 'r.name COLLATE NOCASE',
  status: 'r.status',
  duration: 'r.duration_ms',
  bestEpoch: 'r.best_epoch',
  groupPosition: 'r.group_position',
};

/** The selected columns of a run summary: every column but the graph snapshot, plus the tags as a JSON array. */
export const SUMMARY_COLUMNS = `r.id, r.project_id, r.graph_version_id, r.dataset_id, r.name, r.train_config, r.split_seed, r.seed,
  r.status, r.error, r.failure, r.created_at, r.started_at, r.ended_at, r.running_since, r.duration_ms, r.best_metrics,
  r.final_metrics, r.best_epoch, r.notes, r.kind, r.group_id, r.group_combination, r.group_assignment,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags WHERE run_id = r.id ORDER BY tag)) AS tags`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function checkedCount(what: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`listRuns: ${what} must be a whole number ≥ 0 (got ${value})`);
  return value;
}

export function buildRunQuery(query: RunQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.projectId !== undefined) {
    where.push('r.project_id = ?');
    params.push(query.projectId);
  }
  if (query.datasetId !== undefined) {
    where.push('r.dataset_id = ?');
    params.push(query.datasetId);
  }
  if (query.groupId !== undefined) {
    where.push('r.group_id = ?');
    params.push(query.groupId);
  }
  if (query.status !== undefined) {
    const statuses = Array.isArray(query.status) ? query.status : [query.status];
    for (const s of statuses)
      if (!RUN_STATUSES.includes(s)) throw new Error(`listRuns: unknown status ${JSON.stringify(s)}`);
    if (statuses.length === 0) where.push('0');
    else {
      where.push(`r.status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
  }
  if (query.tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)');
    params.push(query.tag);
  }
  if (query.nameContains) {
    where.push("r.name LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(query.nameContains)}%`);
  }

  const direction = query.order ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc')
    throw new Error(`listRuns: order must be 'asc' or 'desc' (got ${JSON.stringify(direction)})`);
  let sortExpr: string;
  let sortParams: unknown[] = [];
  const sortBy = query.sortBy ?? 'createdAt';
  if (typeof sortBy === 'object') {
    const column = sortBy.of === 'final' ? 'r.final_metrics' : 'r.best_metrics';
    // The JSON path is a bound parameter, so any metric name is safe; quoting keeps dots and dashes literal.
    sortExpr = `json_extract(${column}, ?)`;
    sortParams = [`$."${sortBy.metric.replace(/"/g, '')}"`];
  } else {
    if (!(sortBy in SORT_COLUMNS)) throw new Error(`listRuns: cannot sort by ${JSON.stringify(sortBy)}`);
    sortExpr = SORT_COLUMNS[sortBy];
  }
  const limit = checkedCount('limit', query.limit);
  const offset = checkedCount('offset', query.offset);
  let sql = `SELECT ${SUMMARY_COLUMNS} FROM runs r`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  // The sort expression appears twice (null test, value); its parameter is bound for each.
  sql += ` ORDER BY (${sortExpr}) IS NULL, ${sortExpr} ${direction.toUpperCase()}, r.created_at DESC, r.id`;
  params.push(...sortParams, ...sortParams);
  if (limit !== undefined || offset !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(limit ?? -1, offset ?? 0);
  }
  return { sql, params };
}
