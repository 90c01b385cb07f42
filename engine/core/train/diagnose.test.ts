// The verdict when the loss becomes NaN or infinite mid-epoch (the verdicts on histories are judged
// in diagnose.cases.test.ts).
import { describe, expect, it } from 'vitest';
import { nonFiniteLossVerdict } from './diagnose';

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
