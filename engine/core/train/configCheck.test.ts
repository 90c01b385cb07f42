// checkTrainConfig: every reported mistake is refused with the setting's name and its allowed range; good configs pass.
import { describe, expect, it } from 'vitest';
import { config } from '../../test/models';
import type { TrainConfig } from './config';
import { checkTrainConfig, MAX_EPOCHS } from './configCheck';

const settingsOf = (c: TrainConfig) => checkTrainConfig(c).map((p) => p.setting);

describe('checkTrainConfig', () => {
  it('accepts the configs training uses', () => {
    expect(checkTrainConfig(config())).toEqual([]);
    expect(
      checkTrainConfig(
        config({
          optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4 },
          schedule: { type: 'plateau', factor: 0.5, patience: 3 },
          l1: 0,
          l2: 1e-4,
          clipping: { maxNorm: 1 },
          earlyStopping: { metric: 'val_accuracy', patience: 5 },
          split: { train: 0.8, validation: 0.2, test: 0 },
          seed: 0,
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['batchSize', { batchSize: 0 }],
    ['batchSize', { batchSize: -5 }],
    ['batchSize', { batchSize: 2.5 }],
    ['optimizer.lr', { optimizer: { type: 'adam', lr: -1 } }],
    ['optimizer.lr', { optimizer: { type: 'adam', lr: Number.NaN } }],
    ['epochs', { epochs: 0 }],
    ['epochs', { epochs: 1e9 }],
    ['seed', { seed: -1 }],
    ['schedule.type', { schedule: { type: 'sawtooth' } }],
    ['split.train', { split: { train: 2, validation: 0, test: 0 } }],
    ['split', { split: { train: 0.5, validation: 0.1, test: 0.1 } }],
    ['schedule.gamma', { schedule: { type: 'step', stepSize: 5, gamma: 0 } }],
  ] as Array<[string, Partial<TrainConfig>]>)('refuses %s in %j', (setting, overrides) => {
    expect(settingsOf(config(overrides))).toEqual([setting]);
  });

  it('gives the allowed range with the problem', () => {
    expect(checkTrainConfig(config({ epochs: 1e9 }))).toEqual([
      {
        code: 'setting-out-of-range',
        setting: 'epochs',
        value: 1e9,
        min: 1,
        max: MAX_EPOCHS,
        minExclusive: false,
        integer: true,
      },
    ]);
    expect(checkTrainConfig(config({ schedule: { type: 'sawtooth' } as never }))[0]).toMatchObject({
      code: 'setting-not-a-choice',
      choices: ['constant', 'step', 'multistep', 'exponential', 'cosine', 'plateau'],
    });
  });
});
