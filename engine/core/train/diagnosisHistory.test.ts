// A recorded run diagnosed as the studio and the CLI both do: the size of its validation split read from the stored
// epochs reaches the advice.
import { describe, expect, it } from 'vitest';
import { mlp, config as trainConfig } from '../../test/models';
import {
  classCountOf,
  diagnoseRecordedRun,
  diagnoseStoredRun,
  regressionBaseline,
  validationCount,
  type StoredEpoch,
} from './diagnosisHistory';
import { divergedFailure } from './runFailure';

/** Training falls smoothly; validation settles near 0.32, then bounces 0.3 ↔ 0.6 over the last seven epochs. */
function bouncingRun(count?: number): StoredEpoch[] {
  const val = [1.1, 0.8, 0.6, 0.5, 0.44, 0.4, 0.37, 0.35, 0.34, 0.33, 0.33, 0.32, 0.32];
  val.push(0.3, 0.55, 0.28, 0.61, 0.33, 0.7, 0.31);
  return val.map((valLoss, i) => ({
    epoch: i + 1,
    trainLoss: 0.2 + 0.8 * Math.exp(-0.15 * i),
    valLoss,
    trainAccuracy: null,
    valAccuracy: null,
    lr: 0.01,
    metrics: { validation: count === undefined ? { loss: valLoss } : { loss: valLoss, count } },
  }));
}

describe('diagnoseRecordedRun', () => {
  it('reads how many samples the validation loss was measured on from the latest stored epoch', () => {
    expect(validationCount(bouncingRun(36))).toBe(36);
    expect(validationCount(bouncingRun())).toBeUndefined();
    expect(validationCount([])).toBeUndefined();
  });

  it('names a small validation split in the advice on an unstable validation loss', () => {
    const verdicts = diagnoseRecordedRun({ epochs: bouncingRun(36), numClasses: 10 });
    const unstable = verdicts.find((v) => v.code === 'validation-unstable');
    expect(unstable?.advice).toContainEqual({ code: 'larger-validation-split', params: { samples: 36 } });
  });

  it('says nothing of the validation split when its size is not stored', () => {
    const verdicts = diagnoseRecordedRun({ epochs: bouncingRun(), numClasses: 10 });
    const unstable = verdicts.find((v) => v.code === 'validation-unstable');
    expect(unstable).toBeDefined();
    expect(unstable?.advice.map((a) => a.code)).not.toContain('larger-validation-split');
  });

  it('gives the verdict where the loss broke mid-epoch when no recorded epoch shows it', () => {
    const diverged = { epoch: 1, step: 9, lr: 8, optimizer: 'sgd' };
    const config = trainConfig({ optimizer: { type: 'sgd', lr: 8 } });
    const none = diagnoseRecordedRun({ epochs: [], config, diverged });
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ code: 'non-finite-loss', severity: 'error', params: { epoch: 1, step: 9 } });
    expect(none[0].advice.map((a) => a.code)).toContain('lower-learning-rate');
    // Epochs that went well before it do not make the run healthy: the divergence is what ended it.
    const before = diagnoseRecordedRun({ epochs: bouncingRun().slice(0, 8), config, diverged });
    expect(before.map((v) => v.code)).toEqual(['non-finite-loss']);
    // Without it, the same epochs are judged as they are.
    expect(diagnoseRecordedRun({ epochs: [], config })).toEqual([]);
  });

  it('judges a regression run against the loss of predicting the mean, which its validation RMSE and R² give', () => {
    // noisy-curve with Adam at 0.5 (recorded): the first epoch blew up to 7,920, then the loss hovered at 0.5-0.64
    // with the validation R² below 0: no better than the mean. Against its first epoch it read as converged.
    const train = [
      7920, 66.6, 197, 22.2, 14.1, 8.71, 212, 136, 21.8, 14.8, 8.4, 5.24, 3.34, 3.06, 1.75, 1.01, 0.847,
    ].concat([0.636, 0.67, 0.613, 0.52, 0.494, 0.602, 0.579, 0.544, 0.611, 0.579, 0.638, 0.571, 0.553]);
    const epochs: StoredEpoch[] = train.map((trainLoss, i) => ({
      epoch: i + 1,
      trainLoss,
      valLoss: 0.56,
      trainAccuracy: null,
      valAccuracy: null,
      lr: 0.5,
      metrics: { validation: { loss: 0.5603, count: 30, rmse: 0.7486, r2: -0.0989 } },
    }));
    expect(regressionBaseline(epochs)).toBeCloseTo(0.51, 2);
    const verdicts = diagnoseRecordedRun({
      epochs,
      config: trainConfig({ loss: 'mse', optimizer: { type: 'adam', lr: 0.5 } }),
    });
    expect(verdicts.map((v) => v.code)).toContain('underfitting');
    expect(verdicts.map((v) => v.code)).not.toContain('converged');
    expect(verdicts.find((v) => v.code === 'underfitting')?.params).toMatchObject({ referenceKind: 'baseline' });
    // A perfect fit (R² = 1) or no validation split gives no baseline: the first epoch stays the reference.
    expect(regressionBaseline([{ ...epochs[0], metrics: { validation: { rmse: 0, r2: 1 } } }])).toBeUndefined();
    expect(regressionBaseline([{ ...epochs[0], metrics: {} }])).toBeUndefined();
  });

  it('takes the baseline in the loss’s units when the targets were standardized, not from RMSE in the label’s', () => {
    // House prices learned standardized: the loss hovers at 0.9 of predicting the mean, while RMSE is in dollars
    // (57,000 of a 60,000 spread). From RMSE and R² the baseline would read 3.4e9 and the run converged.
    const epochs: StoredEpoch[] = Array.from({ length: 20 }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 0.9 + 0.2 * Math.exp(-i),
      valLoss: 0.91,
      trainAccuracy: null,
      valAccuracy: null,
      lr: 0.01,
      metrics: { validation: { loss: 0.91, count: 30, rmse: 57_000, r2: 0.09, baselineLoss: 1.0 } },
    }));
    expect(regressionBaseline(epochs)).toBe(1.0);
    const verdicts = diagnoseRecordedRun({ epochs, config: trainConfig({ loss: 'mse' }) });
    expect(verdicts.map((v) => v.code)).toContain('underfitting');
    expect(verdicts.map((v) => v.code)).not.toContain('converged');
  });
});

describe('diagnoseStoredRun', () => {
  it("judges a stored run against its classes' guessing loss, and reads a divergence back from its failure", () => {
    expect(classCountOf({ task: 'classification', classNames: ['a', 'b', 'c'] })).toBe(3);
    expect(classCountOf({ task: 'regression' })).toBeUndefined();
    expect(classCountOf(null)).toBeUndefined();
    const config = trainConfig({ optimizer: { type: 'sgd', lr: 8 } });
    const run = { trainConfig: config, graph: mlp(2, [8], 10), failure: null };
    const manifest = { task: 'classification', classNames: Array.from({ length: 10 }, (_, i) => String(i)) };
    expect(diagnoseStoredRun(run, bouncingRun(36), manifest)).toEqual(
      diagnoseRecordedRun({ epochs: bouncingRun(36), config, spec: run.graph, numClasses: 10 }),
    );
    const failure = divergedFailure({ epoch: 1, step: 9, lr: 8, optimizer: 'sgd' });
    const broke = diagnoseStoredRun({ ...run, failure }, [], manifest);
    expect(broke.map((v) => v.code)).toEqual(['non-finite-loss']);
  });
});
