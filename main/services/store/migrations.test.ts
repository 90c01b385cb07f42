// The store's schema: created from nothing, kept on reopen, migrated step by step, and refused when newer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, NewerSchemaError, openStore, schemaVersion, type Migration } from './index';
import { openTestStore, tempDir, testClock } from './testFixtures';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('migrations');
});
afterEach(() => temp.remove());

const TABLES = [
  'app_state',
  'checkpoints',
  'datasets',
  'epoch_metrics',
  'exports',
  'graph_versions',
  'graphs',
  'projects',
  'run_groups',
  'run_tags',
  'runs',
  'step_metrics',
];

describe('opening the store', () => {
  it('creates every table from an empty file and records the latest schema version', () => {
    const store = openTestStore(temp.dir, testClock());
    expect(store.schema).toEqual({ from: 0, to: MIGRATIONS.length });
    store.close();
    const db = new Database(join(temp.dir, 'studio.db'), { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(TABLES);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps the data on reopen and migrates nothing the second time', () => {
    const clock = testClock();
    const first = openTestStore(temp.dir, clock);
    const project = first.projects.createProject({ name: 'Iris' });
    first.close();
    const second = openTestStore(temp.dir, clock);
    expect(second.schema).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    expect(second.projects.getProject(project.id).name).toBe('Iris');
    second.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const path = join(temp.dir, 'studio.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const before = readFileSync(path);
    let caught: unknown;
    try {
      openStore(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NewerSchemaError);
    expect((caught as Error).message).toMatch(
      new RegExp(`schema ${MIGRATIONS.length + 5}; this version knows up to ${MIGRATIONS.length}`),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    // Coded, so the studio and the CLI word it in the user's language.
    expect(caught).toMatchObject({
      tableCode: 'service-store-newer',
      params: { file: path, found: MIGRATIONS.length + 5, known: MIGRATIONS.length },
    });
  });

  it('names the file when it is not a database', () => {
    const path = join(temp.dir, 'notes.db');
    writeFileSync(path, 'these are not the droids you are looking for '.repeat(200));
    expect(() => openStore(path)).toThrow(/notes\.db is not a Netwright database/);
    expect(() => openStore(path)).toThrow(expect.objectContaining({ tableCode: 'service-store-damaged' }));
  });
});

describe('migrations', () => {
  const addColour: Migration = {
    version: MIGRATIONS.length + 1,
    name: 'project colour',
    up: (db) => db.exec("ALTER TABLE projects ADD COLUMN colour TEXT NOT NULL DEFAULT 'teal'"),
  };

  it('applies a later step to an existing database and keeps its rows', () => {
    const clock = testClock();
    const old = openTestStore(temp.dir, clock);
    old.projects.createProject({ name: 'Before' });
    old.close();
    const store = openTestStore(temp.dir, clock, { migrations: [...MIGRATIONS, addColour] });
    expect(store.schema).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 1 });
    store.close();
    const db = new Database(join(temp.dir, 'studio.db'), { readonly: true });
    expect(db.prepare('SELECT name, colour FROM projects').all()).toEqual([{ name: 'Before', colour: 'teal' }]);
    db.close();
  });

  it('rolls a failing step back whole: the version and the tables stay as they were', () => {
    const clock = testClock();
    openTestStore(temp.dir, clock).close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'half done',
      up: (db) => {
        db.exec('CREATE TABLE half (x)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openTestStore(temp.dir, clock, { migrations: [...MIGRATIONS, broken] })).toThrow(
      new RegExp(`schema ${MIGRATIONS.length + 1} \\(half done\\) failed`),
    );
    expect(() => openTestStore(temp.dir, clock, { migrations: [...MIGRATIONS, broken] })).toThrow(
      expect.objectContaining({
        tableCode: 'service-store-update-failed',
        params: expect.objectContaining({ step: 'half done' }),
      }),
    );
    const db = new Database(join(temp.dir, 'studio.db'), { readonly: true });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('rejects a migration list with a gap', () => {
    const gap: Migration = { ...addColour, version: MIGRATIONS.length + 2 };
    expect(() => openTestStore(temp.dir, testClock(), { migrations: [...MIGRATIONS, gap] })).toThrow(/out of order/);
  });
});
