// `netwright train`: trains a model on a dataset folder or a built-in sample in the engine process, with a
// progress line on a terminal or one JSON object per epoch (--json) and a summary at the end.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DATASETS, type SampleName } from '../../engine/core/data/samples';
import { templateByName } from '../../engine/core/spec';
import type { ModelSpec } from '../../engine/core/spec/types';
import type { OptimizerConfig, TrainConfig } from '../../engine/core/train/config';
import { EngineClient } from '../../engine/host/client';
import { readManifest } from '../../engine/host/datasetFiles';
import type { FromEngine } from '../../engine/host/protocol';
import { writeGeneratedDataset } from '../../engine/host/writeDataset';
import type { Task } from '../../engine/core/data/dataset';
import { numberOption, parseArgs, stringOption } from './args';
import { importCsvFile } from './import';
import { netwrightHome } from './home';
import { ProgressLine } from './progress';

export const TRAIN_USAGE = `netwright train (--sample NAME | --data DATASET_DIR | --data FILE.csv --label COLUMN [--task T]) [--model mlp|lenet|small-cnn|SPEC.json]
  [--epochs 20] [--optimizer adam|adamw|sgd|rmsprop|adagrad] [--lr 0.001] [--momentum 0.9] [--batch-size 32]
  [--seed 42] [--l1 0] [--l2 0] [--clip-norm N] [--early-stopping PATIENCE] [--threads N] [--json]
samples: ${Object.keys(SAMPLE_DATASETS).join(', ')}`;

async function datasetFolder(args: ReturnType<typeof parseArgs>): Promise<string> {
  const sample = args.options.get('sample');
  const data = args.options.get('data');
  if (typeof sample === 'string') {
    if (!(sample in SAMPLE_DATASETS)) throw new Error(`no sample dataset '${sample}': choose one of ${Object.keys(SAMPLE_DATASETS).join(', ')}`);
    const dir = join(netwrightHome(), 'datasets', `sample-${sample}`);
    if (!existsSync(join(dir, 'dataset.json'))) writeGeneratedDataset(SAMPLE_DATASETS[sample as SampleName](), dir);
    return dir;
  }
  if (typeof data === 'string') {
    if (!/\.(csv|tsv|txt)$/i.test(data)) return data;
    const label = args.options.get('label');
    if (typeof label !== 'string') throw new Error(`${data} is a table: say which column to predict with --label COLUMN`);
    const task = args.options.get('task');
    return (await importCsvFile(data, label, { task: typeof task === 'string' ? (task as Task) : undefined })).folder;
  }
  throw new Error(`say what to train on: --sample NAME or --data DATASET_DIR\n${TRAIN_USAGE}`);
}

function optimizerFrom(args: ReturnType<typeof parseArgs>): OptimizerConfig {
  const type = stringOption(args, 'optimizer', 'adam');
  const lr = numberOption(args, 'lr', type === 'sgd' ? 0.01 : 0.001);
  switch (type) {
    case 'sgd': return { type, lr, momentum: numberOption(args, 'momentum', 0.9) };
    case 'adam': case 'adamw': case 'rmsprop': case 'adagrad': return { type, lr };
    default: throw new Error(`unknown optimizer '${type}': choose adam, adamw, sgd, rmsprop or adagrad`);
  }
}

export async function train(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['sample', 'data', 'label', 'task', 'model', 'epochs', 'optimizer', 'lr', 'momentum', 'batch-size', 'seed', 'l1', 'l2', 'clip-norm', 'early-stopping', 'threads'],
    flags: ['json'],
  });
  const json = args.options.has('json');
  const dir = await datasetFolder(args);
  const manifest = readManifest(dir);
  const classes = manifest.task === 'classification' ? manifest.classNames!.length : (manifest.targetNames?.length ?? 1);
  const modelName = stringOption(args, 'model', manifest.featureShape.length === 3 ? 'small-cnn' : 'mlp');
  const spec: ModelSpec = modelName.endsWith('.json')
    ? JSON.parse(readFileSync(modelName, 'utf8'))
    : templateByName(modelName, { inputShape: manifest.featureShape, outputs: classes });
  const patience = args.options.get('early-stopping');
  const clipNorm = args.options.get('clip-norm');
  const config: TrainConfig = {
    version: 1,
    loss: manifest.task === 'classification' ? 'cross_entropy' : 'mse',
    optimizer: optimizerFrom(args),
    schedule: { type: 'constant' },
    epochs: numberOption(args, 'epochs', 20),
    batchSize: numberOption(args, 'batch-size', 32),
    seed: numberOption(args, 'seed', 42),
    l1: numberOption(args, 'l1', 0),
    l2: numberOption(args, 'l2', 0),
    clipping: clipNorm !== undefined ? { maxNorm: numberOption(args, 'clip-norm', 1) } : undefined,
    earlyStopping: patience !== undefined ? { metric: 'val_loss', patience: numberOption(args, 'early-stopping', 5), restoreBest: true } : undefined,
    split: { train: manifest.split.train, validation: manifest.split.validation, test: manifest.split.test },
  };
  const runId = `run-${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  const runDir = join(netwrightHome(), 'runs', runId);
  mkdirSync(runDir, { recursive: true });

  const threads = args.options.has('threads') ? numberOption(args, 'threads', 1) : undefined;
  const engine = new EngineClient({ threads });
  const ready = await engine.ready;
  const line = new ProgressLine(process.stderr, config.epochs);
  if (!json) process.stderr.write(`training ${spec.name ?? modelName} on ${manifest.name} (${manifest.count} rows; engine: ${ready.isa}, ${ready.threads} threads)\n`);
  let lastCheckpoint: string | null = null;
  let bestCheckpoint: string | null = null;
  let error: string | null = null;
  engine.onMessage((m: FromEngine) => {
    if (!('runId' in m) || m.runId !== runId) return;
    if (m.type === 'progress' && !json) line.batch(m);
    if (m.type === 'epoch') {
      if (json) process.stdout.write(`${JSON.stringify({ type: 'epoch', ...m.metrics })}\n`);
      else line.epoch(m.metrics);
    }
    if (m.type === 'checkpoint') {
      if (m.kind === 'last') lastCheckpoint = m.path;
      if (m.kind === 'best') bestCheckpoint = m.path;
    }
    if (m.type === 'error') error = m.message;
    if (m.type === 'status' && m.status === 'failed') error = m.message ?? error;
  });
  const stop = () => engine.send({ type: 'stop', runId });
  process.once('SIGINT', stop);
  engine.send({ type: 'start', runId, spec, config, datasetDir: dir, files: { dir: runDir } });
  const done = await engine.waitFor((m) => (m.type === 'finished' && m.runId === runId) || (m.type === 'status' && m.runId === runId && m.status === 'failed'), 24 * 3600_000);
  process.removeListener('SIGINT', stop);
  await engine.shutdown();
  const outcome = done.type === 'finished' ? done.outcome : null;
  const summary = {
    type: 'summary', runId, status: outcome?.status ?? 'failed', error: outcome?.status === 'diverged' ? outcome.message : error,
    dataset: dir, split: manifest.split.counts, epochs: outcome?.epochs ?? 0,
    test: outcome && 'test' in outcome ? outcome.test : null,
    checkpoint: lastCheckpoint, bestCheckpoint,
  };
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    if (summary.error) process.stderr.write(`\nthe run failed: ${summary.error}\n`);
    if (summary.test) {
      const t = summary.test;
      process.stderr.write(`test split (${t.count} rows): loss ${t.loss.toFixed(4)}${t.accuracy !== undefined ? `, accuracy ${(t.accuracy * 100).toFixed(1)}%` : ''}${t.r2 !== undefined ? `, R² ${t.r2.toFixed(3)}, MAE ${t.mae!.toFixed(4)}` : ''}\n`);
    }
    if (lastCheckpoint) process.stderr.write(`checkpoint: ${lastCheckpoint}\n`);
  }
  return summary.status === 'completed' || summary.status === 'early-stopped' || summary.status === 'stopped' ? 0 : 1;
}
