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
