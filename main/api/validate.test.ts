// Every StudioApi call from another process is checked before the services see it: unknown methods, wrong
// argument types, extra arguments and unknown fields are refused with a message naming the method and argument.
import { describe, expect, it } from 'vitest';
import { STUDIO_METHODS } from './types';
import { InvalidCallError, validateCall } from './validate';

const spec = { version: 1, nodes: [{ id: 'input', op: 'input' }], edges: [] };
const config = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  epochs: 5,
  batchSize: 32,
  seed: 1,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
};

describe('validateCall', () => {
  it('accepts well-formed calls, with trailing optional arguments left out', () => {
    expect(() => validateCall('getInfo', [])).not.toThrow();
    expect(() => validateCall('saveGraph', ['g1', spec])).not.toThrow();
    expect(() => validateCall('saveGraph', ['g1', spec, 'a note'])).not.toThrow();
    expect(() => validateCall('startRun', [{ spec, config, datasetId: 'd1', name: 'first' }])).not.toThrow();
    expect(() => validateCall('startRun', [{ spec, config, datasetId: 'd1', fromRun: 'r1' }])).not.toThrow();
    expect(() =>
      validateCall('planWeights', [{ kind: 'upload', uploadId: 'u-123456', name: 'w.safetensors' }, spec]),
    ).not.toThrow();
    expect(() => validateCall('startRun', [{ spec, config, datasetId: 'd1', weights: { kind: 'disk' } }])).toThrow(
      /startRun argument 1\.weights\.kind/,
    );
    expect(() =>
      validateCall('importCsv', [
        { kind: 'upload', uploadId: 'u-123456', name: 'a.csv' },
        { label: 'y', split: { train: 0.8, validation: 0.1, test: 0.1, seed: 3 } },
      ]),
    ).not.toThrow();
    expect(() =>
      validateCall('importCsv', [
        { kind: 'path', path: '/d/folds.csv' },
        { label: 'y', splitColumn: 'fold' },
      ]),
    ).not.toThrow();
    expect(() =>
      validateCall('importCsv', [
        { kind: 'path', path: '/d/folds.csv' },
        { label: 'y', splitColumn: 3 },
      ]),
    ).toThrow(/splitColumn/);
    expect(() =>
      validateCall('listRuns', [{ status: ['completed', 'stopped'], sortBy: { metric: 'val_loss' }, order: 'asc' }]),
    ).not.toThrow();
    expect(() => validateCall('exportRun', ['r1', 'onnx', { softmax: true, normalization: 'metadata' }])).not.toThrow();
  });

  it('refuses methods that do not exist, naming them', () => {
    expect(() => validateCall('readFile', ['/etc/passwd'])).toThrow(/no studio method "readFile"/);
    expect(() => validateCall('constructor', [])).toThrow(InvalidCallError);
    expect(() => validateCall(42, [])).toThrow(InvalidCallError);
  });

  it('names the method and argument that has the wrong type', () => {
    expect(() => validateCall('getRun', [42])).toThrow('getRun argument 1 must be an id, not number');
    expect(() => validateCall('getRunGraph', [null])).toThrow('getRunGraph argument 1 must be an id, not null');
    expect(() => validateCall('startRun', [{ spec, config: { ...config, epochs: 2.5 }, datasetId: 'd1' }])).toThrow(
      /startRun argument 1\.config\.epochs must be a whole number/,
    );
    expect(() =>
      validateCall('startRun', [{ spec, config: { ...config, optimizer: { type: 'lbfgs', lr: 1 } }, datasetId: 'd1' }]),
    ).toThrow(/optimizer\.type must be one of sgd/);
    expect(() => validateCall('exportRun', ['r1', 'tflite'])).toThrow(
      /argument 2 must be one of onnx, safetensors, pytorch/,
    );
    expect(() => validateCall('previewCsv', [{ kind: 'url', href: 'http://x' }])).toThrow(
      /kind must be 'path' or 'upload'/,
    );
  });

  it('refuses extra arguments and unknown fields', () => {
    expect(() => validateCall('getInfo', [1])).toThrow(/takes at most 0 arguments/);
    expect(() => validateCall('updateRun', ['r1', { name: 'x', owner: 'root' }])).toThrow(/unknown field 'owner'/);
    expect(() => validateCall('listRuns', 'all')).toThrow(/arguments must be a list/);
  });

  it('knows every method of the contract', () => {
    expect(new Set(STUDIO_METHODS).size).toBe(STUDIO_METHODS.length);
    for (const method of STUDIO_METHODS) expect(() => validateCall(method, [])).not.toThrow(/no studio method/);
  });
});

describe('the place the studio keeps', () => {
  it('accepts a full place and refuses a wrong view or an unknown field', () => {
    const place = {
      view: 'train',
      graphId: 'g1',
      draft: { name: 'Untitled', spec },
      datasetId: 'd1',
      trainConfig: config,
      runId: 'r1',
    };
    expect(() => validateCall('savePlace', [place])).not.toThrow();
    expect(() => validateCall('savePlace', [{ ...place, view: 'settings' }])).toThrow(/savePlace argument 1.view/);
    expect(() => validateCall('savePlace', [{ ...place, scroll: 3 }])).toThrow(/unknown field 'scroll'/);
    expect(() => validateCall('duplicateGraph', ['g1', 'copy'])).not.toThrow();
    expect(() => validateCall('duplicateGraph', ['g1'])).toThrow(InvalidCallError);
  });
});
