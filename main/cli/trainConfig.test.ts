// `train` options become a training configuration, and mistakes in them are usage errors naming the option.
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../engine/core/data/dataset';
import { parseArgs, UsageError } from './args';
import { lossFor, TRAIN_CONFIG_OPTIONS, trainConfigFrom } from './trainConfig';

const manifest = (task: 'classification' | 'regression', classes = 3): DatasetManifest => ({
  version: 1,
  id: 'd',
  name: 'd',
  source: { kind: 'csv', path: '/d.csv' },
  count: 100,
  featureShape: [4],
  task,
  ...(task === 'classification'
    ? { classNames: Array.from({ length: classes }, (_, k) => `c${k}`) }
    : { targetNames: ['y'] }),
  normalization: null,
  split: {
    seed: 42,
    train: 0.7,
    validation: 0.15,
    test: 0.15,
    stratified: true,
    counts: { train: 70, validation: 15, test: 15 },
  },
});

const configOf = (argv: string[], task: 'classification' | 'regression' = 'classification', outputs = 3) =>
  trainConfigFrom(
    parseArgs(argv, { values: TRAIN_CONFIG_OPTIONS, flags: [] }),
    manifest(task, outputs === 1 ? 2 : 3),
    outputs,
  );

describe('trainConfigFrom', () => {
  it('defaults to Adam at 0.001, 20 epochs, batches of 32, a constant rate and the dataset split', () => {
    expect(configOf([])).toEqual({
      version: 1,
      loss: 'cross_entropy',
      optimizer: { type: 'adam', lr: 0.001 },
      schedule: { type: 'constant' },
      epochs: 20,
      batchSize: 32,
      seed: 42,
      split: { train: 0.7, validation: 0.15, test: 0.15 },
    });
  });

  it('reads the optimizer, regularization, clipping and early stopping', () => {
    const config = configOf([
      '--optimizer',
      'sgd',
      '--lr',
      '0.05',
      '--momentum',
      '0.8',
      '--l2',
      '0.001',
      '--clip-norm',
      '2',
      '--early-stopping',
      '4',
      '--epochs',
      '9',
    ]);
    expect(config.optimizer).toEqual({ type: 'sgd', lr: 0.05, momentum: 0.8 });
    expect(config.l2).toBe(0.001);
    expect(config.clipping).toEqual({ maxNorm: 2 });
    expect(config.earlyStopping).toEqual({ metric: 'val_loss', patience: 4, restoreBest: true });
    expect(config.epochs).toBe(9);
  });

  it('builds each schedule with defaults sized from the epochs', () => {
    expect(configOf(['--schedule', 'step', '--epochs', '30']).schedule).toEqual({
      type: 'step',
      stepSize: 10,
      gamma: 0.1,
    });
    expect(configOf(['--schedule', 'multistep', '--milestones', '5,8', '--gamma', '0.5']).schedule).toEqual({
      type: 'multistep',
      milestones: [5, 8],
      gamma: 0.5,
    });
    expect(configOf(['--schedule', 'exponential']).schedule).toEqual({ type: 'exponential', gamma: 0.95 });
    expect(configOf(['--schedule', 'cosine', '--epochs', '12']).schedule).toEqual({
      type: 'cosine',
      tMax: 12,
      etaMin: 0,
    });
  });

  it('picks the loss from the task and the number of outputs', () => {
    expect(lossFor(manifest('regression'), 1)).toBe('mse');
    expect(lossFor(manifest('classification', 2), 1)).toBe('bce_with_logits');
    expect(lossFor(manifest('classification', 2), 2)).toBe('cross_entropy');
  });

  it('refuses bad values as usage errors naming the option', () => {
    const refused = (argv: string[], message: string | RegExp) => expect(() => configOf(argv)).toThrow(message);
    refused(['--epochs', '2.5'], '--epochs takes a whole number of at least 1');
    refused(['--lr', '0'], '--lr must be greater than 0');
    refused(['--optimizer', 'lion'], '--optimizer is one of adam, adamw, sgd, rmsprop, adagrad');
    refused(['--schedule', 'multistep'], '--milestones');
    refused(['--schedule', 'step', '--gamma', '-1'], '--gamma must be greater than 0');
    refused(['--momentum', '0.9'], '--momentum applies to sgd and rmsprop, not adam');
    refused(['--monitor', 'val_loss'], '--monitor goes with --early-stopping');
    expect(() => configOf(['--batch-size', 'big'])).toThrow(UsageError);
  });

  it('refuses watching accuracy on a regression dataset', () => {
    expect(() => configOf(['--early-stopping', '3', '--monitor', 'val_accuracy'], 'regression', 1)).toThrow(
      '--monitor val_accuracy needs a classification dataset',
    );
  });
});

describe('trainConfigFrom: image augmentation', () => {
  const images = { ...manifest('classification'), featureShape: [1, 16, 16] };
  const imageConfig = (argv: string[]) =>
    trainConfigFrom(parseArgs(argv, { values: TRAIN_CONFIG_OPTIONS, flags: [] }), images, 3);

  it('turns the options into the augmentation settings, one cutout square unless told', () => {
    expect(
      imageConfig(['--hflip', '0.5', '--crop-padding', '2', '--rotation', '10', '--cutout', '4']).augmentation,
    ).toEqual({
      horizontalFlip: 0.5,
      cropPadding: 2,
      rotationDegrees: 10,
      cutoutSize: 4,
      cutoutCount: 1,
    });
    expect(imageConfig([]).augmentation).toBeUndefined();
  });

  it('refuses them for a table and out of range, naming the option', () => {
    expect(() => configOf(['--vflip', '0.5'])).toThrow(new UsageError('augmentation-for-images', { option: 'vflip' }));
    expect(() => imageConfig(['--rotation', '90'])).toThrow(/--rotation must be from 0 to 45, got 90/);
    expect(() => imageConfig(['--crop-padding', '1.5'])).toThrow(/--crop-padding must be a whole number from 0 to 64/);
  });
});
