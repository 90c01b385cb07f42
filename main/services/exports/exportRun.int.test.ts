// Exports of trained sample runs, used the way a user would use them: the README's JavaScript example
// (onnxruntime-node) on the sample images predicts what the engine predicts, and the PyTorch script (real PyTorch
// at /usr/bin/python3; skipped with the reason where it is missing) tests on Netwright's own test rows, reports
// its metrics, and starts under the printed torchrun command.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKernels } from '../../../engine/native';
import { decodeOnnx } from '../../../engine/core/export';
import { enginePredict } from '../../../engine/core/export/testModels';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import { decodeSafetensors, encodeSafetensors } from '../../../engine/core/io/safetensors';
import { DATASET_FILES, type DatasetManifest } from '../../../engine/core/data/dataset';
import { Rng } from '../../../engine/core/rng';
import { PYTHON, torchMissing } from '../../../engine/test/pytorch';
import { listImageFolder } from '../datasets/images/list';
import type { ExportNote } from '../../api/exportNotes';

const ROOT = resolve(__dirname, '../../..');
const SHAPES = join(ROOT, 'resources', 'samples', 'shapes');

const missing = torchMissing();
if (missing)
  console.log(
    `Skipping the exported-script tests that need PyTorch: ${missing}. Install it with apt-get install -y python3-torch to run them.`,
  );
const withTorch = missing ? it.skip : it;

const home = mkdtempSync(join(tmpdir(), 'netwright-exports-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

type Outcome = { status: number | null; stdout: string; stderr: string };

/** The command line as a user runs it (bin/netwright.mjs), on this test's home folder, in English (the lines checked). */
function netwright(args: string[]): Outcome {
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(ROOT, 'bin', 'netwright.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NETWRIGHT_HOME: home, NETWRIGHT_LANG: 'en' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status, stdout, stderr };
}

const jsonLines = (stdout: string): Array<Record<string, any>> =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

interface TrainedRun {
  id: string;
  dataset: { folder: string; manifest: DatasetManifest };
}

function check(result: Outcome, what: string): string {
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function train(args: string[]): TrainedRun {
  const summary = jsonLines(check(netwright(['train', ...args, '--json']), `netwright train ${args.join(' ')}`)).at(
    -1,
  )!;
  const folder = join(home, 'datasets', summary.dataset.id);
  return {
    id: summary.runId,
    dataset: { folder, manifest: JSON.parse(readFileSync(join(folder, DATASET_FILES.manifest), 'utf8')) },
  };
}

/** Exports into a fresh folder; returns the folder and the CLI's JSON line. */
function exportTo(run: TrainedRun, format: string, extra: string[] = []): { dir: string; result: Record<string, any> } {
  const dir = mkdtempSync(join(home, `${format}-`));
  const result = jsonLines(
    check(
      netwright(['export', run.id, '--format', format, '--out', `${dir}/`, '--json', ...extra]),
      `export ${format}`,
    ),
  )[0];
  return { dir, result };
}

function int32File(path: string): number[] {
  const bytes = readFileSync(path);
  return Array.from(new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}

function python(dir: string, args: string[]): Outcome {
  const result = spawnSync(PYTHON, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr + (result.error ? String(result.error) : ''),
  };
}

/** The code of the README's first ```lang block. */
function readmeExample(readme: string, lang: 'js' | 'python'): string {
  const found = readme.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  if (!found) throw new Error(`the README has no ${lang} example`);
  return found[1];
}

/** "test loss 0.2225  test accuracy 0.9722" -> { loss: 0.2225, accuracy: 0.9722 }. */
function testMetrics(log: string): Record<string, number> {
  const line = log.split('\n').find((l) => /^test loss/.test(l.replace(/^\[default0\]:/, '')));
  if (!line) throw new Error(`no test metrics in:\n${log}`);
  return Object.fromEntries([...line.matchAll(/test (\w+) (-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
}

describe('exports of an image classifier (the shapes sample)', () => {
  let shapes: TrainedRun;
  beforeAll(() => {
    shapes = train(['--sample', 'shapes', '--epochs', '6', '--name', 'shapes']);
  });

  it("the README's JavaScript example, run on the sample images, predicts the classes Netwright predicts", () => {
    const { dir, result } = exportTo(shapes, 'onnx');
    const onnxPath = result.files.find((f: { path: string }) => f.path.endsWith('.onnx')).path as string;
    const readme = readFileSync(result.files.find((f: { path: string }) => f.path.endsWith('README.md')).path, 'utf8');
    expect(readme).toMatch(/grayscale/);
    expect(readme).toMatch(/divide by 255/);
    expect(readme).toMatch(/\[batch, 1, 16, 16\] \(NCHW\)/);
    expect(readme).toMatch(/0: bar, 1: cross, 2: ring, 3: square/);
    const metadata = decodeOnnx(new Uint8Array(readFileSync(onnxPath))).metadata;
    expect(JSON.parse(metadata.preprocessing)).toMatchObject({
      kind: 'image',
      color: 'grayscale',
      layout: 'NCHW',
      size: { height: 16, width: 16 },
      range: [0, 1],
      resize: 'fill',
    });
    expect(metadata.preprocessing_note).toMatch(/divide by 255/);

    // Netwright's predictions for the test images, from the imported pixels and the checkpoint the export used.
    const { folder, manifest } = shapes.dataset;
    const test = int32File(join(folder, DATASET_FILES.split.test));
    const files = listImageFolder(SHAPES).classes.flatMap((c) => c.files.map((f) => f.path));
    expect(files).toHaveLength(manifest.count); // every sample image imported, so row i is file i
    const { snapshot, info } = decodeCheckpoint(
      new Uint8Array(readFileSync(join(home, 'runs', shapes.id, `${result.checkpoint.kind}.safetensors`))),
    );
    const size = 16 * 16;
    const all = new Float32Array(readFileSync(join(folder, DATASET_FILES.features)).buffer.slice(0));
    const raw = new Float32Array(test.length * size);
    test.forEach((row, k) => raw.set(all.subarray(row * size, (row + 1) * size), k * size));
    const logits = enginePredict(info.spec, snapshot.tensors, raw, test.length, manifest.normalization, loadKernels());
    const classes = manifest.classNames!;
    const expected = test.map((_, k) => {
      const row = Array.from(logits.subarray(k * classes.length, (k + 1) * classes.length));
      return classes[row.indexOf(Math.max(...row))];
    });

    writeFileSync(join(dir, 'predict.cjs'), readmeExample(readme, 'js'));
    const run = spawnSync(process.execPath, ['predict.cjs', ...test.map((row) => files[row])], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    const predicted = jsonLines(
      check({ status: run.status, stdout: run.stdout, stderr: run.stderr }, 'node predict.cjs'),
    ).map((l) => l.class);
    expect(predicted).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(1); // a model that says one class for everything proves nothing
  });

  it('writes a README with the preprocessing beside the safetensors and PyTorch exports too', () => {
    for (const format of ['safetensors', 'pytorch']) {
      const { result } = exportTo(shapes, format);
      const readme = readFileSync(
        result.files.find((f: { path: string }) => f.path.endsWith('README.md')).path,
        'utf8',
      );
      expect(readme, format).toMatch(/convert it to grayscale/);
      expect(readme, format).toMatch(/```python[\s\S]*```js/);
    }
  });

  withTorch(
    "train.py tests on Netwright's test rows and reports Netwright's test accuracy; --random-split draws other rows",
    () => {
      const { dir, result } = exportTo(shapes, 'pytorch');
      const script = result.files.find((f: { path: string }) => f.path.endsWith('.py')).path as string;
      const rows = python(dir, [
        '-c',
        `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('exported', ${JSON.stringify(script)})
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)
sys.argv = ['train.py']
args = train.parse_args()
x, y = train.read_data(args.data)
ours = train.split_rows(y, args)
args.random_split = True
fresh = train.split_rows(y, args)
print(json.dumps({'train': ours[0], 'validation': ours[1], 'test': ours[2], 'fresh_test': fresh[2]}))`,
      ]);
      const split = JSON.parse(check(rows, 'split_rows')) as Record<string, number[]>;
      const { folder } = shapes.dataset;
      for (const part of ['train', 'validation', 'test'] as const)
        expect(split[part], part).toEqual(int32File(join(folder, DATASET_FILES.split[part])));
      const trainRows = new Set(split.train);
      expect(split.test.filter((row) => trainRows.has(row))).toEqual([]);
      expect(split.fresh_test.some((row) => trainRows.has(row))).toBe(true); // the old behaviour: a new split leaks training rows into "test"

      const log = check(python(dir, [script, '--epochs', '0', '--out', 'same.safetensors']), 'train.py --epochs 0');
      expect(log).toMatch(/168 training, 36 validation, 36 test rows from Netwright's split/);
      const theirs = testMetrics(log);
      const ours = jsonLines(check(netwright(['evaluate', shapes.id, '--split', 'test', '--json']), 'evaluate'))[0];
      console.log(
        `shapes test accuracy: train.py ${theirs.accuracy}, Netwright ${ours.accuracy}; loss ${theirs.loss} vs ${ours.loss}`,
      );
      expect(Math.abs(theirs.accuracy - ours.accuracy)).toBeLessThanOrEqual(1 / 36 + 1e-4); // at most one image differs (PIL vs libvips resampling)
      expect(Math.abs(theirs.loss - ours.loss)).toBeLessThanOrEqual(0.02);
    },
  );

  withTorch('train.py refuses data whose rows differ from the split, pointing to --random-split', () => {
    const { dir, result } = exportTo(shapes, 'pytorch');
    const script = result.files.find((f: { path: string }) => f.path.endsWith('.py')).path as string;
    const fewer = join(dir, 'fewer');
    cpSync(SHAPES, fewer, { recursive: true });
    rmSync(join(fewer, 'bar', listImageFolder(SHAPES).classes[0].files[0].path.split('/').pop()!));
    const refused = python(dir, [script, '--epochs', '0', '--data', fewer]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/split of 240 rows, but .*fewer gives 239; pass --random-split/);
    expect(
      check(
        python(dir, [
          script,
          '--epochs',
          '0',
          '--data',
          fewer,
          '--random-split',
          '--seed',
          '5',
          '--out',
          'x.safetensors',
        ]),
        'random split',
      ),
    ).toMatch(/from a random split \(seed 5\)/);
  });

  withTorch('the printed torchrun command trains in two processes here', () => {
    const { dir, result } = exportTo(shapes, 'pytorch');
    const command = (result.notes as ExportNote[]).find((n) => n.code === 'run-torchrun')!.values.command as string;
    const [program, ...args] = command.split(' ');
    expect(program).toBe('python3');
    const log = check(python(dir, [...args, '--epochs', '1', '--out', 'ddp.safetensors']), command);
    expect(log).toMatch(/2 process\(es\) on cpu/);
    expect(log.match(/saved the weights/g)).toHaveLength(1);
  });
});

describe('exports of a regression (the noisy-curve-small sample)', () => {
  let curve: TrainedRun;
  beforeAll(() => {
    curve = train(['--sample', 'noisy-curve-small', '--model', 'mlp', '--epochs', '20', '--name', 'curve']);
  });

  it('refuses --softmax for ONNX, saying why, and writes nothing', () => {
    const dir = mkdtempSync(join(home, 'softmax-'));
    const refused = netwright(['export', curve.id, '--format', 'onnx', '--softmax', '--out', `${dir}/`]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/predicts numbers \(regression\).*--softmax applies to classification runs only/);
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('says which weights and what the model takes, as codes with their English in --json and in English without', () => {
    const { dir, result } = exportTo(curve, 'onnx', ['--normalization', 'metadata', '--checkpoint', 'last']);
    expect(result.checkpoint.kind).toBe('last');
    expect(result.notes).toEqual([
      {
        code: 'weights-last',
        values: { epoch: result.checkpoint.epoch },
        text: `weights from the last checkpoint of epoch ${result.checkpoint.epoch}`,
      },
      {
        code: 'inputs-standardized',
        values: {},
        text: 'the model takes standardized inputs; the statistics are in its metadata',
      },
    ]);
    const printed = check(netwright(['export', curve.id, '--format', 'onnx', '--out', `${dir}/folded.onnx`]), 'export');
    expect(printed).toMatch(/^weights from the best checkpoint of epoch \d+$/m);
    expect(printed).toMatch(/^the input standardization is folded in: the model takes raw values$/m);
  });

  withTorch("train.py reports R² on Netwright's test rows, as Netwright does", () => {
    const { dir, result } = exportTo(curve, 'pytorch');
    const script = result.files.find((f: { path: string }) => f.path.endsWith('.py')).path as string;
    const theirs = testMetrics(check(python(dir, [script, '--epochs', '0', '--out', 'same.safetensors']), 'train.py'));
    const ours = jsonLines(check(netwright(['evaluate', curve.id, '--split', 'test', '--json']), 'evaluate'))[0];
    console.log(`noisy-curve-small test R²: train.py ${theirs.r2}, Netwright ${ours.r2}`);
    expect(theirs.r2).toBeCloseTo(ours.r2, 3);
    expect(theirs.mae).toBeCloseTo(ours.mae, 3);
  });
});

describe('exports of a regression trained on standardized targets (targetNormalization in its manifest)', () => {
  // The CSV import sets targetNormalization for labels far from ±1 (house prices). Here a small regression is trained
  // and its manifest given the statistics afterwards, so the model's outputs count as standardized and every export
  // must give them back as output * std + mean, or say so.
  const targetNormalization = { mean: [250000], std: [80000] };
  let houses: TrainedRun;
  /** The first rows' raw features, and Netwright's outputs for them in the label's units. */
  let rows: number[][];
  let expected: number[];

  beforeAll(() => {
    const rng = new Rng(4);
    const lines = ['x1,x2,y'];
    for (let i = 0; i < 60; i++) {
      const [x1, x2] = [4 * rng.uniform(), 2 * rng.uniform() - 1];
      lines.push(`${x1.toFixed(3)},${x2.toFixed(3)},${(0.2 * x1 - 0.5 * x2 + 0.05 * rng.uniform()).toFixed(4)}`);
    }
    const csv = join(home, 'houses.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    houses = train(['--data', csv, '--label', 'y', '--task', 'regression', '--epochs', '5', '--name', 'houses']);
    const manifest: DatasetManifest = { ...houses.dataset.manifest, targetNormalization };
    writeFileSync(join(houses.dataset.folder, DATASET_FILES.manifest), JSON.stringify(manifest, null, 2));
    const db = new Database(join(home, 'studio.sqlite'));
    db.prepare('UPDATE datasets SET manifest = ? WHERE id = ?').run(JSON.stringify(manifest), manifest.id);
    db.close();
    houses.dataset.manifest = manifest;

    const { snapshot, info } = decodeCheckpoint(
      new Uint8Array(readFileSync(join(home, 'runs', houses.id, 'best.safetensors'))),
    );
    const count = 3;
    // A small file's Buffer is a view into Node's shared pool: copy its own bytes out.
    const bytes = new Uint8Array(readFileSync(join(houses.dataset.folder, DATASET_FILES.features)));
    const raw = new Float32Array(bytes.buffer, 0, count * 2).slice();
    rows = Array.from({ length: count }, (_, n) => Array.from(raw.subarray(2 * n, 2 * n + 2)));
    const standardized = enginePredict(info.spec, snapshot.tensors, raw, count, manifest.normalization, loadKernels());
    expected = Array.from(standardized, (v) => v * 80000 + 250000);
    expect(new Set(expected).size).toBe(count); // rows the model tells apart, or the comparison proves little
  });

  /** What the README's JavaScript example prints for each of `rows`, run beside the export. */
  function javascriptPredictions(dir: string, readme: string): number[] {
    writeFileSync(join(dir, 'predict.cjs'), readmeExample(readme, 'js'));
    return rows.map((row) => {
      const run = spawnSync(process.execPath, ['predict.cjs', ...row.map(String)], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      });
      return jsonLines(check({ status: run.status, stdout: run.stdout, stderr: run.stderr }, 'node predict.cjs'))[0]
        .prediction[0] as number;
    });
  }

  const readmeOf = (result: Record<string, any>): string =>
    readFileSync(result.files.find((f: { path: string }) => f.path.endsWith('README.md')).path, 'utf8');
  // float32 holds values near 250000 about 0.03 apart.
  const near = (a: number[], b: number[]) => expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1);

  it("ONNX gives the label's units, folded into the graph or applied by the README's example from the metadata", () => {
    const folded = exportTo(houses, 'onnx', ['--checkpoint', 'best']);
    expect(folded.result.checkpoint.kind).toBe('best');
    expect(folded.result.notes.map((n: ExportNote) => n.code)).toContain('label-standardization-folded');
    expect(folded.result.notes.find((n: ExportNote) => n.code === 'label-standardization-folded').text).toBe(
      "the target standardization is folded in: the model's outputs are in the label's units",
    );
    const foldedReadme = readmeOf(folded.result);
    expect(foldedReadme).toMatch(/label's units already.*y: std 80000, mean 250000/);
    const onnxPath = folded.result.files.find((f: { path: string }) => f.path.endsWith('.onnx')).path as string;
    const metadata = decodeOnnx(new Uint8Array(readFileSync(onnxPath))).metadata;
    expect(JSON.parse(metadata.target_normalization)).toMatchObject({ ...targetNormalization, applied_by: 'model' });
    near(javascriptPredictions(folded.dir, foldedReadme), expected);

    const byCaller = exportTo(houses, 'onnx', ['--checkpoint', 'best', '--normalization', 'metadata']);
    expect(byCaller.result.notes.map((n: ExportNote) => n.code)).toEqual([
      'weights-best',
      'inputs-standardized',
      'outputs-standardized',
    ]);
    const readme = readmeOf(byCaller.result);
    expect(readme).toMatch(/multiply each by its target's std and add its mean for the label's units/);
    near(javascriptPredictions(byCaller.dir, readme), expected);
    console.log(`houses: Netwright ${expected.join(', ')}; ONNX (fold and metadata) agree within 1`);
  });

  it('safetensors carries the statistics and says the outputs are standardized', () => {
    const { result } = exportTo(houses, 'safetensors');
    const path = result.files.find((f: { path: string }) => f.path.endsWith('.safetensors')).path as string;
    const { metadata } = decodeSafetensors(new Uint8Array(readFileSync(path)), path);
    expect(JSON.parse(metadata['netwright.target_normalization'])).toEqual(targetNormalization);
    expect(result.notes.map((n: ExportNote) => n.code)).toContain('outputs-standardized');
    expect(readmeOf(result)).toContain('TARGET_MEAN = [250000]');
  });

  withTorch("train.py --predict gives the label's units", () => {
    const { dir, result } = exportTo(houses, 'pytorch', ['--checkpoint', 'best']);
    const script = result.files.find((f: { path: string }) => f.path.endsWith('.py')).path as string;
    expect(readFileSync(script, 'utf8')).toContain('TARGET_NORMALIZATION = {"mean": [250000], "std": [80000]}');
    writeFileSync(join(dir, 'rows.json'), JSON.stringify(rows));
    const printed = JSON.parse(check(python(dir, [script, '--predict', 'rows.json']), 'train.py --predict')) as {
      outputs: number[][];
    };
    near(printed.outputs.flat(), expected);
  });
});

describe('a damaged checkpoint', () => {
  it('is refused by evaluate and export, naming the file and the tensor', () => {
    const run = train(['--sample', 'two-moons', '--epochs', '2', '--name', 'poisoned']);
    const path = join(home, 'runs', run.id, 'best.safetensors');
    const { tensors, metadata } = decodeSafetensors(new Uint8Array(readFileSync(path)), path);
    const [name, tensor] = [...tensors].find(([n]) => n.endsWith('.weight') && !n.startsWith('best.'))!;
    const poisoned = Float32Array.from(tensor.data as Float32Array);
    poisoned[1] = NaN;
    tensors.set(name, { ...tensor, data: poisoned });
    writeFileSync(path, encodeSafetensors(tensors, metadata));
    for (const command of [
      ['evaluate', run.id, '--checkpoint', 'best'],
      ['export', run.id, '--format', 'onnx', '--out', `${home}/poisoned/`],
    ]) {
      const refused = netwright(command);
      expect(refused.status, command[0]).toBe(1);
      expect(refused.stderr, command[0]).toContain(`${path}: tensor '${name}' holds NaN at element 1`);
    }
  });
});
