// Small named values the studio keeps between sessions (where the user left off): one JSON value per key, so a
// reload or a restart, in the desktop app or web mode, reopens what was open.
import { type StoreContext, fromJson, toJson } from './context';

export type AppStateRepository = ReturnType<typeof appStateRepository>;

export function appStateRepository(ctx: StoreContext) {
  const { db } = ctx;
  const read = db.prepare<[string], { value: string }>('SELECT value FROM app_state WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM app_state WHERE key = ?');

  return {
    /** The value stored under `key`, or null when there is none. */
    get<T>(key: string): T | null {
      return fromJson<T>(read.get(key)?.value ?? null);
    },
    set(key: string, value: unknown): void {
      if (value === undefined) throw new Error(`app state '${key}': undefined cannot be stored (use remove)`);
      write.run(key, toJson(value), ctx.now());
    },
    remove(key: string): void {
      remove.run(key);
    },
  };
}
