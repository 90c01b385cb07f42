#!/usr/bin/env node
// `npm test`: type-check (TypeScript, engine/core alone without Node's types, and the Svelte renderer), lint (the
// import layers and defect rules), the format checks (Prettier, clang-format), build, every vitest project (unit, renderer, golden
// parity, integration) in one run, the kernel tests again on the portable kernels (NETWRIGHT_ISA=scalar), on the
// AVX2 kernels where the CPU dispatches to AVX-512, and on the AVX-512 kernels (emulated where the CPU lacks them), the
// GEMM on arm64's NEON kernels (cross-compiled, under
// qemu), the end-to-end tests in Chromium (Playwright), then a
// plain closing line
// "N passed, N failed, N skipped" summed over everything that ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, installHint } from './find-chromium.mjs';

const steps = [];
/** The instruction set the built kernels dispatch to on this CPU ('' when the addon does not load). */
function dispatchedIsa() {
  const addon = resolve('engine/native/build/Release/netwright_native.node');
  const result = spawnSync(process.execPath, ['-p', `require(${JSON.stringify(addon)}).isa`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}
function run(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...env },
  });
  steps.push({ name, ok: result.status === 0 });
  return result.status === 0;
}

mkdirSync('test-results', { recursive: true });
// Say at once when the end-to-end tests cannot run, rather than after minutes of other suites; the run still fails.
const chromium = findChromium();
if (!chromium) process.stdout.write(`\n!! ${installHint()}\n`);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('typecheck engine/core without Node', 'npx', ['tsc', '--noEmit', '-p', 'engine/core/tsconfig.json']);
run('typecheck renderer', 'npx', [
  'svelte-check',
  '--tsconfig',
  'renderer/tsconfig.json',
  '--threshold',
  'error',
  '--output',
  'machine',
]);
run('lint (import layers and defect rules)', 'npx', ['eslint', '.']);
run('format (Prettier check)', 'npx', ['prettier', '--check', '.']);
// clang-format for engine/native: skipped with a printed reason where it is not installed (.ci/run installs it).
run('format native (clang-format check)', 'node', ['scripts/format-native.mjs', '--check']);
const built = run('build', 'node', ['scripts/build.mjs']);
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
run('unit, renderer, golden parity and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
]);
/** The native kernel and engine unit tests again, on the instruction set `isa` asks for (NETWRIGHT_ISA). */
function kernelTests(name, report, isa) {
  rmSync(report, { force: true });
  run(
    name,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'unit',
      'engine/native',
      'engine/test',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    { NETWRIGHT_ISA: isa },
  );
}
// The kernels again on the portable code path users' CPUs without AVX2 (or whose ISA has no hand-written kernel) get.
const portableReport = 'test-results/vitest-portable.json';
kernelTests('native kernels and engine on the portable (scalar) kernels', portableReport, 'scalar');
// And on the AVX-512 microkernel, emulated where the CPU lacks it (a second build of the addon; x64 only).
const emulatedReport = 'test-results/vitest-avx512-emulated.json';
rmSync(emulatedReport, { force: true });
run('native kernels and engine on the AVX-512 kernels (emulated)', 'node', [
  'scripts/test-native-emulated.mjs',
  '--reporter=dot',
  '--reporter=json',
  `--outputFile=${emulatedReport}`,
]);
// On a CPU with AVX-512 the kernels dispatch to it, so the AVX2 kernels (most users' x64 CPUs) run again by request.
const avx2Report = 'test-results/vitest-avx2.json';
rmSync(avx2Report, { force: true });
if (dispatchedIsa() === 'avx512') {
  kernelTests('native kernels and engine on the AVX2 kernels (this CPU dispatches to AVX-512)', avx2Report, 'avx2');
}
// And the GEMM self-test without Node: on this CPU's x64 kernels, and on arm64's NEON kernels cross-compiled and run
// under qemu (x64 Linux; skipped, saying why, elsewhere).
const selftestReport = 'test-results/gemm-selftest.json';
rmSync(selftestReport, { force: true });
run('GEMM self-test on the x64 and arm64 NEON kernels (arm64 cross-compiled, under qemu)', 'node', [
  'scripts/test-native-selftest.mjs',
  `--outputFile=${selftestReport}`,
]);
const e2eReport = 'test-results/e2e.json';
rmSync(e2eReport, { force: true }); // never count an earlier run's results
if (!chromium) {
  steps.push({ name: `end-to-end tests: ${installHint()}`, ok: false });
} else if (built) {
  run(
    'end-to-end tests (Chromium, web mode)',
    'npx',
    ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    // Playwright resolves the report path against the config's folder otherwise.
    { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(e2eReport), NETWRIGHT_CHROMIUM: chromium },
  );
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of [report, portableReport, avx2Report, emulatedReport, selftestReport]) {
  if (!existsSync(file)) continue;
  const results = JSON.parse(readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
}
if (built && existsSync(e2eReport)) {
  const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
for (const step of steps)
  if (!step.ok && ['typecheck', 'lint', 'format'].some((prefix) => step.name.startsWith(prefix))) failed += 1;
const allOk = steps.every((s) => s.ok);
if (!allOk && failed === 0) failed = 1; // a step failed without a failing test (crash, type error): never report green
process.stdout.write(`\n${steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name}`).join('\n')}\n`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(allOk ? 0 : 1);
