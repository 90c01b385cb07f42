#!/usr/bin/env node
// better-sqlite3 is a classic Node addon, built for Node's ABI by `npm ci`; Electron needs one built for its own.
// This builds a second copy for the installed Electron (once per version, under node_modules/.cache) so the same
// checkout runs the CLI and tests in Node and the desktop app in Electron. Needs Electron's headers (internet).
// Packaged apps get theirs from electron-builder's rebuild instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The path of a better-sqlite3 binary for the installed Electron, building it when missing. */
export function electronSqliteBinding() {
  const require = createRequire(join(root, 'package.json'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(root, 'node_modules', '.cache', `netwright-electron-${electronVersion}`, 'better-sqlite3');
  const binding = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
  process.stderr.write(`Netwright: building better-sqlite3 for Electron ${electronVersion} (once)…\n`);
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ],
    { cwd: copy, stdio: 'inherit' },
  );
  if (result.status !== 0 || !existsSync(binding)) {
    throw new Error(
      `could not build better-sqlite3 for Electron ${electronVersion} (it needs Electron's headers from electronjs.org); web mode works without it: npm run web`,
    );
  }
  return binding;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${electronSqliteBinding()}\n`);
}
