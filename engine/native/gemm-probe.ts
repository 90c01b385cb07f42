// Hand-run GEMM throughput check (not a test): `npx tsx engine/native/gemm-probe.ts`.
// Prints GFLOPS (2 M N K / time, best of several runs) per shape, transpose case and thread count: by wall time, and
// per CPU-second of this process (which stays meaningful when other processes share the cores).
import { loadKernels } from './index';

const kernels = loadKernels();

interface Shape {
  M: number;
  N: number;
  K: number;
  label: string;
}
const shapes: Shape[] = [
  { M: 1024, N: 1024, K: 1024, label: '1024x1024x1024' },
  { M: 64, N: 512, K: 784, label: '64x784x512 (batch 64, 784 -> 512 dense)' },
  { M: 32, N: 3136, K: 288, label: '32x3136x288 (conv 3x3, 32 -> 32 ch, 56x56)' },
];

function measure(shape: Shape, transA: boolean, transB: boolean): [number, number] {
  const A = new Float32Array(shape.M * shape.K).map((_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const B = new Float32Array(shape.K * shape.N).map((_, i) => ((i * 104729) % 1000) / 1000 - 0.5);
  const C = new Float32Array(shape.M * shape.N);
  const flops = 2 * shape.M * shape.N * shape.K;
  const repeats = Math.max(3, Math.min(200, Math.round(2e9 / flops)));
  kernels.gemm(transA, transB, shape.M, shape.N, shape.K, 1, A, B, 0, C); // warm-up: scratch, caches, threads
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let r = 0; r < repeats; r++) kernels.gemm(transA, transB, shape.M, shape.N, shape.K, 1, A, B, 0, C);
    const cpu = process.cpuUsage(cpuStart);
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - start) / 1e9 / repeats);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6 / repeats);
  }
  return [flops / bestWall / 1e9, flops / bestCpu / 1e9];
}

console.log(`isa=${kernels.isa}`);
const initial = kernels.threads();
for (const threads of [1, 2]) {
  kernels.setThreads(threads);
  for (const shape of shapes) {
    const cases = [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const;
    const results = cases.map(([ta, tb]) => {
      const [wall, perCpu] = measure(shape, ta, tb);
      return `${ta ? 'T' : 'N'}${tb ? 'T' : 'N'} ${wall.toFixed(1)} (${perCpu.toFixed(1)}/cpu-s)`;
    });
    console.log(`threads=${threads} ${shape.label}: ${results.join('  ')} GFLOPS`);
  }
}
kernels.setThreads(initial);
