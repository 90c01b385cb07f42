#!/usr/bin/env node
// The GEMM self-test (engine/native/tools/gemm-selftest.cpp: the driver, the microkernels and the convolution weight
// gradient's dot kernels without Node) built and
// run twice on an x64 Linux machine:
// - natively, with the x64 kernels (the AVX2 or AVX-512 one this CPU dispatches to, and the portable one): every
//   product against a double-precision reference, prepacked op(B) bitwise as packed, the AVX2 panel packers against
//   their layout and never storing past a panel, and the bits the same on 1 and 3 threads;
// - cross-compiled for arm64 (Debian's g++-aarch64-linux-gnu, statically) and run under qemu-aarch64, on the NEON and
//   portable kernels: users on Apple silicon and ARM servers get these, which the native build here never runs.
// Where a compiler or qemu is missing it says so and counts one skipped test (.ci/run installs them).
//   node scripts/test-native-selftest.mjs [--outputFile=report.json]
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
  console.log(`test-native-selftest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}
const check = (ok, name) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (ok) passed += 1;
  else failed += 1;
};

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`test-native-selftest: skipped (set up for x64 Linux; this is ${process.platform}-${process.arch})`);
  skipped = 1;
  finish();
}
const available = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
const native = resolve(import.meta.dirname, '..', 'engine', 'native');
const dir = mkdtempSync(join(tmpdir(), 'netwright-selftest-'));
const common = [
  'src/gemm/gemm.cpp',
  'src/gemm/select_kernel.cpp',
  'src/gemm/small_rows.cpp',
  'src/gemm/weight_rows.cpp',
  'src/gemm/strided_b.cpp',
  'src/scratch.cpp',
];
const portable = [...common, 'src/thread_pool.cpp', 'src/fp_mode.cpp', 'src/gemm/ukernel_scalar.cpp'];
const baseline = [
  ...portable,
  'src/gemm/small_rows_scalar.cpp',
  'src/ops/conv_dot_portable.cpp',
  'tools/gemm-selftest.cpp',
];

// Compiles each group of sources with its own flags (the ISA libraries have theirs, as in binding.gyp) and links.
function build(compiler, groups, linkFlags, binary) {
  const objects = [];
  for (const [flags, sources] of groups) {
    for (const source of sources) {
      const object = join(dir, `${objects.length}.o`);
      const result = spawnSync(compiler, ['-O2', '-std=c++17', '-Isrc', ...flags, '-c', source, '-o', object], {
        cwd: native,
        encoding: 'utf8',
      });
      if (result.status !== 0) {
        console.log(`${result.stdout}${result.stderr}`);
        return false;
      }
      objects.push(object);
    }
  }
  const link = spawnSync(compiler, ['-pthread', ...linkFlags, ...objects, '-o', binary], { encoding: 'utf8' });
  // glibc's static-linking notes (getaddrinfo and the like) are not errors; print anything else.
  const notes = `${link.stdout}${link.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/statically linked applications requires at runtime/.test(line))
    .join('\n');
  if (notes) console.log(notes);
  return link.status === 0;
}

// Runs the binary on the dispatched kernels and on the portable ones, 1 and 3 threads each; the bits must agree.
function runAll(label, launcher, binary, dispatchedIsa) {
  for (const isa of [dispatchedIsa, 'scalar']) {
    const bits = [];
    for (const threads of [1, 3]) {
      const env = { ...process.env, NETWRIGHT_THREADS: String(threads) };
      delete env.NETWRIGHT_ISA;
      if (isa === 'scalar') env.NETWRIGHT_ISA = 'scalar';
      const [command, ...args] = [...launcher, binary];
      const run = spawnSync(command, args, { env, encoding: 'utf8', timeout: 300_000 });
      const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
      process.stdout.write(out.trimEnd().replace(/^/gm, `  [${label} ${isa ?? 'dispatched'}, ${threads}] `) + '\n');
      const shown = /isa=(\w+) /.exec(out)?.[1];
      const ok = run.status === 0 && (isa === null ? shown !== undefined : shown === isa);
      check(ok && /all \d+ gemm cases match/.test(out), `${label}: ${shown ?? isa} kernels on ${threads} thread(s)`);
      const checksum = /bits=([0-9a-f]{16})/.exec(out)?.[1];
      if (checksum) bits.push(checksum);
    }
    check(bits.length === 2 && bits[0] === bits[1], `${label}: the same bits on 1 and 3 threads (${bits.join(' / ')})`);
  }
}

try {
  // x64, natively: the ISA libraries with their flags; the CPU decides which kernel runs (null: whichever it is).
  if (!available('g++')) {
    console.log('test-native-selftest: x64 skipped: needs g++');
    skipped += 1;
  } else {
    console.log('test-native-selftest: building the GEMM self-test for this x64 CPU (g++)');
    const binary = join(dir, 'gemm-selftest-x64');
    const ok = build(
      'g++',
      [
        [['-DNW_GEMM_X86'], baseline],
        [
          ['-DNW_GEMM_X86', '-mavx2', '-mfma'],
          ['src/gemm/ukernel_avx2.cpp', 'src/gemm/small_rows_avx2.cpp', 'src/ops/conv_dot_avx2.cpp'],
        ],
        [
          ['-DNW_GEMM_X86', '-mavx512f', '-mfma'],
          ['src/gemm/ukernel_avx512.cpp', 'src/gemm/small_rows_avx512.cpp', 'src/ops/conv_dot_avx512.cpp'],
        ],
      ],
      [],
      binary,
    );
    if (ok) runAll('x64', [], binary, null);
    else check(false, 'the x64 build of the GEMM self-test');
  }

  // arm64, cross-compiled and run under qemu.
  const compiler = 'aarch64-linux-gnu-g++';
  const qemu = ['qemu-aarch64', 'qemu-aarch64-static'].find(available);
  if (!available(compiler) || !qemu) {
    console.log(
      `test-native-selftest: arm64 skipped: needs ${compiler} and qemu-aarch64 (Debian: apt-get install g++-aarch64-linux-gnu qemu-user)`,
    );
    skipped += 1;
  } else {
    console.log(`test-native-selftest: building the GEMM self-test for arm64 (${compiler}, static)`);
    const binary = join(dir, 'gemm-selftest-arm64');
    const neon = ['src/gemm/ukernel_neon.cpp', 'src/gemm/small_rows_neon.cpp'];
    const ok = build(compiler, [[['-DNW_GEMM_NEON'], [...baseline, ...neon]]], ['-static'], binary);
    if (ok) runAll('arm64', [qemu], binary, 'neon');
    else check(false, 'the arm64 build of the GEMM self-test');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
finish();
