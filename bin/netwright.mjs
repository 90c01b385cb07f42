#!/usr/bin/env node
// Launches the command line: the bundled build when present, otherwise the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'cli.mjs');
let entry;
if (existsSync(bundled)) {
  entry = await import(pathToFileURL(bundled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import(pathToFileURL(join(root, 'main', 'cli', 'index.ts')).href);
}
try {
  process.exitCode = await entry.main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`netwright: ${error.message}\n`);
  process.exitCode = 1;
}
