// Settings are named in words from one table: every path checkTrainConfig can name and every sweep key has words in
// both languages, and a sweep key reads the same as the configuration path it sets.
import { describe, expect, it } from 'vitest';
import { checkTrainConfig } from '../../../engine/core/train/configCheck';
import type { TrainConfig } from '../../../engine/core/train/config';
import { settingKey, type SweepSetting, type SweepSettingKind } from '../../../engine/core/train/sweep';
import { settingNameMessages } from './messages';
import { settingLabel, settingName, sweepSettingName, withSettingName } from './settingName';

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
    expect(settingName('dropout.d1', zh)).toBe('d1 的丢弃率');
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

const LOCALES = Object.keys(settingNameMessages) as Array<keyof typeof settingNameMessages>;

/** Every kind of sweep setting (the Record makes a new kind a compile error here until it is listed). */
const SWEEP_SETTINGS: Record<SweepSettingKind, SweepSetting[]> = {
  lr: [{ kind: 'lr' }],
  batchSize: [{ kind: 'batchSize' }],
  optimizer: [{ kind: 'optimizer' }],
  l1: [{ kind: 'l1' }],
  l2: [{ kind: 'l2' }],
  epochs: [{ kind: 'epochs' }],
  dropout: [{ kind: 'dropout' }, { kind: 'dropout', nodeId: 'd1' }],
  units: [
    { kind: 'units', nodeId: 'fc1', param: 'units' },
    { kind: 'units', nodeId: 'conv1', param: 'filters' },
  ],
};

describe('sweep keys', () => {
  it('has words for every sweep key in both languages, naming the layer where there is one', () => {
    for (const locale of LOCALES) {
      const words = settingNameMessages[locale];
      for (const setting of Object.values(SWEEP_SETTINGS).flat()) {
        const key = settingKey(setting);
        const name = settingName(key, words);
        expect(name, `${locale} ${key}`).toBe(sweepSettingName(setting, words));
        expect(name, `${locale} ${key}`).not.toMatch(/[{}@]/);
        if (locale === 'zh-CN') expect(name, key).toMatch(/[\u4e00-\u9fff]/);
        if ('nodeId' in setting && setting.nodeId) expect(name, `${locale} ${key}`).toContain(setting.nodeId);
      }
    }
  });

  it('names a sweep key as the configuration path it sets, in either language', () => {
    const pairs = [
      ['lr', 'optimizer.lr'],
      ['batch', 'batchSize'],
      ['optimizer', 'optimizer.type'],
      ['l1', 'l1'],
      ['epochs', 'epochs'],
      ['dropout', 'dropout'],
      ['dropout@d1', 'dropout.d1'],
    ];
    for (const locale of LOCALES)
      for (const [key, path] of pairs)
        expect(settingName(key, settingNameMessages[locale]), `${locale} ${key}`).toBe(
          settingName(path, settingNameMessages[locale]),
        );
    expect(settingName('units@fc1.units', settingNameMessages['zh-CN'])).toBe('层 fc1 的大小');
  });

  it('words a refused sweep’s setting key, and capitalizes a label', () => {
    const { en } = settingNameMessages;
    expect(withSettingName({ setting: 'batch', value: '0', count: 1 }, en)).toEqual({
      setting: 'batch size',
      value: '0',
      count: 1,
    });
    expect(settingLabel('lr', en)).toBe('Learning rate');
    expect(settingLabel({ kind: 'units', nodeId: 'fc1', param: 'units' }, en)).toBe('Size of layer fc1');
    expect(settingLabel('lr', settingNameMessages['zh-CN'])).toBe('学习率');
    // The layer entries are reached only through a path or key naming the layer.
    expect(settingName('unitsOf', en)).toBe('unitsOf');
  });
});
