#!/usr/bin/env node
// The GEMM on arm64's NEON microkernel (8x12 tiles, its small-row kernels) on an x64 machine: cross-compiles
// engine/native/tools/gemm-selftest.cpp with the driver and the NEON and portable kernels (Debian's
// g++-aarch64-linux-gnu, statically) and runs it under qemu-aarch64: every product against a double-precision
// reference, prepacked op(B) bitwise as packed by the driver, and the bits of all outputs the same on 1 and 3
// threads; then the same on the portable kernel (NETWRIGHT_ISA=scalar). Users on Apple silicon and ARM servers get
// these kernels, which the native build here never runs. Where the cross compiler or qemu is missing it says so
// and counts one skipped test (.ci/run installs both).
//   node scripts/test-native-arm64.mjs [--outputFile=report.json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const outputArg = process.argv.slice(2).find((a) => a.startsWith('--outputFile='));
const outputFile = outputArg ? outputArg.slice('--outputFile='.length) : null;
let passed = 0;
let failed = 0;
let skipped = 0;
function finish() {
  // The shape of vitest's JSON report, so `npm test` adds these to its totals.
  if (outputFile)
    writeFileSync(
      outputFile,
      JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: 0 }),
    );
  console.log(`test-native-arm64: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

const available = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
const compiler = 'aarch64-linux-gnu-g++';
const qemu = ['qemu-aarch64', 'qemu-aarch64-static'].find(available);
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`test-native-arm64: skipped (set up for x64 Linux; this is ${process.platform}-${process.arch})`);
  skipped = 1;
  finish();
}
if (!available(compiler) || !qemu) {
  console.log(
    `test-native-arm64: skipped: needs ${compiler} and qemu-aarch64 (Debian: apt-get install g++-aarch64-linux-gnu qemu-user)`,
  );
  skipped = 1;
  finish();
}

const native = resolve(import.meta.dirname, '..', 'engine', 'native');
const dir = mkdtempSync(join(tmpdir(), 'netwright-arm64-'));
const binary = join(dir, 'gemm-selftest');
const sources = [
  'tools/gemm-selftest.cpp',
  'src/gemm/gemm.cpp',
  'src/gemm/select_kernel.cpp',
  'src/gemm/small_rows.cpp',
  'src/scratch.cpp',
  'src/thread_pool.cpp',
  'src/fp_mode.cpp',
  'src/gemm/ukernel_scalar.cpp',
  'src/gemm/small_rows_scalar.cpp',
  'src/gemm/ukernel_neon.cpp',
  'src/gemm/small_rows_neon.cpp',
];
console.log(`test-native-arm64: building the GEMM self-test for arm64 (${compiler}, static)`);
const build = spawnSync(
  compiler,
  ['-O2', '-std=c++17', '-pthread', '-static', '-DNW_GEMM_NEON', '-Isrc', ...sources, '-o', binary],
  { cwd: native, encoding: 'utf8' },
);
// glibc's static-linking notes (getaddrinfo and the like) are not errors; print anything else.
const buildNotes = `${build.stdout}${build.stderr}`
  .split('\n')
  .filter((line) => line.trim() !== '' && !/statically linked applications requires at runtime/.test(line))
  .join('\n');
if (buildNotes) console.log(buildNotes);
if (build.status !== 0) {
  console.log('FAIL the arm64 build of the GEMM self-test');
  failed += 1;
  rmSync(dir, { recursive: true, force: true });
  finish();
}

const bits = {};
for (const isa of ['neon', 'scalar']) {
  for (const threads of [1, 3]) {
    const name = `${isa} kernels on ${threads} thread${threads > 1 ? 's' : ''}`;
    const env = { ...process.env, NETWRIGHT_THREADS: String(threads) };
    delete env.NETWRIGHT_ISA;
    if (isa === 'scalar') env.NETWRIGHT_ISA = 'scalar';
    const run = spawnSync(qemu, [binary], { env, encoding: 'utf8', timeout: 300_000 });
    const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    process.stdout.write(out.trimEnd().replace(/^/gm, `  [${isa}, ${threads}] `) + '\n');
    const ok = run.status === 0 && out.includes(`isa=${isa} `) && /all \d+ gemm cases match/.test(out);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
    if (ok) passed += 1;
    else failed += 1;
    const checksum = /bits=([0-9a-f]{16})/.exec(out)?.[1];
    if (checksum) (bits[isa] ??= []).push(checksum);
  }
  const sums = bits[isa] ?? [];
  const same = sums.length === 2 && sums[0] === sums[1];
  console.log(`${same ? 'ok  ' : 'FAIL'} ${isa} kernels: the same bits on 1 and 3 threads (${sums.join(' / ')})`);
  if (same) passed += 1;
  else failed += 1;
}
rmSync(dir, { recursive: true, force: true });
finish();
