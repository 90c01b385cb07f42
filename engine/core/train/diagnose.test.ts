// Diagnosis on synthetic histories: one per kind, plus noisy healthy runs that must not be called overfitting.
import { describe, expect, it } from 'vitest';
import { diagnose, nonFiniteLossMessage, type EpochRecord } from './diagnose';
import { Rng } from '../rng';

function history(train: number[], val?: number[], extra: (e: number) => Partial<EpochRecord> = () => ({})): EpochRecord[] {
  return train.map((trainLoss, epoch) => ({ epoch, trainLoss, valLoss: val?.[epoch], lr: 0.01, ...extra(epoch) }));
}

const kinds = (found: { kind: string }[]) => found.map((d) => d.kind);

/** A run that learns well: exponential decay to a floor, with seeded multiplicative noise (val noisier). */
function noisyHealthyRun(seed: number, epochs = 30): EpochRecord[] {
  const rng = new Rng(seed);
  const train: number[] = [];
  const val: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const clean = 0.1 + 2.2 * Math.exp(-0.15 * e);
    train.push(clean * (1 + 0.01 * rng.normal()));
    val.push((clean + 0.05) * (1 + 0.03 * rng.normal()));
  }
  return history(train, val);
}

describe('diagnose', () => {
  it('returns nothing for an empty history and "too early" for a short one', () => {
    expect(diagnose([])).toEqual([]);
    const [only] = diagnose(history([2.3, 2.0]));
    expect(only.kind).toBe('healthy');
    expect(only.message).toMatch(/too few/);
  });

  it('calls a steadily learning run healthy', () => {
    const found = diagnose(history([2.3, 1.5, 1.0, 0.7, 0.5, 0.4, 0.32, 0.26], [2.2, 1.5, 1.1, 0.8, 0.6, 0.5, 0.45, 0.41]), { numClasses: 10 });
    expect(kinds(found)).toEqual(['healthy']);
    expect(found[0].severity).toBe('info');
    expect(found[0].message).toMatch(/2\.3 → 0\.26/);
  });

  it('does not mistake validation noise for overfitting (50 seeded noisy runs)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const found = kinds(diagnose(noisyHealthyRun(seed), { numClasses: 10 }));
      expect(found, `seed ${seed}`).not.toContain('overfitting');
      expect(found, `seed ${seed}`).not.toContain('diverging');
    }
  });

  it('does not call a noisy plateau overfitting', () => {
    const rng = new Rng(5);
    const train = Array.from({ length: 25 }, () => 0.3 * (1 + 0.005 * rng.normal()));
    const val = Array.from({ length: 25 }, () => 0.35 * (1 + 0.03 * rng.normal()));
    expect(kinds(diagnose(history(train, val), { numClasses: 10 }))).not.toContain('overfitting');
  });

  it('detects overfitting: validation loss rising while training loss falls', () => {
    const train = Array.from({ length: 20 }, (_, e) => 1.0 * Math.exp(-0.12 * e));
    const val = Array.from({ length: 20 }, (_, e) => 0.5 + 0.004 * (e - 8) ** 2);
    const runs = history(train, val, (e) => ({ trainAccuracy: 0.7 + e * 0.015, valAccuracy: 0.8 }));
    const found = diagnose(runs, { numClasses: 3 });
    expect(kinds(found)).toEqual(['overfitting']);
    const [d] = found;
    expect(d.severity).toBe('warning');
    expect(d.sinceEpoch).toBe(8);
    expect(d.message).toMatch(/lowest at epoch 8/);
    expect(d.message).toMatch(/gap is now 0\.8/);
    expect(d.message).toMatch(/98\.5% against 80%/);
    expect(d.suggestions.join(' ')).toMatch(/dropout/);
    expect(d.suggestions.join(' ')).toMatch(/L2/);
    expect(d.suggestions.join(' ')).toMatch(/more training data/);
    expect(d.suggestions.join(' ')).toMatch(/early stopping.*epoch 8/);
  });

  it('does not call overfitting when validation rises only briefly', () => {
    const train = Array.from({ length: 12 }, (_, e) => 1.0 * Math.exp(-0.12 * e));
    const val = [...Array.from({ length: 10 }, (_, e) => 1 - 0.05 * e), 0.6, 0.62];
    expect(kinds(diagnose(history(train, val)))).not.toContain('overfitting');
  });

  it('detects underfitting against chance level', () => {
    const train = [2.32, 2.25, 2.2, 2.18, 2.17, 2.17, 2.165, 2.165];
    const val = [2.3, 2.24, 2.21, 2.19, 2.18, 2.18, 2.18, 2.18];
    const found = diagnose(history(train, val, () => ({ trainAccuracy: 0.18 })), { numClasses: 10 });
    expect(kinds(found)).toEqual(['underfitting']);
    expect(found[0].message).toMatch(/2\.3 of guessing among 10 classes/);
    expect(found[0].message).toMatch(/training accuracy 18%/);
    const advice = found[0].suggestions.join(' ');
    expect(advice).toMatch(/bigger model/);
    expect(advice).toMatch(/regularization/);
    expect(advice).toMatch(/more epochs/);
    expect(advice).toMatch(/Raise the learning rate/);
  });

  it('detects underfitting against the first epoch when chance is unknown', () => {
    const train = [1.0, 0.97, 0.95, 0.95, 0.945, 0.945, 0.944, 0.944];
    expect(kinds(diagnose(history(train)))).toEqual(['underfitting']);
    expect(kinds(diagnose(history(train), { baselineLoss: 1 }))).toEqual(['underfitting']);
  });

  it('reports a plateau, not underfitting, when a fast learner levels off low', () => {
    // Regression that learned most in its first epoch: flat, but far below where it started.
    const found = diagnose(history([0.05, 0.03, 0.025, 0.0249, 0.0248, 0.0248, 0.0248, 0.0247]));
    expect(kinds(found)).toEqual(['plateau']);
    expect(found[0].severity).toBe('info');
    expect(found[0].sinceEpoch).toBe(5);
  });

  it('detects a non-finite loss as divergence, naming the epoch', () => {
    const found = diagnose(history([1, 0.8, 0.7, NaN, NaN]));
    expect(found[0]).toMatchObject({ kind: 'diverging', severity: 'error', sinceEpoch: 3 });
    expect(found[0].message).toMatch(/training loss became NaN or infinite at epoch 3/);
    expect(found[0].suggestions.join(' ')).toMatch(/Lower the learning rate/);
    expect(found[0].suggestions.join(' ')).toMatch(/clipping/);
    expect(found[0].suggestions.join(' ')).toMatch(/batch normalization/);
    expect(kinds(diagnose(history([1, 0.8], [1, Infinity])))).toEqual(['diverging']);
  });

  it('detects non-finite weights as divergence, naming the layer', () => {
    const runs = history([1, 0.8, 0.7], undefined, (e) => ({ weightNorms: { fc1: 3, fc2: e === 2 ? NaN : 2 } }));
    expect(diagnose(runs)[0]).toMatchObject({ kind: 'diverging', severity: 'error', layer: 'fc2', sinceEpoch: 2 });
  });

  it('detects a growing training loss: a warning when mild, an error when it doubles', () => {
    const mild = diagnose(history([0.5, 0.45, 0.4, 0.42, 0.45, 0.5]));
    expect(mild[0]).toMatchObject({ kind: 'diverging', severity: 'warning', sinceEpoch: 3 });
    const severe = diagnose(history([1, 0.8, 0.7, 0.9, 1.4, 2.5]));
    expect(severe[0]).toMatchObject({ kind: 'diverging', severity: 'error' });
    expect(severe[0].message).toMatch(/from 0\.7 at epoch 2 to 2\.5/);
    expect(kinds(severe)).not.toContain('overfitting');
  });

  it('detects vanishing gradients in a layer far below the others', () => {
    const runs = history([2.3, 2.2, 2.1, 2.0], undefined, () => ({ gradNorms: { conv1: 2e-6, conv2: 0.05, fc: 0.3 } }));
    const found = diagnose(runs);
    const d = found.find((x) => x.kind === 'vanishing-gradients')!;
    expect(d).toMatchObject({ severity: 'warning', layer: 'conv1', sinceEpoch: 0 });
    expect(d.message).toMatch(/conv1 has a gradient norm of 0\.000002/);
    expect(d.suggestions.join(' ')).toMatch(/ReLU/);
  });

  it('names a layer with exactly zero gradient, from the epoch it died', () => {
    const runs = history([2.3, 2.2, 2.1, 2.0], undefined, (e) => ({ gradNorms: { fc1: e >= 2 ? 0 : 0.1, fc2: 0.2 } }));
    const d = diagnose(runs).find((x) => x.kind === 'vanishing-gradients')!;
    expect(d).toMatchObject({ layer: 'fc1', sinceEpoch: 2 });
    expect(d.message).toMatch(/no gradient at all/);
  });

  it('says nothing of vanishing gradients once the loss has fallen a thousandfold: the data is fitted', () => {
    const solved = history([0.7, 0.1, 1e-4, 1e-9, 1e-11], undefined, () => ({ gradNorms: { dense1: 1e-10, dense2: 1e-6 } }));
    expect(kinds(diagnose(solved))).not.toContain('vanishing-gradients');
    const stuck = history([0.7, 0.69, 0.69, 0.69, 0.69], undefined, () => ({ gradNorms: { dense1: 1e-10, dense2: 1e-6 } }));
    expect(kinds(diagnose(stuck))).toContain('vanishing-gradients');
  });

  it('ignores a single-epoch dip in one layer and ordinary differences between layers', () => {
    const dip = history([2.3, 2.2, 2.1, 2.0], undefined, (e) => ({ gradNorms: { fc1: e === 1 ? 1e-9 : 0.1, fc2: 0.2 } }));
    expect(kinds(diagnose(dip))).not.toContain('vanishing-gradients');
    const ordinary = history([2.3, 2.2, 2.1, 2.0], undefined, () => ({ gradNorms: { fc1: 0.001, fc2: 0.2, fc3: 1.5 } }));
    expect(kinds(diagnose(ordinary))).not.toContain('vanishing-gradients');
  });

  it('detects exploding gradients, naming the fastest-growing layer', () => {
    const totals = [0.5, 0.6, 0.4, 5, 60];
    const runs = history([1, 0.9, 0.85, 0.9, 1.1], undefined, (e) => ({ gradNorms: { fc1: 0.01, fc2: totals[e] } }));
    const d = diagnose(runs).find((x) => x.kind === 'exploding-gradients')!;
    expect(d).toMatchObject({ severity: 'warning', layer: 'fc2', sinceEpoch: 3 });
    expect(d.message).toMatch(/grew 150x/);
    expect(d.suggestions.join(' ')).toMatch(/clipping/);
  });

  it('reports a non-finite gradient norm as an error', () => {
    const runs = history([1, 0.9], undefined, (e) => ({ gradNorms: { fc1: 0.1, fc2: e === 1 ? Infinity : 0.2 } }));
    expect(diagnose(runs).find((x) => x.kind === 'exploding-gradients')).toMatchObject({ severity: 'error', layer: 'fc2', sinceEpoch: 1 });
  });

  it('does not flag shrinking gradients, nor a quick rise from tiny starting gradients', () => {
    const shrinking = history([2, 1.5, 1.2, 1.0], undefined, (e) => ({ gradNorms: { fc1: 2 / (e + 1), fc2: 1 / (e + 1) } }));
    expect(kinds(diagnose(shrinking))).toEqual(['healthy']);
    const warmingUp = history([2, 1.5, 1.2, 1.0], undefined, (e) => ({ gradNorms: { fc: [0.5, 0.05, 0.6, 0.55][e] } }));
    expect(kinds(diagnose(warmingUp))).not.toContain('exploding-gradients');
  });
});

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
    expect(nonFiniteLossMessage({ epoch: 1, step: 9, lr: 0.001, gradNorm: NaN, optimizer: 'adamw' })).toMatch(/exploding gradients/);
  });
});
