#!/usr/bin/env node
// Launches the command line: from the TypeScript sources through tsx in a checkout (always current), otherwise
// the bundled dist/cli.mjs (an installed build without dev dependencies).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'main', 'cli', 'index.ts');
const hasTsx = (() => {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
})();
let entry;
if (existsSync(source) && hasTsx) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import(pathToFileURL(source).href);
} else {
  entry = await import(pathToFileURL(join(root, 'dist', 'cli.mjs')).href);
}
try {
  process.exitCode = await entry.main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`netwright: ${error.message}\n`);
  process.exitCode = 1;
}
