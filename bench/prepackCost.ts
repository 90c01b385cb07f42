// What packing the dense weights once saves an eval-mode forward: infer-W2's and infer-W3's predict with each dense
// layer's weight packed once (as the engine runs it) and with the weights packed on every call (the same kernels
// given no packed handle), timed interleaved in one process (rounds of one prediction each by default; medians, and
// minimums, the least disturbed) as wall and
// CPU time, so a busy shared machine slows both alike; the outputs are checked bitwise equal first. A tool for
// working on speed, like profile.ts; nothing asserts on it.
//   npx tsx bench/prepackCost.ts [--threads 2] [--rounds 100] [--per-round 1] [--batch 256]
import type { Kernels } from '../engine/core/kernels';
import { createTrainingSession } from '../engine/core/train/session';
import { loadKernels } from '../engine/native';
import { DataRng } from './data';
import { configOf, specOf } from './suites/netwrightSpec';
import { trainingWorkloadOf, workloadByName } from './workloads';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The same kernels, except that dense forwards never get a packed handle (they pack op(B) on every call). */
function withoutPacking(kernels: Kernels): Kernels {
  return {
    ...kernels,
    denseForward: (x, weight, bias, y, batch, inFeatures, outFeatures) =>
      kernels.denseForward(x, weight, bias, y, batch, inFeatures, outFeatures),
    denseReluForward: (x, weight, bias, y, batch, inFeatures, outFeatures) =>
      kernels.denseReluForward(x, weight, bias, y, batch, inFeatures, outFeatures),
  };
}

function measure(
  name: 'infer-W2' | 'infer-W3',
  kernels: Kernels,
  batch: number,
  rounds: number,
  perRound: number,
): void {
  const workload = workloadByName(name);
  if (workload.kind !== 'infer') throw new Error(`${name} should be an inference workload`);
  const base = trainingWorkloadOf(workload);
  const spec = specOf(base.name, base.network);
  const config = configOf(base, batch);
  const sessions = {
    'packed once': createTrainingSession(spec, config, kernels, { maxBatch: batch }),
    'packed per call': createTrainingSession(spec, config, withoutPacking(kernels), { maxBatch: batch }),
  };
  type Name = keyof typeof sessions;
  const size = sessions['packed once'].model.input.size;
  const rng = new DataRng(5);
  const x = new Float32Array(batch * size).map(() => rng.normal());
  const a = sessions['packed once'].predict(x, batch).slice();
  const b = sessions['packed per call'].predict(x, batch).slice();
  if (!a.every((v, i) => Object.is(v, b[i]))) throw new Error(`${name}: the two ways differ (same seed, same weights)`);

  const wall: Record<Name, number[]> = { 'packed once': [], 'packed per call': [] };
  const cpu: Record<Name, number[]> = { 'packed once': [], 'packed per call': [] };
  for (let i = 0; i < 5; i++) for (const session of Object.values(sessions)) session.predict(x, batch); // warm up
  const ways = Object.entries(sessions) as Array<[Name, (typeof sessions)[Name]]>;
  for (let round = 0; round < rounds; round++) {
    // Each way goes first in every other round, so neither gains from following the other.
    for (const [way, session] of round % 2 ? [...ways].reverse() : ways) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < perRound; i++) session.predict(x, batch);
      const used = process.cpuUsage(cpuStart);
      wall[way].push((performance.now() - start) / perRound);
      cpu[way].push((used.user + used.system) / 1000 / perRound);
    }
  }
  const median = (values: number[]) => [...values].sort((p, q) => p - q)[values.length >> 1];
  const least = (values: number[]) => Math.min(...values);
  console.log(
    `${name} batch ${batch}, ${kernels.threads()} threads, ${kernels.isa}; ms per predict (median of rounds)`,
  );
  for (const way of Object.keys(sessions) as Name[])
    console.log(
      `  ${way.padEnd(16)} wall ${median(wall[way]).toFixed(3).padStart(7)}  cpu ${median(cpu[way]).toFixed(3).padStart(7)}` +
        `  (least: wall ${least(wall[way]).toFixed(3)}, cpu ${least(cpu[way]).toFixed(3)})`,
    );
  const ratio = (of: (values: number[]) => number, values: Record<Name, number[]>) =>
    (of(values['packed per call']) / of(values['packed once'])).toFixed(3);
  console.log(
    `  speed-up of packing once: medians wall ${ratio(median, wall)}, cpu ${ratio(median, cpu)}; ` +
      `least wall ${ratio(least, wall)}, cpu ${ratio(least, cpu)}`,
  );
}

function main(): void {
  const kernels = loadKernels();
  kernels.setThreads(flag('threads', kernels.threads()));
  for (const name of ['infer-W2', 'infer-W3'] as const)
    measure(name, kernels, flag('batch', 256), flag('rounds', 100), flag('per-round', 1));
}

main();
