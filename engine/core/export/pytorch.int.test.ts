// The generated train.py run by real PyTorch (/usr/bin/python3): its model on the exported safetensors weights
// predicts like the engine, it reads the CSV and images exactly as encoded here, trains an epoch, and runs under
// torchrun with two CPU processes. Skipped, saying why, where torch is not installed (CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { computeNormalization } from '../data/normalization';
import { computeTargetNormalization, standardizeTargets, targetScaleOf } from '../data/targetNormalization';
import { decodeSafetensors } from '../io/safetensors';
import { Rng } from '../rng';
import { dropoutDemo, mlp, smallCnn, templateByName, type TemplateName } from '../spec/templates';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import { standardize } from '../train/data';
import { augmentImage, drawAugmentation } from '../train/augment';
import { createTrainingSession } from '../train/session';
import type { ExportNormalization } from './modelTensors';
import { exportPytorchScript, type PytorchScriptInput, type ScriptData } from './pytorch';
import { exportSafetensors } from './safetensorsExport';
import {
  asppSpec,
  enginePredict,
  everyOpSpec,
  maxAbsDifference,
  randomInputs,
  randomNormalization,
  randomTensors,
  residualConcatSpec,
} from './testModels';
import { PYTHON, torchMissing } from '../../test/pytorch';

const TOLERANCE = 1e-4;

const missing = torchMissing();
if (missing)
  console.log(
    `Skipping the PyTorch script tests: ${missing}. Install it with apt-get install -y python3-torch to run them.`,
  );
const withTorch = missing ? it.skip : it;

const workRoot = mkdtempSync(path.join(tmpdir(), 'netwright-pytorch-'));
const measured: { model: string; maxDifference: number; largestOutput: number }[] = [];
afterAll(() => {
  if (measured.length) {
    console.log('PyTorch train.py --predict vs engine, max |difference| per model:');
    console.table(measured);
  }
  if (process.env.NETWRIGHT_KEEP_TEST_FILES) console.log(`kept the exported scripts in ${workRoot}`);
  else rmSync(workRoot, { recursive: true, force: true });
});

const baseConfig: TrainConfig = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  epochs: 3,
  batchSize: 16,
  seed: 3,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
};

/** A fresh folder holding model.safetensors and train.py for the input. */
function writeExport(
  name: string,
  input: Omit<PytorchScriptInput, 'weightsFile'>,
  tensors: Map<string, { shape: number[]; value: Float32Array }>,
): string {
  const dir = path.join(workRoot, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'model.safetensors'),
    exportSafetensors({ spec: input.spec, tensors, normalization: input.normalization, classNames: input.classNames }),
  );
  writeFileSync(
    path.join(dir, 'train.py'),
    exportPytorchScript({ ...input, weightsFile: 'model.safetensors', producerVersion: 'test' }),
  );
  return dir;
}

/** Runs a command in `dir`; throws with its output when it fails. */
function run(dir: string, command: string, args: string[]): string {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  console.log(
    `${path.basename(dir)}: ${[path.basename(command), ...args].join(' ')} took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** A file's bytes in a Uint8Array of their own (a Buffer may be a view into a shared pool, which decodeSafetensors reads past). */
function readBytes(dir: string, file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(dir, file)));
}

function rowsOf(raw: Float32Array, count: number): number[][] {
  const size = raw.length / count;
  return Array.from({ length: count }, (_, n) => Array.from(raw.subarray(n * size, (n + 1) * size)));
}

/** A data description the script accepts for the model's input: numbered CSV columns, or an image folder. */
function dataFor(shape: readonly number[]): ScriptData {
  if (shape.length === 1) {
    return {
      kind: 'csv',
      path: 'data.csv',
      labelColumn: 'label',
      featureColumns: Array.from({ length: shape[0] }, (_, i) => ({ name: `f${i}`, type: 'number' as const })),
    };
  }
  return { kind: 'images', path: 'images', size: [shape[1], shape[2]], grayscale: shape[0] === 1 };
}

const inputShapeOf = (spec: ModelSpec): number[] => spec.nodes.find((n) => n.op === 'input')!.params!.shape as number[];

const MODELS: [string, () => ModelSpec][] = [
  ...(
    ['mlp', 'lenet', 'small-cnn', 'vgg-small', 'mobile-cnn', 'residual', 'aspp-cnn', 'dropout-demo'] as TemplateName[]
  ).map((name): [string, () => ModelSpec] => [name, () => templateByName(name)]),
  ['every-op', everyOpSpec],
  ['residual-concat', residualConcatSpec],
  ['aspp', asppSpec],
];

describe('train.py predicts like the engine', () => {
  const kernels = missing ? null : loadKernels();
  for (const [name, build] of MODELS) {
    withTorch(`${name}: the script's model on the exported weights matches the engine within ${TOLERANCE}`, () => {
      const spec = build();
      const shape = inputShapeOf(spec);
      const outputs =
        (spec.nodes.find((n) => n.op === 'dense' && !spec.edges.some((e) => e.from === n.id))?.params?.units as
          number | undefined) ?? 5;
      const regression = outputs === 1;
      const tensors = randomTensors(spec, 31);
      const normalization = randomNormalization(shape, 6);
      const count = 4;
      const raw = randomInputs(shape, count, 12);
      const dir = writeExport(
        `predict-${name}`,
        {
          spec,
          normalization,
          task: regression ? 'regression' : 'classification',
          config: { ...baseConfig, loss: regression ? 'mse' : 'cross_entropy' },
          classNames: regression ? null : Array.from({ length: outputs }, (_, i) => `class ${i}`),
          data: dataFor(shape),
        },
        tensors,
      );
      writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(rowsOf(raw, count)));
      const printed = JSON.parse(run(dir, PYTHON, ['train.py', '--predict', 'rows.json'])) as { outputs: number[][] };
      const expected = enginePredict(spec, tensors, raw, count, normalization, kernels!);
      const maxDifference = maxAbsDifference(printed.outputs.flat(), expected);
      measured.push({ model: name, maxDifference, largestOutput: Math.max(...Array.from(expected, Math.abs)) });
      expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

// ---- a small CSV with a category column --------------------------------------------------------------------------

const COLOURS = ['red', 'green', 'blue'];
const GRADES = ['low', 'high'];

/** 90 rows: age, colour (quoted), score, grade; the grade follows age + score + colour so training can learn it. */
function tableCsv(): { text: string; features: Float32Array; labels: number[] } {
  const rng = new Rng(17);
  const lines = ['age,colour,score,grade'];
  const features: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 90; i++) {
    const age = Math.round(20 + 40 * rng.uniform());
    const colour = COLOURS[i % 3];
    const score = Number((rng.normal() * 2.5 + 1).toFixed(3));
    const grade = age / 40 + score / 3 + (colour === 'blue' ? 0.5 : 0) > 1.6 ? 1 : 0;
    lines.push(`${age},"${colour}",${score},${GRADES[grade]}`);
    features.push(age, ...COLOURS.map((c) => (c === colour ? 1 : 0)), score);
    labels.push(grade);
  }
  return { text: `${lines.join('\n')}\n`, features: Float32Array.from(features), labels };
}

function tableExport(
  name: string,
  config: TrainConfig,
  spec: ModelSpec = mlp(5, 2, [16]),
  settingChanges: PytorchScriptInput['settingChanges'] = [],
): {
  dir: string;
  spec: ModelSpec;
  features: Float32Array;
  labels: number[];
  normalization: ExportNormalization;
  tensors: Map<string, { shape: number[]; value: Float32Array }>;
} {
  const { text, features, labels } = tableCsv();
  const all = Int32Array.from({ length: labels.length }, (_, i) => i);
  const normalization = computeNormalization(features, [5], all, 'feature', [false, true, true, true, false]);
  const tensors = randomTensors(spec, 5);
  const dir = writeExport(
    name,
    {
      spec,
      config,
      normalization,
      classNames: GRADES,
      task: 'classification',
      settingChanges,
      data: {
        kind: 'csv',
        path: 'data.csv',
        labelColumn: 'grade',
        featureColumns: [
          { name: 'age', type: 'number' },
          { name: 'colour', type: 'category', categories: COLOURS },
          { name: 'score', type: 'number' },
        ],
      },
    },
    tensors,
  );
  writeFileSync(path.join(dir, 'data.csv'), text);
  return { dir, spec, features, labels, normalization, tensors };
}

/** Six random 8 x 8 RGB PNGs per class in `folder`/<class>/ (darker for class 0); returns their [C, H, W] values in [0, 1]. */
async function writeImageFolder(folder: string, classes: string[], rng: Rng): Promise<number[]> {
  const expected: number[] = [];
  for (const [label, name] of classes.entries()) {
    mkdirSync(path.join(folder, name), { recursive: true });
    for (let i = 0; i < 6; i++) {
      const pixels = Buffer.from(
        Array.from({ length: 8 * 8 * 3 }, () => Math.floor(label * 128 + 127 * rng.uniform())),
      );
      await sharp(pixels, { raw: { width: 8, height: 8, channels: 3 } })
        .png()
        .toFile(path.join(folder, name, `img${i}.png`));
      // The script's tensor is [C, H, W] in [0, 1]; the raw buffer is [H, W, C] bytes.
      for (let c = 0; c < 3; c++) for (let p = 0; p < 64; p++) expected.push(pixels[p * 3 + c] / 255);
    }
  }
  return expected;
}

const READ_DATA =
  "import json, train; x, y = train.read_data('data.csv'); print(json.dumps({'x': x.tolist(), 'y': y.tolist(), 'z': train.standardize(x).tolist()}))";

describe('train.py reads and trains on the same data', () => {
  withTorch(
    'encodes the CSV as the studio does: numbers, one-hot categories in order, labels in class order, the same standardization',
    () => {
      const { dir, features, labels, normalization } = tableExport('csv-read', baseConfig);
      const read = JSON.parse(run(dir, PYTHON, ['-c', READ_DATA])) as { x: number[][]; y: number[]; z: number[][] };
      expect(Float32Array.from(read.x.flat())).toEqual(features);
      expect(read.y).toEqual(labels);
      const standardized = features.slice();
      standardize(standardized, [5], {
        axis: normalization.axis,
        mean: [...normalization.mean],
        std: [...normalization.std],
      });
      expect(maxAbsDifference(read.z.flat(), standardized)).toBeLessThanOrEqual(1e-6);
    },
  );

  withTorch(
    'trains one epoch with SGD, plateau, penalties, clipping and early stopping, saving weights the engine loads',
    () => {
      const config: TrainConfig = {
        ...baseConfig,
        optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-4 },
        schedule: { type: 'plateau', patience: 0, factor: 0.5 },
        l1: 1e-4,
        l2: 1e-3,
        clipping: { maxNorm: 1, value: 0.5 },
        earlyStopping: { metric: 'val_loss', patience: 2, restoreBest: true },
      };
      const { dir, spec, normalization } = tableExport('csv-train', config);
      const log = run(dir, PYTHON, ['train.py', '--epochs', '1', '--out', 'trained.safetensors']);
      expect(log).toMatch(/63 training, 14 validation, 13 test rows/);
      expect(log).toMatch(/epoch 1\/1 {2}train loss \d+\.\d{4} {2}val loss \d+\.\d{4} {2}val accuracy/);
      expect(log).toMatch(/test loss/);

      const before = decodeSafetensors(readBytes(dir, 'model.safetensors')).tensors;
      const trained = decodeSafetensors(readBytes(dir, 'trained.safetensors'), 'trained.safetensors');
      expect([...trained.tensors.keys()].sort()).toEqual([...before.keys()].sort());
      expect(trained.tensors.get('fc1.weight')!.data).not.toEqual(before.get('fc1.weight')!.data);
      expect(JSON.parse(trained.metadata['netwright.class_names'])).toEqual(GRADES);

      // The trained file loads into the engine, which then predicts like the script does.
      const tensors = new Map(
        [...trained.tensors].map(([k, t]) => [k, { shape: t.shape, value: t.data as Float32Array }]),
      );
      const raw = randomInputs([5], 3, 4, 30, 10);
      writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(rowsOf(raw, 3)));
      const printed = JSON.parse(
        run(dir, PYTHON, ['train.py', '--predict', 'rows.json', '--weights', 'trained.safetensors']),
      ) as { outputs: number[][] };
      expect(
        maxAbsDifference(printed.outputs.flat(), enginePredict(spec, tensors, raw, 3, normalization, loadKernels())),
      ).toBeLessThanOrEqual(TOLERANCE);
    },
  );

  withTorch('trains a regression from scratch with AdamW and a cosine schedule', () => {
    const rng = new Rng(2);
    const lines = ['x,y'];
    for (let i = 0; i < 40; i++) {
      const x = 2 * rng.uniform() - 1;
      lines.push(`${x.toFixed(4)},${Math.sin(3 * x).toFixed(4)}`);
    }
    const spec = dropoutDemo(true);
    const dir = writeExport(
      'regression',
      {
        spec,
        task: 'regression',
        classNames: null,
        normalization: { axis: 'feature', mean: [0], std: [0.6] },
        config: {
          ...baseConfig,
          loss: 'mse',
          optimizer: { type: 'adamw', lr: 0.01 },
          schedule: { type: 'cosine', tMax: 5 },
        },
        data: { kind: 'csv', path: 'curve.csv', labelColumn: 'y', featureColumns: [{ name: 'x', type: 'number' }] },
      },
      randomTensors(spec),
    );
    writeFileSync(path.join(dir, 'curve.csv'), `${lines.join('\n')}\n`);
    rmSync(path.join(dir, 'model.safetensors')); // --from-scratch must not need the weights
    const log = run(dir, PYTHON, ['train.py', '--from-scratch', '--epochs', '2']);
    expect(log).toMatch(/epoch 2\/2 {2}train loss/);
    expect(existsSync(path.join(dir, 'trained.safetensors'))).toBe(true);
  });

  withTorch(
    "trains a house-price regression on standardized targets, as the engine does, and predicts in the label's units",
    () => {
      // price = 150000 + 60000 x + noise: far from ±1, as DatasetManifest.targetNormalization is made for.
      const rng = new Rng(11);
      const count = 80;
      const xs = Float32Array.from({ length: count }, () => 2 * rng.uniform() - 1);
      const prices = Float32Array.from(xs, (x) => Math.round(150000 + 60000 * x + 5000 * (rng.uniform() - 0.5)));
      const targetNormalization = computeTargetNormalization(prices, 1, Int32Array.from(prices.keys()));
      const normalization: ExportNormalization = computeNormalization(xs, [1], Int32Array.from(xs.keys()), 'feature');
      const spec = mlp(1, 1, [8]);
      const tensors = randomTensors(spec, 5);
      const dir = writeExport(
        'house-prices',
        {
          spec,
          task: 'regression',
          classNames: null,
          normalization,
          targetNormalization,
          config: { ...baseConfig, loss: 'mse', optimizer: { type: 'adam', lr: 0.02 }, batchSize: 8, epochs: 40 },
          data: {
            kind: 'csv',
            path: 'houses.csv',
            labelColumn: 'price',
            featureColumns: [{ name: 'x', type: 'number' }],
          },
        },
        tensors,
      );
      const lines = ['x,price', ...Array.from(xs, (x, i) => `${x},${prices[i]}`)];
      writeFileSync(path.join(dir, 'houses.csv'), `${lines.join('\n')}\n`);

      // On the exported weights: the loss on standardized targets and MAE/RMSE in label units, as the engine has them.
      const engine = enginePredict(spec, tensors, xs, count, normalization, loadKernels());
      const targets = prices.slice();
      standardizeTargets(targets, targetNormalization);
      const scale = targetScaleOf(targetNormalization.std[0]);
      const loss = engine.reduce((sum, v, i) => sum + (v - targets[i]) ** 2, 0) / count;
      const labelUnits = Float64Array.from(engine, (v) => v * scale + targetNormalization.mean[0]);
      const mae = labelUnits.reduce((sum, v, i) => sum + Math.abs(v - prices[i]), 0) / count;
      const evaluated = JSON.parse(
        run(dir, PYTHON, [
          '-c',
          `
import importlib.util, json
spec = importlib.util.spec_from_file_location('train', 'train.py')
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)
model = train.Net()
train.load_weights(model, 'model.safetensors')
x, y = train.read_data('houses.csv')
print(json.dumps(train.evaluate(model, train.standardize(x), y, 'cpu')))`,
        ]),
      ) as { loss: number; mae: number; rmse: number };
      console.log(
        `house prices on the exported weights: loss ${evaluated.loss} vs ${loss}, MAE ${evaluated.mae} vs ${mae}`,
      );
      expect(evaluated.loss).toBeCloseTo(loss, 4);
      expect(Math.abs(evaluated.mae - mae)).toBeLessThanOrEqual(TOLERANCE * scale);

      // --predict gives the label's units: the engine's standardized output * std + mean.
      writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(rowsOf(xs.subarray(0, 4), 4)));
      const printed = JSON.parse(run(dir, PYTHON, ['train.py', '--predict', 'rows.json'])) as { outputs: number[][] };
      expect(maxAbsDifference(printed.outputs.flat(), labelUnits.subarray(0, 4))).toBeLessThanOrEqual(
        TOLERANCE * scale,
      );

      // Training from scratch: a loss near the standardized scale (not ~1e9) that falls, and a test MAE in dollars
      // well below the spread of the prices.
      const log = run(dir, PYTHON, ['train.py', '--from-scratch', '--out', 'trained.safetensors']);
      const losses = [...log.matchAll(/train loss (\d+\.\d+)/g)].map((m) => Number(m[1]));
      expect(losses[0]).toBeLessThan(10);
      expect(losses.at(-1)!).toBeLessThan(losses[0]);
      const test = Object.fromEntries(
        [...log.matchAll(/test (\w+) (-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]),
      ) as Record<string, number>;
      console.log(`house prices after training: test ${JSON.stringify(test)} (price std ${scale.toFixed(0)})`);
      expect(test.mae).toBeGreaterThan(100); // dollars, not standardized units
      expect(test.mae).toBeLessThan(0.25 * scale);
      expect(test.rmse).toBeGreaterThanOrEqual(test.mae);
      const trained = decodeSafetensors(readBytes(dir, 'trained.safetensors'));
      expect(JSON.parse(trained.metadata['netwright.target_normalization'])).toEqual(targetNormalization);
    },
  );

  withTorch("reads an image folder at the model's size, one class per subfolder, and trains an epoch", async () => {
    const spec = smallCnn({ inputShape: [3, 8, 8], outputs: 2 });
    const classes = ['dark', 'light'];
    const dir = writeExport(
      'images',
      {
        spec,
        task: 'classification',
        classNames: classes,
        config: { ...baseConfig, batchSize: 4 },
        normalization: { axis: 'channel', mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
        data: { kind: 'images', path: 'folder', size: [8, 8], grayscale: false },
      },
      randomTensors(spec),
    );
    const expected = await writeImageFolder(path.join(dir, 'folder'), classes, new Rng(8));
    // A PNG signature over a damaged body, as the studio's import skips ("a damaged or truncated PNG"): left out here
    // too, so the rows stay the studio's.
    writeFileSync(
      path.join(dir, 'folder', 'dark', 'img3b.png'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
    );
    const read = JSON.parse(run(dir, PYTHON, ['-c', READ_DATA.replace("'data.csv'", "'folder'")])) as {
      x: number[][][][];
      y: number[];
    };
    expect(read.y).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(maxAbsDifference(read.x.flat(3), expected)).toBeLessThanOrEqual(1e-6);
    expect(run(dir, PYTHON, ['train.py', '--epochs', '1'])).toMatch(/epoch 1\/1/);

    // The same model with conv1 and bn1 frozen: an epoch leaves their weights and running statistics as they were.
    const frozen = {
      ...spec,
      nodes: spec.nodes.map((n) => (n.id === 'conv1' || n.id === 'bn1' ? { ...n, trainable: false } : n)),
    };
    writeFileSync(
      path.join(dir, 'frozen.py'),
      exportPytorchScript({
        spec: frozen,
        task: 'classification',
        classNames: classes,
        config: { ...baseConfig, batchSize: 4, optimizer: { type: 'adamw', lr: 0.05, weightDecay: 0.1 } },
        normalization: { axis: 'channel', mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
        data: { kind: 'images', path: 'folder', size: [8, 8], grayscale: false },
        weightsFile: 'model.safetensors',
        producerVersion: 'test',
      }),
    );
    expect(run(dir, PYTHON, ['frozen.py', '--epochs', '1', '--out', 'frozen.safetensors'])).toMatch(/epoch 1\/1/);
    const before = decodeSafetensors(readBytes(dir, 'model.safetensors')).tensors;
    const after = decodeSafetensors(readBytes(dir, 'frozen.safetensors')).tensors;
    for (const name of ['conv1.weight', 'bn1.weight', 'bn1.bias', 'bn1.running_mean', 'bn1.running_var'])
      expect(after.get(name)!.data, name).toEqual(before.get(name)!.data);
    for (const name of ['conv2.weight', 'bn2.running_mean', 'fc.weight'])
      expect(after.get(name)!.data, name).not.toEqual(before.get(name)!.data);
  });

  withTorch('changes settings at the epoch and step the Netwright run changed them', () => {
    // 63 training rows in batches of 16: four steps an epoch, so step 4 is the start of epoch 2.
    const { dir } = tableExport(
      'changes',
      { ...baseConfig, schedule: { type: 'step', stepSize: 1, gamma: 0.5 } },
      undefined,
      [
        { epoch: 2, step: 4, setting: 'learningRate', from: 0.005, to: 0.1 },
        { epoch: 2, step: 6, setting: 'l2', from: 0, to: 0.01 },
      ],
    );
    const log = run(dir, PYTHON, ['train.py', '--from-scratch', '--out', 'changed.safetensors']);
    expect(log).toMatch(/epoch 1\/3 .* lr 0\.01\n/);
    expect(log).toMatch(/epoch 2 step 4: lr set to 0\.1\n/);
    expect(log).toMatch(/epoch 2 step 6: l2 set to 0\.01\n/);
    expect(log).toMatch(/epoch 2\/3 .* lr 0\.1\n/);
    expect(log).toMatch(/epoch 3\/3 .* lr 0\.05\n/); // the schedule stepped on from the new rate
  });

  withTorch('runs under torchrun with two CPU processes (gloo), logging and saving on rank 0 only', () => {
    const { dir } = tableExport('ddp', { ...baseConfig, schedule: { type: 'step', stepSize: 1, gamma: 0.5 } });
    const [command, prefix] = existsSync('/usr/bin/torchrun')
      ? ['/usr/bin/torchrun', []]
      : [PYTHON, ['-m', 'torch.distributed.run']];
    // torch 1.13's launcher cannot parse its own default '--redirects 0' on Python 3.11 (Std.NONE is no longer
    // iterated); teeing stdout sidesteps that, and prefixes each line with the worker's name.
    const brokenDefault =
      run(dir, PYTHON, [
        '-c',
        "from torch.distributed.elastic.multiprocessing.api import Std; print(Std.from_str('0') is None)",
      ]).trim() === 'True';
    if (brokenDefault) console.log('this torchrun needs --redirects 1 --tee 1 (torch 1.13 on Python 3.11)');
    const workaround = brokenDefault ? ['--redirects', '1', '--tee', '1'] : [];
    const log = run(dir, command, [
      ...prefix,
      // Any free port for the rendezvous: '--standalone' fixes 29400 before torch 2.0, and tests run side by side.
      ...['--nnodes', '1', '--rdzv_backend', 'c10d', '--rdzv_endpoint', 'localhost:0'],
      '--nproc_per_node=2',
      ...workaround,
      'train.py',
      '--epochs',
      '2',
      '--out',
      'ddp.safetensors',
    ]);
    expect(log).toMatch(/2 process\(es\) on cpu/);
    expect(log.match(/epoch 1\/2/g)).toHaveLength(1);
    expect(log.match(/saved the weights/g)).toHaveLength(1);
    expect(log).toMatch(/epoch 2\/2 .* lr 0\.005/);
    expect(decodeSafetensors(readBytes(dir, 'ddp.safetensors')).tensors.get('fc2.weight')!.shape).toEqual([2, 16]);
  });
});

// ---- the same optimizer steps --------------------------------------------------------------------------------------

/** Imports each folder's train.py and takes three full-batch train_step()s on its data; prints the state dicts. */
const THREE_STEPS = `
import importlib.util, json, sys
results = {}
for folder in sys.argv[1:]:
    spec = importlib.util.spec_from_file_location('train_' + str(len(results)), folder + '/train.py')
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    model = train.Net()
    train.load_weights(model, folder + '/model.safetensors')
    x, y = train.read_data(folder + '/data.csv')
    optimizer = train.make_optimizer(model.parameters())
    for step in range(3):
        train.train_step(model, model, optimizer, train.standardize(x), y)
    results[folder] = {k: v.flatten().tolist() for k, v in model.state_dict().items() if not k.endswith('num_batches_tracked')}
print(json.dumps(results))
`;

describe('train.py takes the same optimizer steps as the engine', () => {
  const optimizers: TrainConfig['optimizer'][] = [
    { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-3 },
    { type: 'adagrad', lr: 0.05, weightDecay: 1e-3 },
    { type: 'rmsprop', lr: 0.01, alpha: 0.9, momentum: 0.5, weightDecay: 1e-3 },
    { type: 'adam', lr: 0.01, beta1: 0.8, weightDecay: 1e-3 },
    { type: 'adamw', lr: 0.01 },
  ];
  withTorch(
    "three full-batch steps with L1, L2 and clipping give the engine's weights and batch-norm statistics for every optimizer",
    () => {
      // dense -> batch norm -> relu -> dense: batch statistics in training, running statistics updated each step. The first
      // dense has no bias: before batch norm its gradient is rounding noise, which Adam-style updates would amplify.
      const spec: ModelSpec = {
        version: 1,
        nodes: [
          { id: 'input', op: 'input', params: { shape: [5] } },
          { id: 'fc1', op: 'dense', params: { units: 8, bias: false } },
          { id: 'bn', op: 'batchnorm1d' },
          { id: 'relu', op: 'relu' },
          { id: 'fc2', op: 'dense', params: { units: 2 } },
        ],
        edges: [
          { from: 'input', to: 'fc1' },
          { from: 'fc1', to: 'bn' },
          { from: 'bn', to: 'relu' },
          { from: 'relu', to: 'fc2' },
        ],
      };
      const exports = optimizers.map((optimizer) => ({
        optimizer,
        ...tableExport(
          `steps-${optimizer.type}`,
          {
            ...baseConfig,
            batchSize: 90,
            optimizer,
            l1: 1e-3,
            l2: 1e-2,
            clipping: { maxNorm: 0.5 },
          },
          spec,
        ),
      }));
      const printed = JSON.parse(run(workRoot, PYTHON, ['-c', THREE_STEPS, ...exports.map((e) => e.dir)])) as Record<
        string,
        Record<string, number[]>
      >;
      const kernels = loadKernels();
      for (const { optimizer, dir, features, labels, normalization, tensors } of exports) {
        const config: TrainConfig = {
          ...baseConfig,
          batchSize: 90,
          optimizer,
          l1: 1e-3,
          l2: 1e-2,
          clipping: { maxNorm: 0.5 },
        };
        const session = createTrainingSession(spec, config, kernels);
        session.model.loadTensors(new Map([...tensors].map(([k, t]) => [k, { shape: t.shape, data: t.value }])));
        const x = features.slice();
        standardize(x, [5], { axis: normalization.axis, mean: [...normalization.mean], std: [...normalization.std] });
        for (let step = 0; step < 3; step++) session.step(x, Int32Array.from(labels), labels.length);
        const script = printed[dir];
        let worst = 0;
        for (const [name, t] of session.model.namedTensors())
          worst = Math.max(worst, maxAbsDifference(script[name], t.value));
        console.log(`${optimizer.type}: max |weight difference| after 3 steps ${worst.toExponential(2)}`);
        expect(worst, optimizer.type).toBeLessThanOrEqual(TOLERANCE);
      }
    },
  );
});

describe('train.py augments training images as the engine does', () => {
  const augmentation = {
    horizontalFlip: 0.5,
    verticalFlip: 0.5,
    cropPadding: 2,
    rotationDegrees: 20,
    brightness: 0.3,
    contrast: 0.3,
    cutoutSize: 3,
    cutoutCount: 2,
  };
  const normalization: ExportNormalization = { axis: 'channel', mean: [0.5, 0.4, 0.3], std: [0.25, 0.2, 0.3] };

  withTorch(
    "its augment() given the engine's draws gives the engine's images, and it trains an epoch with them",
    async () => {
      const spec = smallCnn({ inputShape: [3, 8, 8], outputs: 2 });
      const classes = ['dark', 'light'];
      const dir = writeExport(
        'augment',
        {
          spec,
          task: 'classification',
          classNames: classes,
          config: { ...baseConfig, batchSize: 4, augmentation },
          normalization,
          data: { kind: 'images', path: 'folder', size: [8, 8], grayscale: false },
        },
        randomTensors(spec),
      );
      await writeImageFolder(path.join(dir, 'folder'), classes, new Rng(9));
      expect(run(dir, PYTHON, ['train.py', '--epochs', '1'])).toMatch(/epoch 1\/1/);

      const count = 6;
      const rng = new Rng(10);
      const batch = Float32Array.from({ length: count * 192 }, () => 2 * rng.uniform() - 1); // standardized
      const draws = Array.from({ length: count }, (_, row) => drawAugmentation(augmentation, 3, 1, row, 8, 8));
      // Same probabilities for every draw would hide a mix-up between images: the rows differ in what they draw.
      expect(new Set(draws.map((d) => `${d.flipHorizontal}${d.flipVertical}${d.shiftX}`)).size).toBeGreaterThan(2);
      const expected = new Float32Array(batch.length);
      draws.forEach((draw, i) =>
        augmentImage(
          batch.subarray(i * 192, (i + 1) * 192),
          expected.subarray(i * 192, (i + 1) * 192),
          [3, 8, 8],
          draw,
          augmentation.cutoutSize,
          normalization,
        ),
      );
      writeFileSync(
        path.join(dir, 'draws.json'),
        JSON.stringify({
          x: [...batch],
          draws: {
            flip_horizontal: draws.map((d) => d.flipHorizontal),
            flip_vertical: draws.map((d) => d.flipVertical),
            shift_x: draws.map((d) => d.shiftX),
            shift_y: draws.map((d) => d.shiftY),
            angle_degrees: draws.map((d) => d.angleDegrees),
            brightness: draws.map((d) => d.brightness),
            contrast: draws.map((d) => d.contrast),
            cutouts: draws.map((d) => d.cutouts),
          },
        }),
      );
      const script = [
        'import json, torch, train',
        "given = json.load(open('draws.json'))",
        "kinds = {'flip_horizontal': torch.bool, 'flip_vertical': torch.bool, 'shift_x': torch.long, 'shift_y': torch.long, 'cutouts': torch.long}",
        "draws = {k: torch.tensor(v, dtype=kinds.get(k, torch.float64)) for k, v in given['draws'].items()}",
        `x = torch.tensor(given['x'], dtype=torch.float32).view(${count}, 3, 8, 8)`,
        `print(json.dumps(train.augment(x, draws, ${augmentation.cutoutSize}).flatten().tolist()))`,
      ].join('; ');
      const augmented = JSON.parse(run(dir, PYTHON, ['-c', script])) as number[];
      const worst = maxAbsDifference(augmented, expected);
      console.log(`train.py augment() vs the engine: max |difference| ${worst.toExponential(2)}`);
      expect(worst).toBeLessThanOrEqual(1e-5);
    },
  );
});
