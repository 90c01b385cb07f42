// How failures reach the renderer: every coded error comes as its table code with its values (and the node at
// fault), so the studio words it in the user's language; anything else keeps its message under code 'failed'.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../engine/core/errors/coded';
import { OnnxImportError } from '../../engine/core/import/onnx/errors';
import { CheckpointError } from '../../engine/core/io/checkpointProblems';
import { WeightsError } from '../../engine/core/io/weightsMatch';
import { TemplateShapeError } from '../../engine/core/spec/templates';
import { CsvImportError } from '../services/datasets/csv/errors';
import { BmpError } from '../services/datasets/images/bmp';
import { ImageImportError } from '../services/datasets/images/errors';
import { ImagePredictionError } from '../services/datasets/images/predictionError';
import { RunRefusedError } from '../services/engine/refusals';
import { RunStartError } from '../services/engine/supervisor';
import { EngineExitError } from '../../engine/host/parent/client';
import { DatasetFileError } from '../../engine/host/common/datasetFiles';
import { NotFoundError } from '../services/store/context';
import { GraphProblemError } from '../services/studio/runs';
import { errorPayload } from './dispatch';
import type { StudioErrorPayload } from './types';
import { InvalidCallError } from './validate';
import { ServiceError } from '../services/serviceError';

const ROOT = join(import.meta.dirname, '..', '..');

/** One error of every coded class, and the payload the renderer must receive for it. */
const CASES: Array<[CodedError, Omit<StudioErrorPayload, 'message'>]> = [
  [
    new WeightsError(
      'shape-mismatch',
      { tensor: '4.weight', fileShape: '[5, 64]', node: 'fc3', target: 'fc3.weight', modelShape: '[3, 64]' },
      'English text',
    ),
    {
      code: 'weights-shape-mismatch',
      params: { tensor: '4.weight', fileShape: '[5, 64]', node: 'fc3', target: 'fc3.weight', modelShape: '[3, 64]' },
    },
  ],
  [
    new OnnxImportError('tensor-size', { file: 'm.onnx', tensor: 'w', dims: '[2, 3]', count: 5 }),
    { code: 'onnx-tensor-size', params: { file: 'm.onnx', tensor: 'w', dims: '[2, 3]', count: 5 } },
  ],
  [
    // Unused optional fields are left out; a number stays a number.
    new CheckpointError('checkpoint-tensor-not-finite', {
      file: 'best.safetensors',
      tensor: 'fc1.weight',
      index: 3,
      value: 'NaN',
    }),
    {
      code: 'checkpoint-tensor-not-finite',
      params: { file: 'best.safetensors', tensor: 'fc1.weight', index: 3, value: 'NaN' },
    },
  ],
  [
    new RunRefusedError('too large', 'model-too-large', { needed: '3.1 GB', available: '1.0 GB' }, 'conv1'),
    { code: 'model-too-large', params: { needed: '3.1 GB', available: '1.0 GB' }, nodeId: 'conv1' },
  ],
  // A refusal without values still carries its (empty) values: the renderer words a refusal only with them.
  [
    new RunRefusedError('no patience', 'change-no-early-stopping', {}),
    { code: 'change-no-early-stopping', params: {} },
  ],
  [
    new ImagePredictionError('vector-input', { run: 'r1', width: '4' }),
    { code: 'predict-vector-input', params: { run: 'r1', width: '4' } },
  ],
  [
    new ImageImportError('one-class', { folder: '/data/pets', className: 'cats' }),
    { code: 'images-one-class', params: { folder: '/data/pets', className: 'cats' } },
  ],
  [
    // Caught by the image reader and given as a skipped file's reason; the same code if one ever escapes.
    new BmpError('compressed', { method: 'RLE8' }),
    { code: 'bmp-compressed', params: { method: 'RLE8' } },
  ],
  [new NotFoundError('run', 'r9'), { code: 'not-found', params: { what: 'run', id: 'r9' } }],
  [
    // A service's refusal: its code under 'service-', the run's status as a code the tables word.
    new ServiceError('run-not-queued', { run: 'spirals', status: 'running' }),
    { code: 'service-run-not-queued', params: { run: 'spirals', status: 'running' } },
  ],
  [
    // The file by its name, as the English sentence names it; the 1-based line when the problem is on one.
    new CsvImportError({ file: '/data/iris.csv', line: 7 }, 'ragged-row', { fields: 4, expected: 5 }),
    { code: 'csv-ragged-row', params: { file: 'iris.csv', line: 7, fields: 4, expected: 5 } },
  ],
  [new GraphProblemError('fc1: no input', 'fc1'), { code: 'graph-problem', params: {}, nodeId: 'fc1' }],
  [new InvalidCallError('argument 1 must be a string'), { code: 'invalid-argument', params: {} }],
  [
    // A run the engine could not start: the run failure it is, here the engine's crash before it was ready.
    new RunStartError('the engine process crashed (exit code 1) before it was ready', {
      code: 'failure-engine-crashed',
      params: { exitCode: 1 },
    }),
    { code: 'failure-engine-crashed', params: { exitCode: 1 } },
  ],
  [
    // The engine's end as a thrown error (a message sent to an engine that has gone).
    new EngineExitError(
      {
        code: null,
        signal: 'SIGKILL',
        reason: 'the engine process was killed (SIGKILL)',
        failure: { code: 'failure-engine-killed', params: { signal: 'SIGKILL' } },
      },
      'cannot send stop: the engine process was killed (SIGKILL)',
    ),
    { code: 'failure-engine-killed', params: { signal: 'SIGKILL' } },
  ],
  [
    // A dataset's file that does not hold what its manifest says: the run failure it causes.
    new DatasetFileError('dataset-file-size', { file: 'features.f32', bytes: 8, expected: 12 }, 'English'),
    { code: 'failure-dataset-file-size', params: { file: 'features.f32', bytes: 8, expected: 12 } },
  ],
  [
    new TemplateShapeError('template-input-shape', { template: 'lenet', wanted: 'image', got: '[2]' }, 'English'),
    { code: 'template-input-shape', params: { template: 'lenet', wanted: 'image', got: '[2]' } },
  ],
];

/** The names of every class in engine/ and main/ (tests aside) declared `extends CodedError`. */
function codedErrorClasses(): string[] {
  const names: string[] = [];
  for (const folder of ['engine', 'main']) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      if (relative(ROOT, path).includes('node_modules')) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(/class (\w+) extends CodedError\b/g))
        names.push(match[1]);
    }
  }
  return names.sort();
}

describe('errorPayload', () => {
  for (const [error, expected] of CASES) {
    it(`sends ${error.name} as its table code and values`, () => {
      expect(error).toBeInstanceOf(CodedError);
      expect(errorPayload(error)).toEqual({ message: error.message, ...expected });
    });
  }

  it('has a case for every coded error class', () => {
    expect(codedErrorClasses()).toEqual([...new Set(CASES.map(([error]) => error.name))].sort());
  });

  it('sends any other error as its message under code failed', () => {
    expect(errorPayload(new RangeError('disk full'))).toEqual({ message: 'disk full', code: 'failed' });
    expect(errorPayload('gone')).toEqual({ message: 'gone', code: 'failed' });
  });
});
