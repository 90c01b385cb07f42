// The training panel's editing helpers.
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../main/api/types';
import {
  clippingMode,
  defaultSchedule,
  lossOptions,
  optimizerChoice,
  parseMilestones,
  readNumber,
  scheduleForEpochs,
  switchOptimizer,
  withClipping,
  withEarlyStopping,
} from './configEdit';

const config: TrainConfig = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.003 },
  schedule: { type: 'constant' },
  epochs: 20,
  batchSize: 32,
  seed: 1,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
};

describe('loss options', () => {
  it('offers cross-entropy and BCE for classification and only MSE for regression', () => {
    expect(lossOptions('classification')).toEqual(['cross_entropy', 'bce_with_logits']);
    expect(lossOptions('regression')).toEqual(['mse']);
  });
});

describe('switching optimizer', () => {
  it('keeps the learning rate and weight decay', () => {
    const next = switchOptimizer({ type: 'adam', lr: 0.003, weightDecay: 1e-4 }, 'rmsprop');
    expect(next).toMatchObject({ type: 'rmsprop', lr: 0.003, weightDecay: 1e-4 });
  });

  it('turns on momentum 0.9 for the momentum entry and recognizes it again', () => {
    const next = switchOptimizer({ type: 'sgd', lr: 0.1 }, 'momentum');
    expect(next).toEqual({ type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: false });
    expect(optimizerChoice(next)).toBe('momentum');
    expect(optimizerChoice(switchOptimizer(next, 'sgd'))).toBe('sgd');
  });
});

describe('milestones', () => {
  it('reads whole epochs separated by commas or spaces', () => {
    expect(parseMilestones(' 10, 20 30 ')).toEqual({ ok: true, value: [10, 20, 30] });
  });

  it('names the entry that is not a whole epoch', () => {
    expect(parseMilestones('10, 2.5')).toEqual({
      ok: false,
      error: { key: 'milestoneNotWhole', params: { value: '2.5' } },
    });
    expect(parseMilestones('ten')).toMatchObject({ ok: false, error: { params: { value: 'ten' } } });
  });

  it('refuses milestones out of order and an empty list', () => {
    expect(parseMilestones('20, 10')).toEqual({
      ok: false,
      error: { key: 'milestonesNotIncreasing', params: { value: 10, previous: 20 } },
    });
    expect(parseMilestones(' ')).toMatchObject({ ok: false, error: { key: 'milestonesEmpty' } });
  });
});

describe('schedules, clipping, early stopping', () => {
  it('spreads default milestones and step sizes over the planned epochs', () => {
    expect(defaultSchedule('multistep', 20)).toEqual({ type: 'multistep', milestones: [10, 15], gamma: 0.1 });
    expect(defaultSchedule('cosine', 20)).toMatchObject({ tMax: 20 });
  });

  it('clips by norm or by value, never both', () => {
    const byNorm = withClipping(config, 'norm', 1);
    expect(byNorm.clipping).toEqual({ maxNorm: 1 });
    expect(clippingMode(withClipping(byNorm, 'value', 0.5).clipping)).toBe('value');
    expect(withClipping(byNorm, 'off').clipping).toBeUndefined();
  });

  it('turns early stopping on with restore-best and off again', () => {
    expect(withEarlyStopping(config, true).earlyStopping).toMatchObject({ metric: 'val_loss', restoreBest: true });
    expect(withEarlyStopping(withEarlyStopping(config, true), false).earlyStopping).toBeUndefined();
  });

  it('reads numbers and rejects what is not one', () => {
    expect(readNumber('1e-3')).toBe(0.001);
    expect(readNumber('')).toBeNull();
    expect(readNumber('2.5', { integer: true })).toBeNull();
    expect(readNumber('0', { min: 1 })).toBeNull();
  });
});

describe('the schedule when the epochs change', () => {
  it('keeps a cosine spanning the whole run, not restarting every 30 epochs of 300', () => {
    const cosine = defaultSchedule('cosine', 30);
    expect(scheduleForEpochs(cosine, 30, 300)).toEqual({ type: 'cosine', tMax: 300, etaMin: 0 });
  });

  it('leaves a tMax chosen apart from the epochs, and other schedules, as they are', () => {
    const short = { type: 'cosine', tMax: 10, etaMin: 0 } as const;
    expect(scheduleForEpochs(short, 30, 300)).toBe(short);
    const step = defaultSchedule('step', 30);
    expect(scheduleForEpochs(step, 30, 300)).toBe(step);
  });
});
