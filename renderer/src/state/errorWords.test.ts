// Failed calls reach the studio as StudioErrors; refusals and checkpoint problems are worded from their tables.
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../../../engine/core/io/checkpointProblems';
import { errorPayload } from '../../../main/api/dispatch';
import { StudioError } from '../lib/host';
import { checkpointProblemMessages } from '../experiments/messages';
import { groupMessages } from '../groups/messages';
import { errorWording } from './errorWords';
import { runFailureMessages } from './messages';
import { CodedError } from '../../../engine/core/errors/coded';
import { failureOf, runFailure } from '../../../engine/core/train/runFailure';
import { runFailureSentence } from '../../../main/api/runFailures';
import { ONNX_IMPORT_ERRORS, OnnxImportError } from '../../../engine/core/import/onnx/errors';
import { onnxImportErrorMessages } from '../editor/modelImportMessages';
import { IMAGE_PREDICTION_PROBLEMS } from '../../../main/api/imagePredictionProblems';
import { imagePredictionProblemMessages } from '../imagePredictions/messages';

describe('errorWording', () => {
  it('words a damaged checkpoint from the checkpoint table, with the file and tensor the engine named', () => {
    const thrown = new CheckpointError('checkpoint-tensor-shape', {
      file: 'runs/r1/best.safetensors',
      tensor: 'fc1.weight',
      shape: '[8, 2]',
      expected: '[16, 2]',
    });
    const wording = errorWording(new StudioError(errorPayload(thrown)));
    expect(wording).toEqual({
      table: 'checkpoint',
      key: 'checkpoint-tensor-shape',
      params: { file: 'runs/r1/best.safetensors', tensor: 'fc1.weight', shape: '[8, 2]', expected: '[16, 2]' },
    });
    const zh = checkpointProblemMessages['zh-CN']['checkpoint-tensor-shape'];
    expect(zh).toContain('{tensor}');
  });

  it("words a run the engine could not start as the run failure it is, the engine's end among them", () => {
    // As main/services/engine/supervisor.ts's RunStartError carries it: the failure's code and values.
    const crashed = runFailure('engine-crashed', { exitCode: 1 });
    const thrown = new CodedError(
      crashed.code,
      crashed.params,
      'the engine process crashed (exit code 1) before it was ready',
    );
    expect(errorWording(new StudioError(errorPayload(thrown)))).toEqual({
      table: 'failure',
      key: 'engine-crashed',
      params: { exitCode: 1 },
    });
    expect(runFailureSentence('engine-crashed', { exitCode: 1 }, runFailureMessages['zh-CN'])).toBe(
      '引擎进程崩溃（退出码 1）',
    );
    // An uncoded error the engine met keeps its own message, as the failure's only value.
    const uncoded = failureOf(new Error('ENOSPC: no space left on device'));
    const plain = errorWording(new StudioError(errorPayload(new CodedError(uncoded.code, uncoded.params, 'ENOSPC'))));
    expect(plain).toEqual({
      table: 'failure',
      key: 'engine-error',
      params: { message: 'ENOSPC: no space left on device' },
    });
  });

  it('words a refusal to start from the training table', () => {
    const refused = new StudioError({
      message: 'learning rate 5 is out of range',
      code: 'setting-out-of-range',
      params: { setting: 'lr', min: 0, max: 1, value: 5 },
    });
    expect(errorWording(refused)).toMatchObject({ table: 'train', key: 'refused_setting-out-of-range' });
  });

  it('words an ONNX file that cannot be imported from the model-import table, naming the file in either language', () => {
    const thrown = new OnnxImportError('input-rank', { file: 'seq.onnx', input: 'x', shape: '[batch, 3, 4]' });
    const wording = errorWording(new StudioError(errorPayload(thrown)));
    expect(wording).toEqual({
      table: 'onnx',
      key: 'input-rank',
      params: { file: 'seq.onnx', input: 'x', shape: '[batch, 3, 4]' },
    });
    for (const table of Object.values(onnxImportErrorMessages)) {
      expect(Object.keys(table).sort()).toEqual(Object.keys(ONNX_IMPORT_ERRORS).sort());
      for (const text of Object.values(table)) expect(text).toContain('{file}');
    }
  });

  it('words a refused sweep from the groups table, naming the setting and value', () => {
    const refused = new StudioError({
      message: 'the setting batch = 0 cannot train',
      code: 'sweep-config',
      params: { setting: 'batch', value: '0', count: 1 },
    });
    expect(errorWording(refused)).toEqual({
      table: 'group',
      key: 'refused_sweep-config',
      params: { setting: 'batch', value: '0', count: 1 },
    });
    expect(groupMessages['zh-CN']['refused_sweep-config']).toContain('{setting} = {value}');
  });

  it('words images a run cannot predict on from the image-prediction table, with its values', () => {
    const refused = new StudioError({
      message: "the run 'mlp' takes rows of 4 numbers, not images: predict on a CSV file with its number columns",
      code: 'predict-vector-input',
      params: { run: 'mlp', width: 4 },
    });
    expect(errorWording(refused)).toEqual({
      table: 'imagePrediction',
      key: 'vector-input',
      params: { run: 'mlp', width: 4 },
    });
    for (const table of Object.values(imagePredictionProblemMessages))
      expect(Object.keys(table).sort()).toEqual(Object.keys(IMAGE_PREDICTION_PROBLEMS).sort());
    expect(imagePredictionProblemMessages['zh-CN']['vector-input']).toContain('{width}');
  });

  it('keeps the message of any other error', () => {
    expect(errorWording(new StudioError(errorPayload(new Error('disk full'))))).toEqual({
      table: null,
      text: 'disk full',
    });
    expect(errorWording('plain')).toEqual({ table: null, text: 'plain' });
  });
});
