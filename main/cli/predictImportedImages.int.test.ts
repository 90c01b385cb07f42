// `netwright predict RUN image|folder/` on a run imported from an ONNX file with an image input (no dataset): PNGs
// at the model's size are read as grayscale or RGB in [0, 1] and give the probabilities onnxruntime computes from
// the same pixels; a trained image run exported and imported back predicts what it did (its standardization is
// applied); a CSV for an image model, an image for a tabular model and a file that is not an image are refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../engine/core/rng';
import { encodePng, rgbImage, solidImage, writeTree } from '../services/datasets/images/testImages';
import { probabilities } from './predictOutput';
import { importModelRun, jsonLines, netwright, trainedAndReimported } from './testCli';

const FIXTURES = join(__dirname, '../../engine/test/onnx/fixtures');
const home = mkdtempSync(join(tmpdir(), 'netwright-predict-imported-images-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const importRun = (file: string) => importModelRun(home, file);

function randomBytes(seed: number, count: number): Uint8Array {
  const rng = new Rng(seed);
  return Uint8Array.from({ length: count }, () => rng.nextUint32() % 256);
}

/** Interleaved 8-bit pixels (H × W × C) as the model's [C, H, W] input in [0, 1]. */
function planarUnit(pixels: Uint8Array, channels: number): Float32Array {
  const count = pixels.length / channels;
  const out = new Float32Array(pixels.length);
  for (let c = 0; c < channels; c++)
    for (let p = 0; p < count; p++) out[c * count + p] = pixels[p * channels + c] / 255;
  return out;
}

/** onnxruntime's class probabilities for one [C, H, W] input. */
async function reference(model: string, input: Float32Array, shape: number[]): Promise<number[]> {
  const session = await ort.InferenceSession.create(model);
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, [1, ...shape]) });
  return probabilities(out[session.outputNames[0]].data as Float32Array);
}

type Prediction = { file: string; predicted: string; probabilities: Record<string, number>; label?: string };

function predictions(stdout: string): Prediction[] {
  return jsonLines(stdout).filter((l) => l.type === 'prediction') as Prediction[];
}

function expectClose(prediction: Prediction, expected: number[]): void {
  expect(Object.keys(prediction.probabilities)).toEqual(expected.map((_, c) => String(c)));
  expected.forEach((p, c) => expect(Math.abs(prediction.probabilities[String(c)] - p)).toBeLessThanOrEqual(1e-5));
  expect(prediction.predicted).toBe(String(expected.indexOf(Math.max(...expected))));
}

describe('predict on images with an imported grayscale conv model (1×8×8, 3 classes)', () => {
  const model = join(FIXTURES, 'gray_conv.op13.fold.onnx');
  const runId = importRun(model);
  const pixels = [1, 2, 3].map((seed) => randomBytes(seed, 8 * 8));
  writeTree(join(home, 'gray'), {
    'a.png': encodePng(8, 8, 0, pixels[0]),
    'b.png': encodePng(8, 8, 0, pixels[1]),
    '2/c.png': encodePng(8, 8, 0, pixels[2]),
  });

  it('gives onnxruntime’s probabilities for one PNG', async () => {
    const result = netwright(home, ['predict', runId, join(home, 'gray', 'a.png'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const [prediction] = predictions(result.stdout);
    expect(prediction.file).toBe('a.png');
    expectClose(prediction, await reference(model, planarUnit(pixels[0], 1), [1, 8, 8]));
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ type: 'summary', runId, images: 1, accuracy: null });
  });

  it('predicts a folder, its class folders named by output index scored', async () => {
    const result = netwright(home, ['predict', runId, join(home, 'gray'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    const found = predictions(result.stdout);
    expect(found.map((p) => p.file)).toEqual([join('2', 'c.png'), 'a.png', 'b.png']);
    const expected = await Promise.all([2, 0, 1].map((k) => reference(model, planarUnit(pixels[k], 1), [1, 8, 8])));
    found.forEach((p, k) => expectClose(p, expected[k]));
    expect(found[0].label).toBe('2');
    const right = found[0].predicted === '2' ? 1 : 0;
    expect(jsonLines(result.stdout).at(-1)!.accuracy).toEqual({ correct: right, labelled: 1, value: right });
  });

  it('evaluates on a folder: the accuracy on the images in sub-folders named for an output index', () => {
    const predicted = predictions(netwright(home, ['predict', runId, join(home, 'gray'), '--json']).stdout);
    const right = predicted.find((p) => p.label === '2')!.predicted === '2' ? 1 : 0;
    const result = netwright(home, ['evaluate', runId, '--data', join(home, 'gray'), '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      type: 'evaluation',
      runId,
      labelled: 1,
      correct: right,
      accuracy: right,
    });
    const text = netwright(home, ['evaluate', runId, '--data', join(home, 'gray')]);
    expect(text.stdout).toContain(
      `(imported) on ${join(home, 'gray')}: accuracy ${right ? '100.0' : '0.0'}% (${right} of 1 labelled images)`,
    );

    writeTree(join(home, 'unlabelled'), { 'a.png': encodePng(8, 8, 0, pixels[0]) });
    const nothing = netwright(home, ['evaluate', runId, '--data', join(home, 'unlabelled')]);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain(
      `${join(home, 'unlabelled')}: no images in sub-folders named for the model's outputs (0, 1, 2), so there is nothing to score`,
    );
  });

  it('refuses a CSV file and a file that is not an image, naming them', () => {
    const csv = join(home, 'rows.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const table = netwright(home, ['predict', runId, csv]);
    expect(table.status).toBe(1);
    expect(table.stderr).toContain(
      `${csv}: the run 'gray_conv.op13.fold' takes images (1×8×8), not a table: give an image file or a folder of images`,
    );
    const fake = join(home, 'fake.png');
    writeFileSync(fake, 'not really a picture');
    const notImage = netwright(home, ['predict', runId, fake]);
    expect(notImage.status).toBe(1);
    expect(notImage.stderr).toContain(
      `${fake}: is not a PNG, JPEG, WebP, BMP or GIF image that can be read (not a PNG, JPEG, WebP, BMP or GIF image)`,
    );
  });
});

describe('predict on images with an imported RGB model (3×4×4 residual convs, 2 classes)', () => {
  it('reads a PNG as RGB and gives onnxruntime’s probabilities', async () => {
    const model = join(FIXTURES, 'residual_add.op17.nofold.onnx');
    const runId = importRun(model);
    const rgb = randomBytes(7, 4 * 4 * 3);
    const file = join(home, 'rgb.png');
    writeFileSync(file, await rgbImage('png', 4, 4, rgb));
    const result = netwright(home, ['predict', runId, file, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expectClose(predictions(result.stdout)[0], await reference(model, planarUnit(rgb, 3), [3, 4, 4]));
  });
});

describe('predict on images with a tabular imported model', () => {
  it('refuses an image and a folder, saying the model takes rows of numbers', () => {
    const runId = importRun(join(FIXTURES, 'mlp_gemm.op13.fold.onnx'));
    for (const path of [join(home, 'gray', 'a.png'), join(home, 'gray')]) {
      const result = netwright(home, ['predict', runId, path]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        "the run 'mlp_gemm.op13.fold' takes rows of 4 numbers, not images: predict on a CSV file with its number columns",
      );
    }
  });
});

describe('a trained image run exported to ONNX and imported back', () => {
  it('predicts what the trained run predicts: its channel standardization is applied', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, rgb] of Object.entries({ dark: [30, 40, 50], light: [220, 200, 180] }))
      for (let i = 0; i < 6; i++)
        files[`${name}/${i}.png`] = await solidImage('png', 6, 6, rgb.map((v) => v + i * 3) as never);
    writeTree(join(home, 'shades'), files);
    const imported = netwright(home, ['import', join(home, 'shades'), '--image-size', '6x6', '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const data = JSON.parse(imported.stdout).folder as string;
    const { trainedId, importedId } = trainedAndReimported(home, ['--data', data, '--epochs', '3'], 'shades');

    const picture = join(home, 'picture.png');
    writeFileSync(picture, await rgbImage('png', 6, 6, randomBytes(11, 6 * 6 * 3)));
    const probabilitiesOf = (run: string) => {
      const result = netwright(home, ['predict', run, picture, '--json']);
      expect(result.status, result.stderr).toBe(0);
      return Object.values(predictions(result.stdout)[0].probabilities);
    };
    const fromTrained = probabilitiesOf(trainedId);
    const fromImported = probabilitiesOf(importedId);
    expect(fromImported).toHaveLength(2);
    fromTrained.forEach((p, c) => expect(Math.abs(fromImported[c] - p)).toBeLessThanOrEqual(1e-5));
  });
});
