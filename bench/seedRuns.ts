// Seeds a studio home with many stored runs for `npm run measure:ui`: `npx tsx bench/seedRuns.ts <home> [--runs 500]
// [--long 12] [--epochs 1000]`. The curves are synthetic (seeded noise around a decaying loss), written through the
// store like a trained run's: this measures drawing and listing, not training. Prints one JSON line.
import { join } from 'node:path';
import { mlp } from '../engine/core/spec/templates';
import type { TrainConfig } from '../engine/core/train/config';
import { openStore, type EpochRecord } from '../main/services/store';
import { Studio } from '../main/services/studio/studio';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const home = process.argv[2];
if (!home || home.startsWith('--'))
  throw new Error('usage: tsx bench/seedRuns.ts <home> [--runs N] [--long N] [--epochs N]');
const totalRuns = option('runs', 500);
const longRuns = option('long', 12);
const longEpochs = option('epochs', 1000);
/** Epochs of every other run: enough that loading their metrics for the table would show. */
const SHORT_EPOCHS = 30;

/** mulberry32: a small seeded generator, so every seeding gives the same curves. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible classifier's epochs: loss decaying to a floor with noise, validation a little above and turning up late. */
function curves(epochs: number, seed: number, layers: string[]): EpochRecord[] {
  const next = random(seed);
  const tau = 20 + next() * epochs * 0.2;
  const floor = 0.02 + next() * 0.1;
  return Array.from({ length: epochs }, (_, i) => {
    const e = i + 1;
    const noise = () => 1 + (next() - 0.5) * 0.2;
    const trainLoss = (1.1 * Math.exp(-e / tau) + floor) * noise();
    const valLoss = (1.1 * Math.exp(-e / tau) + floor * 1.3 + (0.05 * e) / epochs) * noise();
    const gradNorms = Object.fromEntries(layers.map((l, k) => [l, (0.5 / (k + 1)) * Math.exp(-e / tau) * noise()]));
    return {
      epoch: e,
      trainLoss,
      trainAccuracy: Math.min(1, Math.max(0, 1 - trainLoss * 0.8)),
      valLoss,
      valAccuracy: Math.min(1, Math.max(0, 1 - valLoss * 0.8)),
      lr: 0.01,
      metrics: { gradNorms, weightNorms: gradNorms, seconds: 0.05, samplesPerSecond: 20000, penalty: 0 },
    };
  });
}

const studio = new Studio({ home, mode: 'cli' });
const dataset = await studio.useSample('spirals');
const spec = mlp([2], 3, [64, 64]);
const graph = await studio.createGraph('seeded mlp', spec);
await studio.close();

const store = openStore(join(home, 'studio.sqlite'));
const projectId = store.projects.listProjects()[0].id;
const layers = spec.nodes.filter((n) => n.op === 'dense').map((n) => n.id);
const longNames: string[] = [];
const started = Date.now();
for (let i = 0; i < totalRuns; i++) {
  const long = i >= totalRuns - longRuns;
  const epochs = long ? longEpochs : SHORT_EPOCHS;
  const lr = [0.1, 0.03, 0.01, 0.003, 0.001][i % 5];
  const config: TrainConfig = {
    version: 1,
    loss: 'cross_entropy',
    optimizer: { type: i % 2 ? 'adam' : 'sgd', lr },
    schedule: { type: 'constant' },
    epochs,
    batchSize: 32,
    seed: i + 1,
    split: { train: 0.7, validation: 0.15, test: 0.15 },
  };
  const name = long ? `long ${i - (totalRuns - longRuns) + 1}` : `run ${i + 1}`;
  const run = store.runs.createRun({
    projectId,
    name,
    graph: spec,
    trainConfig: config,
    graphVersionId: null,
    datasetId: dataset.id,
    tags: long ? ['long'] : [`lr-${lr}`],
  });
  store.runs.updateRunStatus(run.id, 'running');
  const records = curves(epochs, i + 1, layers);
  store.metrics.writeBatch(
    records.map((record) => ({ runId: run.id, record })),
    [],
  );
  const best = records.reduce((b, e) => (e.valLoss! < b.valLoss! ? e : b));
  const last = records.at(-1)!;
  const values = (e: EpochRecord) => ({
    train_loss: e.trainLoss!,
    train_accuracy: e.trainAccuracy!,
    val_loss: e.valLoss!,
    val_accuracy: e.valAccuracy!,
  });
  store.runs.updateRunStatus(run.id, 'completed');
  store.runs.setRunResults(run.id, { bestMetrics: values(best), finalMetrics: values(last), bestEpoch: best.epoch });
  if (long) longNames.push(name);
}
store.close();
process.stdout.write(
  `${JSON.stringify({ seeded: totalRuns, long: longNames, longEpochs, shortEpochs: SHORT_EPOCHS, graphId: graph.id, seconds: (Date.now() - started) / 1000 })}\n`,
);
