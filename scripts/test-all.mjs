#!/usr/bin/env node
// `npm test`: type-check, then every test project (unit, golden parity, integration) in one vitest run,
// then a plain closing line "N passed, N failed, N skipped" summed over everything that ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const steps = [];
function run(name, command, args) {
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  steps.push({ name, ok: result.status === 0 });
  return result.status === 0;
}

mkdirSync('test-results', { recursive: true });
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const report = 'test-results/vitest.json';
run('unit, golden parity and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
}
for (const step of steps) if (!step.ok && step.name === 'typecheck') failed += 1;
const allOk = steps.every((s) => s.ok);
if (!allOk && failed === 0) failed = 1; // a step failed without a failing test (crash, type error): never report green
process.stdout.write(`\n${steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name}`).join('\n')}\n`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(allOk ? 0 : 1);
