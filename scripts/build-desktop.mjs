#!/usr/bin/env node
// The desktop shell's bundles: main/electron/main.ts → dist/electron/main.cjs (Electron's main process) and
// main/electron/preload.ts → dist/electron/preload.cjs (the sandboxed preload). Called by scripts/build.mjs.
// The engine (dist/engine/host.mjs) and the renderer (dist/renderer) come from scripts/build.mjs itself.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildDesktop() {
  await Promise.all([
    build({
      absWorkingDir: root,
      entryPoints: { main: 'main/electron/main.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Native modules load from node_modules (unpacked from the asar archive when packaged); the engine's own
      // addon is loaded by the engine process, never by this bundle.
      external: ['electron', 'better-sqlite3', 'sharp'],
      // The services find their files from import.meta.url, which CommonJS lacks: give it this file's URL.
      define: { 'import.meta.url': '__nwImportMetaUrl' },
      banner: { js: "'use strict';\nconst __nwImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
    build({
      absWorkingDir: root,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir: 'dist/electron',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      // A sandboxed preload can require 'electron' and nothing else: browser platform makes any Node import an error.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome120',
      external: ['electron'],
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildDesktop();
  process.stdout.write('built dist/electron/main.cjs and dist/electron/preload.cjs\n');
}
