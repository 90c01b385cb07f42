// The tta suite's flags, and its reading of the validation accuracy from `netwright train --json` and from the
// exported train.py's epoch lines.
import { describe, expect, it } from 'vitest';
import { asksTta, netwrightAccuracy, parseTtaArgs, pytorchAccuracy } from './tta';

describe('tta flags', () => {
  it('is asked for by --suites tta only', () => {
    expect(asksTta(['--suites', 'tta', '--images', '6000'])).toBe(true);
    expect(asksTta(['--suites=tta'])).toBe(true);
    expect(asksTta(['--suites', 'netwright'])).toBe(false);
    expect(asksTta(['--only', 'tta'])).toBe(false);
  });

  it('reads its own flags and refuses others', () => {
    expect(parseTtaArgs(['--suites', 'tta', '--images', '6000', '--target', '0.95', '--only', 'tta-cnn'], 2)).toEqual({
      images: 6000,
      target: 0.95,
      maxEpochs: 20,
      threads: 2,
      only: ['tta-cnn'],
      pytorch: true,
      fromSources: false,
    });
    expect(parseTtaArgs(['--threads', '1', '--no-pytorch', '--max-epochs', '3', '--from-sources'], 2)).toMatchObject({
      threads: 1,
      pytorch: false,
      maxEpochs: 3,
      fromSources: true,
    });
    expect(() => parseTtaArgs(['--target', '97'], 2)).toThrow(/--target takes a number from 0.1 to 1, not '97'/);
    expect(() => parseTtaArgs(['--images', '6000.5'], 2)).toThrow(/--images takes a whole number/);
    expect(() => parseTtaArgs(['--only', 'W2'], 2)).toThrow(/--only takes tta-mlp, tta-cnn, not 'W2'/);
    expect(() => parseTtaArgs(['--suites', 'tta,netwright'], 2)).toThrow(/runs alone/);
    expect(() => parseTtaArgs(['--quick'], 2)).toThrow(/unknown flag for the tta suite: --quick/);
  });
});

describe('validation accuracy from the training logs', () => {
  it("reads netwright's epoch lines and ignores the rest", () => {
    const epoch = {
      type: 'epoch',
      runId: 'r1',
      epoch: 3,
      epochs: 20,
      trainLoss: 0.1,
      validation: { loss: 0.2, accuracy: 0.975, count: 600 },
      lr: 0.001,
    };
    expect(netwrightAccuracy(JSON.stringify(epoch))).toEqual({ accuracy: 0.975, epoch: 3, runId: 'r1' });
    expect(netwrightAccuracy(JSON.stringify({ ...epoch, validation: null }))).toBeNull();
    expect(netwrightAccuracy(JSON.stringify({ type: 'summary', runId: 'r1' }))).toBeNull();
    expect(netwrightAccuracy('training MLP on glyphs')).toBeNull();
  });

  it("reads train.py's epoch lines and ignores the rest", () => {
    expect(pytorchAccuracy('epoch 4/20  train loss 0.0912  val loss 0.1033  val accuracy 0.9733  lr 0.001')).toEqual({
      epoch: 4,
      accuracy: 0.9733,
    });
    expect(pytorchAccuracy('epoch 4/20  train loss 0.0912    lr 0.001')).toBeNull();
    expect(pytorchAccuracy('test loss 0.1  test accuracy 0.99')).toBeNull();
  });
});
