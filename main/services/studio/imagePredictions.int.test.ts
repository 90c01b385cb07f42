// StudioApi.predictImages on a run imported from an ONNX file with an image input (no dataset): the images dropped on
// its run page are read for its [1, 8, 8] input and give onnxruntime's probabilities with their thumbnails; a
// CSV file, a model whose input has 2 channels and a tabular model are refused with codes the renderer words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../engine/core/rng';
import { dispatch, errorPayload } from '../../api/dispatch';
import { encodePng, writeTree } from '../datasets/images/testImages';
import { probabilities } from './insight';
import { testStudio } from './testStudio';

const FIXTURES = join(__dirname, '../../../engine/test/onnx/fixtures');
const { studio } = testStudio('image-predictions');

async function importRun(file: string): Promise<string> {
  const result = await studio.importModel({ kind: 'path', path: join(FIXTURES, file) });
  expect(result.runId).not.toBeNull();
  return result.runId!;
}

/** What the call gives the renderer when it fails. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return errorPayload(error);
  }
  throw new Error('the call did not fail');
}

describe('predictImages on an imported grayscale image model', () => {
  it('classifies the images of a folder as onnxruntime does, with thumbnails, classes named by output', async () => {
    const runId = await importRun('gray_conv.op17.nofold.onnx');
    const rng = new Rng(3);
    const pixels = [0, 1].map(() => Uint8Array.from({ length: 64 }, () => rng.nextUint32() % 256));
    const folder = join(studio.layout.home, 'drop');
    writeTree(folder, {
      'images/a.png': encodePng(8, 8, 0, pixels[0]),
      'images/b.png': encodePng(8, 8, 0, pixels[1]),
      'images/readme.txt': 'two images',
    });

    const report = await dispatch(studio, 'predictImages', [runId, { kind: 'path', path: join(folder, 'images') }]);
    const { classNames, predictions, weights, epoch, skipped } = report as Awaited<
      ReturnType<typeof studio.predictImages>
    >;
    expect({ classNames, weights, epoch }).toEqual({ classNames: ['0', '1', '2'], weights: 'last', epoch: 0 });
    expect(predictions.map((p) => p.name)).toEqual(['a.png', 'b.png']);
    // Why, in English and as the code the studio words.
    expect(skipped).toEqual([
      {
        path: 'readme.txt',
        reason: 'not a PNG, JPEG, WebP, BMP or GIF image',
        why: { code: 'not-an-image', values: {} },
      },
    ]);
    const session = await ort.InferenceSession.create(join(FIXTURES, 'gray_conv.op17.nofold.onnx'));
    const input = Float32Array.from([...pixels[0], ...pixels[1]], (v) => v / 255);
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, [2, 1, 8, 8]) });
    const logits = out[session.outputNames[0]].data as Float32Array;
    predictions.forEach((p, k) => {
      const expected = probabilities(logits.subarray(k * 3, k * 3 + 3));
      expected.forEach((v, c) => expect(Math.abs(p.probabilities[c] - v)).toBeLessThanOrEqual(1e-5));
      expect(p.predicted).toBe(String(expected.indexOf(Math.max(...expected))));
      expect(p.image).toMatch(/^data:image\/png;base64,/);
    });
  });

  it('refuses a CSV file for it, and images for a 2-channel or a tabular model, with codes and values', async () => {
    const imageRun = await importRun('gray_conv.op13.nofold.onnx');
    const csv = join(studio.layout.home, 'rows.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    expect(await refusal(studio.predictImages(imageRun, { kind: 'path', path: csv }))).toMatchObject({
      code: 'predict-table-file',
      params: { path: csv, run: 'gray_conv.op13.nofold', shape: '1×8×8' },
    });
    const twoChannels = await importRun('conv_bn_relu_maxpool.op13.nofold.onnx');
    expect(await refusal(studio.predictImages(twoChannels, { kind: 'path', path: csv }))).toMatchObject({
      code: 'predict-input-channels',
      params: { shape: '[2, 6, 6]', channels: 2 },
    });
    const tableRun = await importRun('mlp_gemm.op13.fold.onnx');
    expect(await refusal(studio.predictImages(tableRun, { kind: 'path', path: csv }))).toMatchObject({
      code: 'predict-vector-input',
      params: { run: 'mlp_gemm.op13.fold', width: '4' },
      message:
        "the run 'mlp_gemm.op13.fold' takes rows of 4 numbers, not images: predict on a CSV file with its number columns",
    });
  });
});
