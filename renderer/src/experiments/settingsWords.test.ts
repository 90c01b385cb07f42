// The settings tables (a run's page, comparing runs) name every setting a configuration can hold in words, in both
// languages, never by its configuration path; switches read on/off.
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../engine/core/train/config';
import { settingNameMessages } from '../settingNames/messages';
import { settingLabel } from '../settingNames/settingName';
import { SETTING_ORDER } from '../settingNames/settingOrder';
import { trainMessages } from '../training/messages';
import { diffSettings, formatValue } from './settingsDiff';

/** Every optional part present, under each optimizer and schedule (the union of their fields). */
function fullConfigs(): TrainConfig[] {
  const common = {
    version: 1,
    loss: 'cross_entropy',
    epochs: 10,
    batchSize: 32,
    l1: 1e-4,
    l1IncludeBias: true,
    l2: 1e-4,
    clipping: { maxNorm: 1, value: 0.5 },
    earlyStopping: { metric: 'val_loss', patience: 3, minDelta: 0.001, restoreBest: true },
    seed: 1,
    split: { train: 0.7, validation: 0.15, test: 0.15, stratify: true },
    shuffle: true,
    augmentation: {
      horizontalFlip: 0.5,
      verticalFlip: 0.5,
      cropPadding: 2,
      rotationDegrees: 10,
      brightness: 0.1,
      contrast: 0.1,
      cutoutSize: 4,
      cutoutCount: 1,
    },
  } as const;
  const optimizers = [
    { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0 },
    { type: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 },
    { type: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
  ] as const;
  const schedules = [
    { type: 'step', stepSize: 5, gamma: 0.5 },
    { type: 'multistep', milestones: [3, 6], gamma: 0.5 },
    { type: 'cosine', tMax: 10, etaMin: 0 },
    { type: 'plateau', factor: 0.5, patience: 2, threshold: 1e-4, minLr: 1e-6 },
  ] as const;
  return optimizers.flatMap((optimizer) =>
    schedules.map((schedule) => ({ ...common, optimizer, schedule }) as unknown as TrainConfig),
  );
}

describe('settings in words', () => {
  const rows = diffSettings(fullConfigs().map((config) => ({ dataset: 'spirals', splitSeed: 42, ...config })));

  it.each(['en', 'zh-CN'] as const)('names every path of a full configuration in %s', (locale) => {
    const words = settingNameMessages[locale];
    const unnamed = rows.map((row) => row.path).filter((path) => settingLabel(path, words) === path);
    expect(unnamed).toEqual([]);
    expect(settingLabel('optimizer.lr', words)).toBe(locale === 'en' ? 'Learning rate' : '学习率');
  });

  it('shows switches as on/off in the language, and other values as they are', () => {
    expect(formatValue(true, settingNameMessages.en)).toBe('on');
    expect(formatValue(false, settingNameMessages['zh-CN'])).toBe('关');
    expect(formatValue(0.001, settingNameMessages.en)).toBe('0.001');
    expect(formatValue(null, settingNameMessages.en)).toBe('—');
  });

  it('names the loss, optimizer and schedule as the training form does', () => {
    const zh = trainMessages['zh-CN'];
    expect(formatValue('cross_entropy', settingNameMessages['zh-CN'], 'loss', zh)).toBe('交叉熵');
    expect(formatValue('cosine', settingNameMessages['zh-CN'], 'schedule.type', zh)).toBe('余弦退火');
    expect(formatValue('adam', settingNameMessages.en, 'optimizer.type', trainMessages.en)).toBe('Adam');
    // Every value a full configuration's choices take has words.
    for (const row of rows.filter((r) => ['loss', 'optimizer.type', 'schedule.type'].includes(r.path))) {
      for (const value of row.values) {
        expect(formatValue(value, settingNameMessages['zh-CN'], row.path, zh)).not.toBe(String(value));
      }
    }
    // Other strings stay as they are (a metric name, a dataset).
    expect(formatValue('spirals', settingNameMessages['zh-CN'], 'dataset', zh)).toBe('spirals');
  });
});

describe('settings side by side', () => {
  it('lists the rows in the training form’s order (settingNames/settingOrder.ts), not by path', () => {
    const config = fullConfigs().find((c) => c.optimizer.type === 'adam' && c.schedule?.type === 'cosine');
    const paths = diffSettings([{ dataset: 'spirals', splitSeed: 42, ...config }]).map((row) => row.path);
    expect(paths).toEqual(SETTING_ORDER.filter((path) => paths.includes(path)));
    expect(paths.slice(0, 3)).toEqual(['dataset', 'split.train', 'split.validation']);
  });
});
