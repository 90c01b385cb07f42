// Stored epochs as diagnose() and the charts read them.
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../main/api/types';
import { diagnose } from '../../../engine/core/train/diagnose';
import { gradNormSeries, toDiagnoseRecord, validationSeries } from './history';

function stored(epoch: number, over: Partial<EpochRecord> = {}): EpochRecord {
  return {
    epoch,
    trainLoss: 1 / epoch,
    trainAccuracy: 0.5,
    valLoss: 1.2 / epoch,
    valAccuracy: 0.4,
    lr: 0.01,
    metrics: {
      gradNorms: { d1: 0.5, d2: 0.25 },
      weightNorms: { d1: 3 },
      validation: { loss: 1.2 / epoch, mae: 0.3 },
      seconds: 2,
    },
    ...over,
  };
}

describe('toDiagnoseRecord', () => {
  it('copies the losses, accuracies, rate and per-layer norms', () => {
    expect(toDiagnoseRecord(stored(2))).toEqual({
      epoch: 2,
      trainLoss: 0.5,
      valLoss: 0.6,
      trainAccuracy: 0.5,
      valAccuracy: 0.4,
      lr: 0.01,
      gradNorms: { d1: 0.5, d2: 0.25 },
      weightNorms: { d1: 3 },
    });
  });

  it('reads a null loss (a NaN the store could not keep) as NaN, so diagnose reports the divergence', () => {
    const record = toDiagnoseRecord(stored(3, { trainLoss: null }));
    expect(record.trainLoss).toBeNaN();
    expect(diagnose([toDiagnoseRecord(stored(1)), record])[0].code).toBe('non-finite-loss');
  });

  it('leaves the validation loss out when the run had no validation split', () => {
    const record = toDiagnoseRecord(stored(1, { valLoss: null, valAccuracy: null, metrics: {} }));
    expect('valLoss' in record).toBe(false);
    expect(record.gradNorms).toBeUndefined();
  });

  it('reads a null gradient norm as NaN', () => {
    const record = toDiagnoseRecord(stored(1, { metrics: { gradNorms: { d1: null } } }));
    expect(record.gradNorms!.d1).toBeNaN();
  });
});

describe('series', () => {
  it('picks a validation metric per epoch', () => {
    expect(validationSeries([stored(1), stored(2)], 'mae')).toEqual([
      { x: 1, y: 0.3 },
      { x: 2, y: 0.3 },
    ]);
  });

  it('gives one gradient-norm line per layer', () => {
    const series = gradNormSeries([stored(1), stored(2)]);
    expect(series.map((s) => s.layer)).toEqual(['d1', 'd2']);
    expect(series[1].points).toEqual([
      { x: 1, y: 0.25 },
      { x: 2, y: 0.25 },
    ]);
  });
});
