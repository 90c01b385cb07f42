#!/usr/bin/env node
// `npm run build`: the renderer (Vite) into dist/renderer, and the Node entry points bundled by esbuild into
// dist/ (command line, web mode, engine process, the CSV importer's worker thread); the desktop shell too when
// scripts/build-desktop.mjs exists.
// Native modules (better-sqlite3, sharp, the engine's addon) stay outside the bundles and load from node_modules.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

export async function buildNode() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: {
      cli: 'main/cli/index.ts',
      web: 'main/web/index.ts',
      'engine/host': 'engine/host/engine/main.ts',
      // The CSV importer's second thread (first read, feature file), started by the CLI, web server and desktop shell.
      csvWorker: 'main/services/datasets/csv/csvWorker.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled ESM has no require(); the native addon loader needs one.
    banner: {
      js: "import { createRequire as __nwCreateRequire } from 'node:module'; const require = __nwCreateRequire(import.meta.url);",
    },
  });
}

export async function buildAll() {
  await Promise.all([buildRenderer(), buildNode()]);
  const desktop = join(root, 'scripts', 'build-desktop.mjs');
  if (existsSync(desktop)) {
    const { buildDesktop } = await import(pathToFileURL(desktop).href);
    await buildDesktop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildAll();
  process.stdout.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
