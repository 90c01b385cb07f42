#!/usr/bin/env node
// The kernel tests on the AVX-512 microkernel (8x32 tiles) on a machine without AVX-512: builds a second copy of the
// addon whose AVX-512 library is compiled against a portable stand-in for its intrinsics
// (engine/native/tools/avx512-emulation) and which believes the CPU has AVX-512, then runs the native and engine
// unit tests on it (NETWRIGHT_NATIVE_PATH). Users on AVX-512 CPUs (Intel servers, AMD Zen 4) get that kernel and the
// driver's MR=8 / NR=32 paths, which the native build here never runs. x64 only; elsewhere it says so and passes.
//   node scripts/test-native-emulated.mjs [vitest args...]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

if (process.arch !== 'x64' || process.platform === 'win32') {
  console.log(
    `test-native-emulated: skipped (the emulated AVX-512 build is set up for x64 Linux and macOS; this is ${process.platform}-${process.arch})`,
  );
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
const native = join(root, 'engine', 'native');
// The AVX-512 kernel's panels are packed by AVX2 code (src/gemm/avx2_packing.hpp), which runs for real here: a CPU
// without AVX2 (the normal build dispatches to the portable kernels) cannot run the emulated build.
const hostIsa = spawnSync(
  process.execPath,
  ['-p', `require(${JSON.stringify(join(native, 'build', 'Release', 'netwright_native.node'))}).isa`],
  { encoding: 'utf8', env: { ...process.env, NETWRIGHT_ISA: '' } }, // the best this CPU runs, whatever was asked
).stdout?.trim();
if (hostIsa === 'scalar') {
  console.log('test-native-emulated: skipped (this CPU has no AVX2, which the emulated build packs its panels with)');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'netwright-avx512-'));
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
};

try {
  cpSync(join(native, 'src'), join(dir, 'src'), { recursive: true });
  let gyp = readFileSync(join(native, 'binding.gyp'), 'utf8');
  const edits = [
    // The AVX-512 library: the stand-in header instead of the instructions.
    [
      "'cflags': ['-fPIC', '-mavx512f', '-mfma'],",
      `'cflags': ['-fPIC', '-I${join(native, 'tools', 'avx512-emulation')}'],`,
    ],
    ["'OTHER_CFLAGS': ['-mavx512f', '-mfma']", `'OTHER_CFLAGS': ['-I${join(native, 'tools', 'avx512-emulation')}']`],
    // Kernel selection: every CPU feature reported present, so the AVX-512 kernel is chosen.
    ["'defines': ['NW_GEMM_X86'],", "'defines': ['NW_GEMM_X86', '__builtin_cpu_supports(feature)=1'],"],
  ];
  // Every occurrence: each AVX-512 library (the GEMM's, the convolution's dot products) gets the stand-in.
  for (const [from, to] of edits) {
    if (!gyp.includes(from))
      throw new Error(`engine/native/binding.gyp no longer contains ${from}: update scripts/test-native-emulated.mjs`);
    gyp = gyp.replaceAll(from, to);
  }
  writeFileSync(join(dir, 'binding.gyp'), gyp);
  // node-gyp resolves node-addon-api from the build folder.
  cpSync(join(root, 'node_modules', 'node-addon-api'), join(dir, 'node_modules', 'node-addon-api'), {
    recursive: true,
  });
  const nodeGyp = join(root, 'node_modules', '.bin', 'node-gyp');
  // The same Node headers as the main build (`npm run` passes npm's nodedir setting on; run directly, ask npm).
  const nodedir =
    process.env.npm_config_nodedir ||
    spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8', shell: false }).stdout?.trim();
  const headers = nodedir && nodedir !== 'undefined' && nodedir !== 'null' ? [`--nodedir=${nodedir}`] : [];
  run(nodeGyp, ['rebuild', '--loglevel=warn', ...headers], { cwd: dir });
  const addon = join(dir, 'build', 'Release', 'netwright_native.node');
  const isa = spawnSync(process.execPath, ['-p', `require(${JSON.stringify(addon)}).isa`], {
    encoding: 'utf8',
    env: { ...process.env, NETWRIGHT_ISA: '' },
  }).stdout.trim();
  if (isa !== 'avx512') throw new Error(`the emulated build dispatched to '${isa}', not avx512`);
  console.log(`test-native-emulated: ${addon} dispatches to ${isa} (emulated); running the kernel tests on it`);
  run('npx', ['vitest', 'run', '--project', 'unit', 'engine/native', 'engine/test', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, NETWRIGHT_NATIVE_PATH: addon, NETWRIGHT_ISA: '' }, // a lower ISA asked for elsewhere: not here
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
