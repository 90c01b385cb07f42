// What image augmentation costs a training step: W3's step with and without W3aug's augmentation, the augmentation
// alone (native kernel, as the trainer runs it) and the same through the TypeScript reference kernels, timed
// interleaved in one process (rounds of a few steps each, medians) as wall and CPU time, so a busy shared machine
// slows all of them alike. A tool for working on speed, like profile.ts; nothing asserts on it.
//   npx tsx bench/augmentCost.ts [--threads 2] [--rounds 15]
import { augmentBatch } from '../engine/core/train/augment';
import { createTrainingSession } from '../engine/core/train/session';
import type { Kernels } from '../engine/core/kernels';
import { loadKernels } from '../engine/native';
import { createReferenceKernels } from '../engine/native/reference';
import { DataRng } from './data';
import { configOf, specOf } from './suites/netwrightSpec';
import { workloadByName } from './workloads';

const STEPS_PER_ROUND = 5;
const DISTINCT_BATCHES = 16;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function main(): void {
  const workload = workloadByName('W3aug');
  if (workload.kind !== 'train' || !workload.augmentation)
    throw new Error('W3aug should be an augmented training workload');
  const { augmentation } = workload;
  const batch = workload.batches[0];
  const shape = workload.network.inputShape;
  const size = shape.reduce((a, b) => a * b, 1);
  const kernels = loadKernels();
  kernels.setThreads(flag('threads', kernels.threads()));
  const session = createTrainingSession(specOf('W3', workload.network), configOf(workload, batch), kernels, {
    maxBatch: batch,
  });
  const rng = new DataRng(3);
  const data = new Float32Array(DISTINCT_BATCHES * batch * size).map(() => rng.normal());
  const labels = new Int32Array(batch).map(() => rng.below(10));
  const rows = Int32Array.from({ length: batch }, (_, i) => i);
  const input = session.model.input.data;
  let step = 0;
  const batchAt = (n: number) =>
    data.subarray((n % DISTINCT_BATCHES) * batch * size, ((n % DISTINCT_BATCHES) + 1) * batch * size);
  const reference = createReferenceKernels();
  const augment = (n: number, using: Kernels = kernels) =>
    augmentBatch(using, augmentation, batchAt(n), shape, null, rows, 0, batch, 1, n, input);
  const runs = {
    plain: () => session.step(batchAt(step++), labels, batch),
    augmented: () => {
      augment(step++);
      session.step(input, labels, batch);
    },
    'augmentation alone': () => augment(step++),
    'same in TypeScript': () => augment(step++, reference),
  };
  type Name = keyof typeof runs;
  const samples = () =>
    Object.fromEntries(Object.keys(runs).map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  const wall = samples();
  const cpu = samples();
  for (let i = 0; i < 10; i++) for (const run of Object.values(runs)) run(); // warm up
  for (let round = 0; round < flag('rounds', 15); round++) {
    for (const [name, run] of Object.entries(runs) as Array<[Name, () => void]>) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < STEPS_PER_ROUND; i++) run();
      const used = process.cpuUsage(cpuStart);
      wall[name].push((performance.now() - start) / STEPS_PER_ROUND);
      cpu[name].push((used.user + used.system) / 1000 / STEPS_PER_ROUND);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  console.log(`W3 batch ${batch}, ${kernels.threads()} threads, ${kernels.isa}; ms per step (median of rounds)`);
  for (const name of Object.keys(runs) as Name[])
    console.log(
      `${name.padEnd(20)} wall ${median(wall[name]).toFixed(2).padStart(7)}  cpu ${median(cpu[name]).toFixed(2).padStart(7)}`,
    );
  console.log(
    `throughput with augmentation / without: wall ${(median(wall.plain) / median(wall.augmented)).toFixed(3)}, ` +
      `cpu ${(median(cpu.plain) / median(cpu.augmented)).toFixed(3)}`,
  );
}

main();
