// Early stopping on loss and accuracy sequences, with min delta, patience and checkpoint resumption.
import { describe, expect, it } from 'vitest';
import { EarlyStopping } from './earlyStopping';

function run(stopper: EarlyStopping, values: number[], metric: 'val_loss' | 'val_accuracy' = 'val_loss') {
  return values.map((v, epoch) =>
    stopper.update(epoch, metric === 'val_loss' ? { val_loss: v } : { val_loss: 1, val_accuracy: v }),
  );
}

describe('EarlyStopping', () => {
  it('stops after patience epochs without a lower loss', () => {
    const stopper = new EarlyStopping({ metric: 'val_loss', patience: 2 });
    const steps = run(stopper, [1.0, 0.8, 0.85, 0.7, 0.75, 0.7]);
    expect(steps.map((s) => s.improved)).toEqual([true, true, false, true, false, false]);
    expect(steps.map((s) => s.stop)).toEqual([false, false, false, false, false, true]);
    expect(stopper.bestEpoch).toBe(3);
    expect(stopper.bestValue).toBe(0.7);
  });

  it('counts a change as an improvement only when it exceeds minDelta', () => {
    const stopper = new EarlyStopping({ metric: 'val_loss', patience: 3, minDelta: 0.05 });
    const steps = run(stopper, [1.0, 0.96, 0.949, 0.9, 0.86]);
    // 0.96 is within 0.05 of 1.0; 0.949 beats 1.0 by 0.051; 0.9 is within 0.05 of 0.949; 0.86 beats it by 0.089.
    expect(steps.map((s) => s.improved)).toEqual([true, false, true, false, true]);
    expect(stopper.bestValue).toBe(0.86);
    const exactlyDelta = new EarlyStopping({ metric: 'val_loss', patience: 3, minDelta: 0.5 });
    expect(run(exactlyDelta, [2, 1.5]).map((s) => s.improved)).toEqual([true, false]); // must exceed, not equal
  });

  it('watches accuracy in max mode', () => {
    const stopper = new EarlyStopping({ metric: 'val_accuracy', patience: 2, minDelta: 0.01 });
    expect(stopper.mode).toBe('max');
    const steps = run(stopper, [0.5, 0.6, 0.605, 0.59, 0.7, 0.69, 0.7], 'val_accuracy');
    expect(steps.map((s) => s.improved)).toEqual([true, true, false, false, true, false, false]);
    expect(steps.map((s) => s.stop)).toEqual([false, false, false, true, false, false, true]);
    expect(stopper.bestEpoch).toBe(4);
  });

  it('with patience 0 stops at the first epoch that does not improve', () => {
    const stopper = new EarlyStopping({ metric: 'val_loss', patience: 0 });
    expect(run(stopper, [1, 0.9, 0.95]).map((s) => s.stop)).toEqual([false, false, true]);
  });

  it('never treats NaN as an improvement', () => {
    const stopper = new EarlyStopping({ metric: 'val_loss', patience: 1 });
    const steps = run(stopper, [NaN, 1, NaN]);
    expect(steps.map((s) => s.improved)).toEqual([false, true, false]);
    expect(steps[2].stop).toBe(true);
    expect(stopper.bestValue).toBe(1);
  });

  it('resumes from a saved state exactly', () => {
    const values = [1, 0.9, 0.95, 0.97, 0.8, 0.85, 0.9, 0.88];
    const straight = run(new EarlyStopping({ metric: 'val_loss', patience: 3 }), values);
    const first = new EarlyStopping({ metric: 'val_loss', patience: 3 });
    values.slice(0, 3).forEach((v, e) => first.update(e, { val_loss: v }));
    const second = new EarlyStopping({ metric: 'val_loss', patience: 3 });
    second.restore(JSON.parse(JSON.stringify(first.state())));
    const resumed = values.slice(3).map((v, i) => second.update(i + 3, { val_loss: v }));
    expect(resumed).toEqual(straight.slice(3));
    expect(second.bestEpoch).toBe(4);
    expect(straight[7].stop).toBe(true);
  });

  it('gives clear errors for bad settings, missing metrics and corrupt state', () => {
    expect(() => new EarlyStopping({ metric: 'val_loss', patience: -1 })).toThrow(/patience/);
    expect(() => new EarlyStopping({ metric: 'val_loss', patience: 2, minDelta: -0.1 })).toThrow(/minDelta/);
    expect(() => new EarlyStopping({ metric: 'val_f1' as 'val_loss', patience: 2 })).toThrow(/cannot watch 'val_f1'/);
    const stopper = new EarlyStopping({ metric: 'val_accuracy', patience: 2 });
    expect(() => stopper.update(3, { val_loss: 0.5 })).toThrow(/watches val_accuracy, but epoch 3 has no such value/);
    expect(() => stopper.restore({ best: null, bestEpoch: null, badEpochs: -1 })).toThrow(/cannot resume/);
    expect(new EarlyStopping({ metric: 'val_loss', patience: 1, restoreBest: true }).restoreBest).toBe(true);
  });
});
