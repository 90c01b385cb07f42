#!/usr/bin/env node
// `npm run format:native[:check]`: clang-format over engine/native's C++ (style in .clang-format). --check fails when
// a file would change; --write rewrites them. Without clang-format installed it says so and skips (exit 0).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const mode = process.argv[2];
if (mode !== '--check' && mode !== '--write') {
  process.stderr.write('usage: node scripts/format-native.mjs --check | --write\n');
  process.exit(2);
}
const probe = spawnSync('clang-format', ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  process.stdout.write(
    'format:native skipped: clang-format is not installed (Debian: apt-get install -y clang-format)\n',
  );
  process.exit(0);
}
const listed = spawnSync('git', ['ls-files', '--', 'engine/native/*.cpp', 'engine/native/*.hpp', 'engine/native/*.h'], {
  encoding: 'utf8',
});
if (listed.status !== 0) {
  process.stderr.write(`format:native: git ls-files failed: ${listed.stderr}`);
  process.exit(1);
}
const files = listed.stdout.split('\n').filter(Boolean);
if (mode === '--write') {
  const result = spawnSync('clang-format', ['-i', '--style=file', ...files], { stdio: 'inherit' });
  process.stdout.write(`${probe.stdout.trim()}: ${files.length} files formatted\n`);
  process.exit(result.status ?? 1);
}
// --check: name each file that would change (clang-format's own --dry-run lists every line, hundreds of them).
const unformatted = files.filter((file) => {
  const formatted = spawnSync('clang-format', ['--style=file', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (formatted.status !== 0) throw new Error(`clang-format failed on ${file}: ${formatted.stderr}`);
  return formatted.stdout !== readFileSync(file, 'utf8');
});
for (const file of unformatted) process.stdout.write(`${file}\n`);
process.stdout.write(
  `${probe.stdout.trim()}: ${unformatted.length} of ${files.length} files need \`npm run format:native\`\n`,
);
process.exit(unformatted.length === 0 ? 0 : 1);
