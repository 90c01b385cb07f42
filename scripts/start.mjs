#!/usr/bin/env node
// `npm start`: builds the studio, then opens the desktop app where Electron's binary is installed, and otherwise
// starts web mode (a local server on 127.0.0.1 with a secret token), saying why. `npm run web` always starts
// web mode. Extra arguments go to web mode (e.g. --port 7000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll } from './build.mjs';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const rest = webOnly ? args.slice(1) : args;

// Why there is no desktop window, as a word of web mode's table (main/web/words.ts) with its values: the lines this
// script prints are worded there, in the terminal's language, once the build has made dist/web.mjs.
const because = (word, values = {}) => ({ word, values });

/** The Electron executable, or why there is none (its download is skipped on machines without internet). */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(join(root, 'node_modules', 'electron'))) return { why: because('why-no-package') };
  if (!existsSync(pathFile)) return { why: because('why-not-downloaded') };
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { why: because('why-binary-missing', { path: binary }) };
}

/**
 * Electron's binary is not fetched by `npm ci` (its install script is denied in package.json's allowScripts, so an
 * offline install succeeds); the first desktop start fetches it here, once. Offline this fails within a second and
 * the studio starts in web mode instead.
 */
function fetchElectronBinary(webSay) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return because('why-download-skipped');
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return because('why-no-package');
  process.stderr.write(`${webSay('fetching-electron')}\n`);
  const result = spawnSync(process.execPath, [installer], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 600_000,
  });
  if (result.status === 0) return null;
  const lastLine =
    String(result.stderr ?? '')
      .trim()
      .split('\n')
      .find((line) => /error/i.test(line)) ?? `exit code ${result.status}`;
  return because('why-download-failed', { detail: lastLine.trim() });
}

function run(command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

await buildAll();
const web = await import(pathToFileURL(join(root, 'dist', 'web.mjs')).href);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux');
let electron = webOnly ? { why: because('why-asked') } : electronBinary();
if (
  !webOnly &&
  hasDisplay &&
  !electron.binary &&
  existsSync(join(root, 'node_modules', 'electron')) &&
  !existsSync(join(root, 'node_modules', 'electron', 'path.txt'))
) {
  const failure = fetchElectronBinary(web.webSay);
  electron = failure ? { why: failure } : electronBinary();
}
let why = electron.why;
if (!webOnly && !hasDisplay) why = because('why-no-display');
let sqliteBinding = null;
if (!why) {
  try {
    sqliteBinding = electronSqliteBinding();
  } catch (error) {
    why = because('why-sqlite', { detail: error.message });
  }
}
if (!why) {
  run(electron.binary, [join(root, 'dist', 'electron', 'main.cjs')], { NETWRIGHT_SQLITE_BINDING: sqliteBinding });
} else {
  if (!webOnly) process.stderr.write(`${web.webSay('web-because', { why: web.webSay(why.word, why.values) })}\n`);
  // A bad argument or setting is said in one line, as `node dist/web.mjs` says it, not as a stack.
  await web.main(rest).catch((error) => {
    process.stderr.write(`netwright: ${error.message}\n`);
    process.exit(1);
  });
}
