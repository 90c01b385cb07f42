// Where the CSV importer finds its bundled worker: beside the CLI and web bundles, one folder up from the desktop
// bundle, and in an installed app the copy electron-builder unpacks from app.asar (a worker cannot load from it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workerUrlFrom } from './workerThread';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function file(...parts: string[]): string {
  const path = join(root, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  return path;
}

describe('the CSV worker bundle', () => {
  it('is found beside dist/cli.mjs and one folder up from dist/electron/main.cjs', () => {
    root = mkdtempSync(join(tmpdir(), 'nw-worker-'));
    const worker = file('dist', 'csvWorker.mjs');
    expect(workerUrlFrom(pathToFileURL(file('dist', 'cli.mjs')).href)?.href).toBe(pathToFileURL(worker).href);
    expect(workerUrlFrom(pathToFileURL(file('dist', 'electron', 'main.cjs')).href)?.href).toBe(
      pathToFileURL(worker).href,
    );
  });

  it('is taken from app.asar.unpacked in an installed app, and is missing (one thread) when absent', () => {
    root = mkdtempSync(join(tmpdir(), 'nw-worker-'));
    const main = pathToFileURL(file('resources', 'app.asar', 'dist', 'electron', 'main.cjs')).href;
    expect(workerUrlFrom(main)).toBeNull();
    file('resources', 'app.asar', 'dist', 'csvWorker.mjs');
    const unpacked = file('resources', 'app.asar.unpacked', 'dist', 'csvWorker.mjs');
    expect(workerUrlFrom(main)?.href).toBe(pathToFileURL(unpacked).href);
  });

  it('is unpacked from the archive by electron-builder', () => {
    const config = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/asarUnpack:[\s\S]*- 'dist\/csvWorker\.mjs'/);
  });
});
