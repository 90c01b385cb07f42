// What every repository shares: the open database, the clock and the id source (both replaceable in tests).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CodedError } from '../../../engine/core/errors/coded';
import { ServiceError } from '../serviceError';

export interface StoreContext {
  db: Database;
  /** The database file, for messages. */
  path: string;
  /** Epoch milliseconds. */
  now(): number;
  newId(): string;
}

export function makeContext(db: Database, path: string, now: (() => number) | undefined): StoreContext {
  return { db, path, now: now ?? Date.now, newId: randomUUID };
}

/** Error for a record that does not exist (or no longer does), naming what was asked for. */
export class NotFoundError extends CodedError<'not-found', { what: string; id: string | number }> {
  constructor(what: string, id: string | number) {
    super('not-found', { what, id }, `${what} ${JSON.stringify(id)} does not exist (it may have been deleted)`);
  }
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Names are shown in lists and must not be blank; `what` is the kind of record (run, dataset, graph, group, project). */
export function checkedName(what: string, name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new ServiceError('empty-name', { what });
  return trimmed;
}
