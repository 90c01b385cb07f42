// Where a training step's time goes: runs a workload on netwright with every kernel call timed, and prints a
// table of kernels (with their shapes) by total time per step, plus the time outside kernels (JavaScript); dense and
// convolution rows also give their GFLOPS and share of the FMA peak, measured first on the same threads.
// A tool for working on speed, not a benchmark: timing each call adds a little overhead of its own.
//
//   npx tsx bench/profile.ts W5 [--batch 64] [--threads 2] [--steps 20] [--infer]
//   npx tsx bench/profile.ts infer-W2 --batch 256 --threads 1 --onnxruntime   (and onnxruntime's own node times, from
//                                                                              its profiler, on the same model)
//   npx tsx bench/profile.ts tta-cnn      (the time-to-accuracy networks, Adam 1e-3, batch 64, as tta.ts trains them)
import { Geom, type Kernels } from '../engine/core/kernels';
import { createTrainingSession } from '../engine/core/train/session';
import { loadKernels } from '../engine/native';
import { measureFmaPeak } from '../engine/native/peak';
import { profileOnnxruntime } from './onnxruntimeProfile';
import { configOf, specOf } from './suites/netwrightSpec';
import { DataRng } from './data';
import { TTA_WORKLOADS } from './tta';
import { outputSize, trainingWorkloadOf, workloadByName, type TrainingWorkload } from './workloads';

interface Tally {
  calls: number;
  ns: bigint;
  /** Floating-point operations of the multiply-adds (2 per), 0 for kernels without a formula here. */
  flops: number;
}

/** 2 x the multiply-adds of a dense or convolution call, from its arguments (0 for other kernels). */
function flopsOf(name: string, args: unknown[]): number {
  const number = (i: number) => args[i] as number;
  switch (name) {
    case 'denseForward':
    case 'denseReluForward':
      return 2 * number(4) * number(5) * number(6);
    case 'denseBackward': // dWeight, and dx unless it is null
      return 2 * number(6) * number(7) * number(8) * (args[3] === null ? 1 : 2);
    case 'conv2dForward':
    case 'conv2dReluForward':
    case 'conv2dBackward': {
      const g = args[name === 'conv2dBackward' ? 6 : 4] as Int32Array;
      const pass = 2 * g[Geom.N] * g[Geom.O] * g[Geom.OH] * g[Geom.OW] * g[Geom.C] * g[Geom.KH] * g[Geom.KW];
      return name === 'conv2dBackward' ? pass * (args[3] === null ? 1 : 2) : pass;
    }
    default:
      return 0;
  }
}

function describe(name: string, args: unknown[]): string {
  // Optimizer steps differ only by their step number: one row for all of them.
  if (name.endsWith('Step')) args = args.filter((a) => typeof a === 'number').slice(0, 1);
  // Dense forwards: the dimensions, and whether the weight came packed (the weights version moves every step).
  if (name === 'denseForward' || name === 'denseReluForward')
    return `${name}(${args.slice(4, 7).join(', ')}${args[7] ? ', packed' : ''})`;
  const dims = args.filter(
    (a) => typeof a === 'number' || typeof a === 'boolean' || (a instanceof Int32Array && a.length <= 13),
  );
  return `${name}(${dims.map((d) => (d instanceof Int32Array ? `[${[...d].join(',')}]` : String(d))).join(', ')})`;
}

function timed(kernels: Kernels, tallies: Map<string, Tally>): Kernels {
  return new Proxy(kernels, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'setThreads' || property === 'threads') return value;
      return (...args: unknown[]) => {
        const start = process.hrtime.bigint();
        const result = value.apply(target, args);
        const ns = process.hrtime.bigint() - start;
        const key = describe(String(property), args);
        const tally = tallies.get(key) ?? { calls: 0, ns: 0n, flops: 0 };
        tally.calls++;
        tally.ns += ns;
        tally.flops += flopsOf(String(property), args);
        tallies.set(key, tally);
        return result;
      };
    },
  });
}

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A bench workload by name, or one of the tta suite's networks as a training workload of its own. */
function profiled(name: string) {
  const tta = TTA_WORKLOADS.find((w) => w.name === name);
  if (!tta) return workloadByName(name);
  const plan = { warmupSteps: 3, timedSteps: 20, repeats: 1 };
  const training: TrainingWorkload = {
    kind: 'train',
    name: 'W5', // the type lists the bench's own names; the profile uses the network, loss and optimizer alone
    title: tta.name,
    network: tta.network,
    loss: 'cross_entropy',
    optimizer: { type: 'adam', lr: 1e-3 },
    batches: [64],
    samples: 64,
    full: plan,
    quick: plan,
  };
  return training;
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'W5';
  const workload = profiled(name);
  if (workload.kind === 'gemm') throw new Error('profile a training or inference workload');
  const training = trainingWorkloadOf(workload);
  const batch = flag('batch', workload.batches[0]);
  const steps = flag('steps', 20);
  const infer = workload.kind === 'infer' || process.argv.includes('--infer');
  // --every-layer: inference layer by layer, without the fused dense/conv → ReLU (→ 2x2 pool) kernels, to compare.
  const predictOptions = { everyLayer: process.argv.includes('--every-layer') };
  const kernels = loadKernels();
  kernels.setThreads(flag('threads', kernels.threads()));
  const probe = measureFmaPeak();
  const peak = probe.gflops;
  const tallies = new Map<string, Tally>();
  const session = createTrainingSession(
    specOf(training.name, training.network),
    configOf(training, batch),
    timed(kernels, tallies),
    { maxBatch: batch },
  );

  const rng = new DataRng(1);
  const inputs = new Float32Array(batch * training.network.inputShape.reduce((a, b) => a * b, 1)).map(() =>
    rng.normal(),
  );
  const classes = outputSize(training.network);
  const targets =
    training.loss === 'mse'
      ? new Float32Array(batch * classes).map(() => rng.normal())
      : new Int32Array(batch).map(() => rng.below(classes));
  const run = () => (infer ? session.predict(inputs, batch, predictOptions) : session.step(inputs, targets, batch));
  for (let i = 0; i < 3; i++) run();
  tallies.clear();
  const start = process.hrtime.bigint();
  for (let i = 0; i < steps; i++) run();
  const total = Number(process.hrtime.bigint() - start) / steps / 1e6;

  const rows = [...tallies]
    .map(([key, t]) => ({
      key,
      ms: Number(t.ns) / steps / 1e6,
      calls: t.calls / steps,
      gflops: t.flops / Number(t.ns),
    }))
    .sort((a, b) => b.ms - a.ms);
  const inKernels = rows.reduce((sum, r) => sum + r.ms, 0);
  console.log(
    `${name} batch ${batch}, ${kernels.threads()} threads, ${kernels.isa}: ${total.toFixed(3)} ms per step, ` +
      `${((batch / total) * 1000).toFixed(0)} samples/s; kernels ${inKernels.toFixed(3)} ms, outside ${(total - inKernels).toFixed(3)} ms; ` +
      `FMA peak ${peak.toFixed(1)} GFLOPS (best of ${probe.repeats}; ${probe.undisturbed} undisturbed, spread ${(100 * probe.spread).toFixed(1)}%)`,
  );
  for (const r of rows) {
    const share =
      r.gflops > 0 ? `  ${r.gflops.toFixed(1)} GFLOPS, ${((100 * r.gflops) / peak).toFixed(0)}% of peak` : '';
    console.log(
      `${r.ms.toFixed(3).padStart(8)} ms ${((100 * r.ms) / total).toFixed(1).padStart(5)}%  x${r.calls}  ${r.key}${share}`,
    );
  }
  if (!process.argv.includes('--onnxruntime')) return;
  if (!infer) throw new Error('--onnxruntime profiles inference only (an infer-* workload, or --infer)');
  const ort = await profileOnnxruntime(training, session, inputs, batch, kernels.threads(), steps);
  console.log(
    `onnxruntime ${ort.version}, the same model exported, ${kernels.threads()} threads: ${ort.runMs.toFixed(3)} ms per ` +
      `run (its profiler's model_run, median of ${steps}); its nodes' kernel times:`,
  );
  for (const node of ort.nodes)
    console.log(
      `${node.ms.toFixed(3).padStart(8)} ms ${((100 * node.ms) / ort.runMs).toFixed(1).padStart(5)}%  ${node.op} ${node.name}`,
    );
}

await main();
