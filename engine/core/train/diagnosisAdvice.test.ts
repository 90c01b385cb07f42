// The overfitting advice points image runs without augmentation to it, and leaves it out where it cannot help
// (tables) or is already on.
import { describe, expect, it } from 'vitest';
import { config, mlp, smallCnn } from '../../test/models';
import { adviceFor } from './diagnosisAdvice';
import { runSetup } from './diagnosisSetup';

const overfitting = { code: 'overfitting' as const, severity: 'warning' as const, params: { bestEpoch: 3 } };
const history = [{ epoch: 1, trainLoss: 1, valLoss: 1, lr: 0.01 }];
const codes = (setup: ReturnType<typeof runSetup>) => adviceFor(overfitting, setup, history).map((a) => a.code);

describe('overfitting advice on augmentation', () => {
  it('advises augmenting images when augmentation is off', () => {
    expect(codes(runSetup(config(), smallCnn(1, 12, 4), 4))).toContain('augment-images');
  });

  it('leaves it out for tables and for runs that already augment', () => {
    expect(codes(runSetup(config(), mlp(2, [8], 3), 3))).not.toContain('augment-images');
    const augmenting = config({ augmentation: { horizontalFlip: 0.5 } });
    expect(codes(runSetup(augmenting, smallCnn(1, 12, 4), 4))).not.toContain('augment-images');
    expect(codes(runSetup(augmenting, smallCnn(1, 12, 4), 4))).toContain('more-data');
  });
});

// Underfitting is a loss flat and high: the advice about the rate depends on where it stands against the optimizer's
// usual range (HIGH_LEARNING_RATE), the top of which, Adam at 0.01, is what the underfitting lesson's linear model
// trains at (lessons/plans.ts); more capacity is its cure there.
describe('underfitting advice and the learning rate', () => {
  const underfitting = {
    code: 'underfitting' as const,
    severity: 'warning' as const,
    params: { trainLoss: 0.74, reference: 1.1, referenceKind: 'chance', percentOfReference: 67, sinceEpoch: 13 },
  };
  const at = (lr: number) => {
    const setup = runSetup(config({ optimizer: { type: 'adam', lr } }), mlp(2, [], 3), 3);
    return adviceFor(underfitting, setup, [{ epoch: 1, trainLoss: 1, valLoss: 1, lr }]).map((a) => a.code);
  };

  it('advises a bigger model, and no rate change, at the top of the usual range', () => {
    expect(at(0.01)).toContain('bigger-model');
    expect(at(0.01)).not.toContain('lower-learning-rate');
    expect(at(0.01)).not.toContain('raise-learning-rate');
  });

  it('advises raising a rate below the usual range and lowering one above it, not a bigger model then', () => {
    expect(at(0.001)).toEqual(expect.arrayContaining(['bigger-model', 'raise-learning-rate']));
    expect(at(0.05)).toContain('lower-learning-rate');
    expect(at(0.05)).not.toContain('bigger-model');
  });
});

// L1 is a penalty but not weight decay: an overfitting run with L1 alone is advised to add L2, not to "raise" an L2
// it does not have; both count as regularization that can hold a run back.
describe('overfitting advice with an L1 penalty only', () => {
  it('advises adding L2 (weight decay), not raising it', () => {
    const setup = runSetup(config({ l1: 1e-4 }), mlp(2, [8], 3), 3);
    expect(codes(setup)).toContain('add-weight-decay');
    expect(codes(setup)).not.toContain('raise-weight-decay');
    expect(codes(runSetup(config({ l2: 1e-4 }), mlp(2, [8], 3), 3))).toContain('raise-weight-decay');
  });
});
