import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneUploads, UPLOAD_GRACE_MS } from './uploads';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An uploads folder holding one file in each named upload folder, all last changed `ageMs` ago. */
function uploads(names: string[], ageMs: number, now: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'netwright-uploads-'));
  dirs.push(dir);
  for (const name of names) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'data.csv'), 'a,b\n1,2\n');
    const at = (now - ageMs) / 1000;
    utimesSync(join(dir, name), at, at);
  }
  return dir;
}

describe('pruning uploads', () => {
  const now = Date.now();

  it('removes the old folders nothing points into, and keeps those a dataset or run points into', () => {
    const dir = uploads(['dataset', 'weights', 'orphan', 'orphan-2'], 2 * UPLOAD_GRACE_MS, now);
    const removed = pruneUploads(dir, [join(dir, 'dataset', 'data.csv'), join(dir, 'weights', 'w.safetensors')], now);
    expect(removed.sort()).toEqual(['orphan', 'orphan-2']);
    expect(readdirSync(dir).sort()).toEqual(['dataset', 'weights']);
  });

  it('leaves folders changed within the grace period, and a folder whose name only begins like a kept one', () => {
    const dir = uploads(['recent'], UPLOAD_GRACE_MS / 2, now);
    expect(pruneUploads(dir, [], now)).toEqual([]);
    const old = uploads(['ab', 'abc'], 2 * UPLOAD_GRACE_MS, now);
    expect(pruneUploads(old, [join(old, 'abc', 'data.csv')], now)).toEqual(['ab']);
  });

  it('does nothing where no upload was ever made', () => {
    expect(pruneUploads(join(tmpdir(), 'netwright-no-such-uploads-folder'), [], now)).toEqual([]);
  });
});
