// The message and the verdict when the loss becomes NaN or infinite mid-epoch (the verdicts on histories are judged
// in diagnose.cases.test.ts).
import { describe, expect, it } from 'vitest';
import { nonFiniteLossMessage, nonFiniteLossVerdict } from './diagnose';

describe('nonFiniteLossMessage', () => {
  it('blames exploding gradients and a high learning rate when both apply', () => {
    const message = nonFiniteLossMessage({ epoch: 3, step: 120, lr: 0.1, gradNorm: 5e4, optimizer: 'adam' });
    expect(message).toMatch(/epoch 3, step 120/);
    expect(message).toMatch(/exploding gradients: the last gradient norm was 50000/);
    expect(message).toMatch(/learning rate too high for adam: 0\.1, where up to 0\.01 is usual/);
    expect(message).toMatch(/lower the learning rate by 10x \(to 0\.01\)/);
    expect(message).toMatch(/gradient clipping with maxNorm 1/);
    expect(message).toMatch(/batch normalization/);
    expect(message).toMatch(/check the data for NaN/);
  });

  it('points at the data when the learning rate and gradients look normal', () => {
    const message = nonFiniteLossMessage({ epoch: 0, step: 2, lr: 0.01, gradNorm: 3, optimizer: 'sgd' });
    expect(message).toMatch(/Likely cause: bad input values/);
    expect(message).not.toMatch(/too high/);
    expect(message).not.toMatch(/exploding/);
  });

  it('treats a non-finite last gradient norm as exploding', () => {
    expect(nonFiniteLossMessage({ epoch: 1, step: 9, lr: 0.001, gradNorm: NaN, optimizer: 'adamw' })).toMatch(
      /exploding gradients/,
    );
  });
});

describe('nonFiniteLossVerdict', () => {
  it('says where the loss broke and advises for the run as set up', () => {
    const verdict = nonFiniteLossVerdict(
      { epoch: 1, step: 6, lr: 20, optimizer: 'sgd' },
      { optimizer: 'sgd', clipping: true, batchNorm: true },
    );
    expect(verdict).toMatchObject({
      code: 'non-finite-loss',
      severity: 'error',
      params: { epoch: 1, step: 6, split: 'training', learningRate: 20 },
    });
    expect(verdict.advice.map((a) => a.code)).toEqual(['lower-learning-rate', 'check-data']);
    expect(verdict.advice[0].params).toEqual({ learningRate: 20, suggested: 2 });
  });
});
