// Refusals name settings in words: every path checkTrainConfig can name has words in both languages.
import { describe, expect, it } from 'vitest';
import { checkTrainConfig } from '../../../engine/core/train/configCheck';
import type { TrainConfig } from '../../../engine/core/train/config';
import { settingNameMessages } from './messages';
import { settingName, withSettingName } from './settingName';

/** A config whose every number is out of range, under each schedule, with every optional part present. */
function badConfigs(): TrainConfig[] {
  const base = {
    version: -1,
    loss: 'hinge',
    optimizer: { type: 'adam', lr: -1, momentum: 2, alpha: 2, beta1: 2, beta2: 2, eps: -1, weightDecay: -1 },
    epochs: 0,
    batchSize: 0,
    l1: -1,
    l2: -1,
    clipping: { maxNorm: -1, value: -1 },
    earlyStopping: { metric: 'x', patience: -1, minDelta: -1 },
    seed: -1,
    augmentation: {
      horizontalFlip: 2,
      verticalFlip: 2,
      cropPadding: -1,
      rotationDegrees: -1,
      brightness: 2,
      contrast: 2,
      cutoutSize: -1,
      cutoutCount: -1,
    },
    split: { train: -1, validation: -1, test: -1 },
  };
  const schedules = [
    { type: 'nope' },
    { type: 'step', stepSize: 0, gamma: 2 },
    { type: 'multistep', milestones: [0], gamma: 2 },
    { type: 'cosine', tMax: 0, etaMin: -1 },
    { type: 'plateau', factor: 2, patience: -1, threshold: -1, minLr: -1 },
  ];
  return schedules.map((schedule) => ({ ...base, schedule }) as unknown as TrainConfig);
}

describe('settingName', () => {
  it('has words for every setting a refusal to start can name', () => {
    const en = settingNameMessages.en;
    const paths = new Set(badConfigs().flatMap((c) => checkTrainConfig(c).map((p) => p.setting)));
    expect(paths.size).toBeGreaterThan(30);
    for (const path of paths) {
      const key = path.replace(/\[\d+\]$/, '');
      expect(Object.keys(en), path).toContain(key);
    }
  });

  it('words a path in the chosen language, a layer’s dropout by its node, and leaves unknown paths alone', () => {
    const { en, 'zh-CN': zh } = settingNameMessages;
    expect(settingName('optimizer.lr', en)).toBe('learning rate');
    expect(settingName('schedule.milestones[2]', en)).toBe('milestones (epochs)');
    expect(settingName('dropout.d1', en)).toBe('dropout rate of d1');
    expect(settingName('units:fc1', en)).toBe('units:fc1');
    expect(settingName('toString', en)).toBe('toString');
    expect(settingName('optimizer.lr', zh)).toBe('学习率');
    expect(settingName('dropout.d1', zh)).toBe('d1 的 Dropout 比率');
  });

  it('replaces only the setting among a refusal’s values', () => {
    expect(withSettingName({ setting: 'batchSize', value: 0, min: 1, max: 65536 }, settingNameMessages.en)).toEqual({
      setting: 'batch size',
      value: 0,
      min: 1,
      max: 65536,
    });
    expect(withSettingName({ setting: '', value: 1 }, settingNameMessages.en)).toEqual({ setting: '', value: 1 });
  });
});
