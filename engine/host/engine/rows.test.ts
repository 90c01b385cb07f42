// Rows for predict and the live probe: standardized with the dataset's training statistics (a copy; the caller's
// rows are untouched), and the same outputs whatever the batch size.
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../native';
import { TRAIN_CONFIG_VERSION, type TrainConfig } from '../../core/train/config';
import { createTrainingSession } from '../../core/train/session';
import type { ModelSpec } from '../../core/spec/types';
import { predictRows, standardizedRows } from './rows';

const spec: ModelSpec = {
  version: 1,
  nodes: [
    { id: 'input', op: 'input', params: { shape: [2] } },
    { id: 'fc1', op: 'dense', params: { units: 3 } },
  ],
  edges: [{ from: 'input', to: 'fc1' }],
} as ModelSpec;
const config: TrainConfig = {
  version: TRAIN_CONFIG_VERSION,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.01 },
  schedule: { type: 'constant' },
  epochs: 1,
  batchSize: 4,
  seed: 3,
  split: { train: 1, validation: 0, test: 0 },
};
const session = createTrainingSession(spec, config, loadKernels());

describe('rows for the model', () => {
  it('standardizes a copy with one mean and deviation per feature', () => {
    const raw = Float32Array.from([1, 10, 3, 30]);
    const x = standardizedRows(session, raw, 2, { axis: 'feature', mean: [2, 20], std: [0.5, 10] }, 'probe-grid');
    expect(Array.from(x)).toEqual([-2, -1, 2, 1]);
    expect(Array.from(raw)).toEqual([1, 10, 3, 30]);
    expect(Array.from(standardizedRows(session, raw, 2, null, 'predict'))).toEqual([1, 10, 3, 30]);
  });

  it('names the request when the rows do not fit the input', () => {
    expect(() => standardizedRows(session, new Float32Array(5), 2, null, 'probe-grid')).toThrow(
      'probe-grid: 5 values for 2 rows of 2 features',
    );
  });

  it('gives each row the outputs it gets alone, over several batches', () => {
    const rows = Float32Array.from({ length: 9 * 2 }, (_, i) => Math.sin(i));
    const all = predictRows(session, rows, 9, 4);
    expect(all).toHaveLength(9 * 3);
    for (let r = 0; r < 9; r++) {
      const alone = predictRows(session, rows.slice(r * 2, r * 2 + 2), 1, 4);
      for (let k = 0; k < 3; k++) expect(all[r * 3 + k]).toBeCloseTo(alone[k], 5);
    }
  });
});
