// A run on a CSV table from start to finish through the command line: train (recorded in the store), list,
// evaluate, predict new rows, and export to ONNX and PyTorch.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictCode } from '../../engine/core/train/diagnosisCodes';
import { openStore } from '../services/store';
import { CLI_DIAGNOSIS_TABLES } from './diagnosisText';
import { blobsCsv, jsonLines, netwright, SPECIES, startNetwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-table-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const csv = join(home, 'blobs.csv');
const EPOCHS = 25;
let epochs: Array<Record<string, any>>;
let summary: Record<string, any>;

beforeAll(() => {
  blobsCsv(csv, { rows: 600, seed: 9 });
  const result = netwright(home, [
    'train',
    '--data',
    csv,
    '--label',
    'species',
    '--epochs',
    String(EPOCHS),
    '--lr',
    '0.01',
    '--name',
    'blobs-mlp',
    '--json',
  ]);
  expect(result.status, result.stderr).toBe(0);
  const lines = jsonLines(result.stdout);
  epochs = lines.filter((l) => l.type === 'epoch');
  summary = lines.at(-1)!;
});

describe('netwright train on a CSV table', () => {
  it('prints one JSON line per epoch and a summary of a completed, accurate run', () => {
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(summary.type).toBe('summary');
    expect(summary.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(summary.name).toBe('blobs-mlp');
    expect(summary.status).toBe('completed');
    expect(summary.task).toBe('classification');
    expect(summary.split.train + summary.split.validation + summary.split.test).toBe(600);
    expect(summary.rows).toBe(600);
    expect(summary.epochs).toBe(EPOCHS);
    expect(summary.best.validation.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.best.test.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.best.test.count).toBe(summary.split.test);
    expect(summary.final.epoch).toBe(EPOCHS);
    expect(summary.final.validation.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.final.test.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(summary.final.validation.loss).toBeCloseTo(epochs.at(-1)!.validation.loss, 10);
    expect(existsSync(summary.checkpoint)).toBe(true);
    expect(existsSync(summary.lastCheckpoint)).toBe(true);
  });

  it('records the run in the store, where `runs --json` lists it', () => {
    const result = netwright(home, ['runs', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const listed = jsonLines(result.stdout).find((r) => r.id === summary.runId);
    expect(listed).toMatchObject({
      name: 'blobs-mlp',
      status: 'completed',
      epochs: EPOCHS,
      epochsPlanned: EPOCHS,
      dataset: 'blobs',
    });
    expect(listed!.bestValidation.accuracy).toBeGreaterThanOrEqual(0.9);
    // The same verdicts as the summary the run ended with.
    expect(listed!.diagnosis).toEqual(summary.diagnosis);
    expect(netwright(home, ['runs', '--json', '--status', 'failed']).stdout.trim()).toBe('');
  });

  it("lists each run's diagnosis by the name of its first verdict, in English and in Chinese", () => {
    const code = summary.diagnosis[0].code as VerdictCode;
    const names = CLI_DIAGNOSIS_TABLES.names;
    const row = (stdout: string) => stdout.split('\n').find((line) => line.includes('blobs-mlp'))!;
    const en = netwright(home, ['runs']);
    expect(en.stdout.split('\n')[0]).toMatch(/BEST VALIDATION\s+DIAGNOSIS\s+DURATION/);
    expect(row(en.stdout)).toContain(names.en[code]);
    const zh = netwright(home, ['runs'], { NETWRIGHT_LANG: 'zh' });
    expect(zh.stdout.split('\n')[0]).toContain('诊断');
    expect(row(zh.stdout)).toContain(names.zh[code]);
  });

  it('evaluates the best checkpoint on the test split to the accuracy in the summary', () => {
    const result = netwright(home, ['evaluate', summary.runId.slice(0, 6), '--split', 'test', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const [evaluation] = jsonLines(result.stdout);
    expect(evaluation.checkpoint.kind).toBe('best');
    expect(evaluation.count).toBe(summary.split.test);
    expect(evaluation.accuracy).toBe(summary.best.test.accuracy);
  });

  it('evaluates on a separate labelled CSV file, next to the run test accuracy', () => {
    const other = join(home, 'other-blobs.csv');
    blobsCsv(other, { rows: 120, seed: 31 });
    const result = netwright(home, ['evaluate', summary.runId, '--data', other]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/other-blobs\.csv: accuracy \d+(\.\d)?% on the 120 rows with a label/);
    expect(result.stdout).toMatch(/the run's own test split: .*accuracy/);
  });

  it('reuses the dataset imported from the same unchanged CSV file for the next run', () => {
    const result = netwright(home, ['train', '--data', csv, '--label', 'species', '--epochs', '1', '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(jsonLines(result.stdout).at(-1)!.dataset.id).toBe(summary.dataset.id);
  });
});

describe('netwright predict', () => {
  it('ends quietly with exit code 0 when the reader of its output leaves early (predict … | head)', async () => {
    const rows = join(home, 'many-rows.csv');
    blobsCsv(rows, { rows: 20_000, seed: 79, withLabel: false }); // far more output than a pipe holds
    const cli = startNetwright(home, ['predict', 'blobs-mlp', rows]);
    let stderr = '';
    cli.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
    });
    cli.stdout!.once('data', () => cli.stdout!.destroy()); // head read its lines and left
    const code = await new Promise<number | null>((resolve) => cli.once('exit', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('predicts new rows, with a label column that is ignored, to high accuracy', () => {
    const rows = join(home, 'new-rows.csv');
    const truth = blobsCsv(rows, { rows: 150, seed: 77 });
    const out = join(home, 'predictions.csv');
    const result = netwright(home, ['predict', 'blobs-mlp', rows, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const [header, ...lines] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe(['predicted', ...SPECIES.map((s) => `probability_${s}`)].join(','));
    expect(lines).toHaveLength(150);
    const predicted = lines.map((l) => l.split(',')[0]);
    const right = predicted.filter((p, k) => p === truth[k]).length;
    expect(right / 150).toBeGreaterThanOrEqual(0.9);
    const sums = lines.map((l) =>
      l
        .split(',')
        .slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    );
    for (const sum of sums) expect(sum).toBeCloseTo(1, 4);
  });

  it('reads rows without the label column and prints JSON lines', () => {
    const rows = join(home, 'unlabelled.csv');
    const truth = blobsCsv(rows, { rows: 30, seed: 78, withLabel: false });
    const result = netwright(home, ['predict', summary.runId, rows, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    const predictions = lines.filter((l) => l.type === 'prediction');
    expect(predictions.map((p) => p.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(predictions.filter((p, k) => p.predicted === truth[k]).length).toBeGreaterThanOrEqual(27);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', rows: 30 });
  });

  it('refuses a category the model never saw, naming the row and the column', () => {
    const rows = join(home, 'purple.csv');
    writeFileSync(rows, 'a,b,c,colour\n0.1,0.2,0.3,red\n3.1,2.9,0.2,purple\n');
    const out = join(home, 'purple-predictions.csv');
    const result = netwright(home, ['predict', 'blobs-mlp', rows, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^netwright: purple\.csv, row 2 \(line 3\), column 'colour': 'purple' is a category the model never saw/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a cell that is not a number, naming the row and the column', () => {
    const rows = join(home, 'text.csv');
    writeFileSync(rows, 'a,b,c,colour\n0.1,oops,0.3,red\n');
    const result = netwright(home, ['predict', 'blobs-mlp', rows]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("row 1 (line 2), column 'b': 'oops' is not a number");
  });
});

describe('netwright export', () => {
  it('writes an ONNX file that onnxruntime runs to the same classes as predict, and records the export', async () => {
    const path = join(home, 'out', 'blobs.onnx');
    const result = netwright(home, ['export', 'blobs-mlp', '--format', 'onnx', '--out', path, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const [report] = jsonLines(result.stdout);
    // Every export comes with a README beside it (main/services/exports).
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      path,
      join(home, 'out', 'blobs.onnx.README.md'),
    ]);
    const bytes = readFileSync(path);
    expect(bytes[0]).toBe(0x08); // ModelProto field 1 (ir_version), a varint
    expect(bytes.includes(Buffer.from('Netwright'))).toBe(true);

    const store = openStore(join(home, 'studio.sqlite'), { recoverInterruptedRuns: false });
    try {
      expect(store.exports.listExports(summary.runId).map((e) => [e.format, e.path])).toContainEqual(['onnx', path]);
    } finally {
      store.close();
    }

    // Raw features of new rows: a, b, c, then colour one-hot in the importer's order (blue, green, red).
    const rows = join(home, 'onnx-rows.csv');
    blobsCsv(rows, { rows: 30, seed: 79 });
    const predicted = jsonLines(netwright(home, ['predict', 'blobs-mlp', rows, '--json']).stdout)
      .filter((l) => l.type === 'prediction')
      .map((l) => l.predicted);
    const cells = readFileSync(rows, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const inputs = Float32Array.from(
      cells.flatMap(([a, b, c, colour]) => [
        Number(a),
        Number(b),
        Number(c),
        ...['blue', 'green', 'red'].map((k) => (k === colour ? 1 : 0)),
      ]),
    );
    const session = await ort.InferenceSession.create(bytes);
    const output = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', inputs, [30, 6]) });
    const logits = output[session.outputNames[0]].data as Float32Array;
    const argmax = cells.map((_, k) =>
      [0, 1, 2].reduce((best, c) => (logits[k * 3 + c] > logits[k * 3 + best] ? c : best), 0),
    );
    expect(argmax.map((c) => SPECIES[c])).toEqual(predicted);
  });

  it('writes a PyTorch training script with its safetensors weights beside it', () => {
    const folder = join(home, 'pytorch');
    const result = netwright(home, ['export', 'blobs-mlp', '--format', 'pytorch', '--out', `${folder}/`]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(folder, 'blobs-mlp-train.py'))).toBe(true);
    expect(existsSync(join(folder, 'blobs-mlp-train.safetensors'))).toBe(true);
    expect(readFileSync(join(folder, 'blobs-mlp-train.py'), 'utf8')).toContain('import torch');
    expect(result.stdout).toContain('blobs-mlp-train.safetensors');
  });

  it('refuses ONNX-only switches for other formats as a usage error', () => {
    const result = netwright(home, ['export', 'blobs-mlp', '--format', 'safetensors', '--softmax']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--softmax and --normalization apply to --format onnx only');
  });
});
