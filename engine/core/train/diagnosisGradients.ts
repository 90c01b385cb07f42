// Verdicts read from the per-layer gradient norms of each epoch: gradients that overflowed, grew by orders of
// magnitude (exploding), or all but vanished in one layer while the network still has something to learn.
import { argMin, median, round4 } from './diagnosisMath';
import { reference, type Finding } from './diagnosisLoss';
import type { RunSetup } from './diagnosisSetup';
import type { DiagnosisThresholds } from './diagnosisThresholds';
import type { EpochRecord } from './diagnose';

function withGradients(history: readonly EpochRecord[]): { epochs: EpochRecord[]; layers: string[] } {
  const epochs = history.filter((r) => r.gradNorms && Object.keys(r.gradNorms).length > 0);
  const layers = epochs.length > 0 ? Object.keys(epochs[epochs.length - 1].gradNorms!) : [];
  return { epochs, layers };
}

export function nonFiniteGradients(history: readonly EpochRecord[]): Finding | null {
  for (const record of withGradients(history).epochs) {
    for (const [layer, norm] of Object.entries(record.gradNorms!)) {
      if (!Number.isFinite(norm))
        return { code: 'non-finite-gradients', severity: 'error', params: { epoch: record.epoch, layer } };
    }
  }
  return null;
}

export function explodingGradients(history: readonly EpochRecord[], th: DiagnosisThresholds): Finding | null {
  const { epochs, layers } = withGradients(history);
  if (epochs.length < 2) return null;
  // (epochs,) total L2 norm over layers
  const totals = epochs.map((r) => Math.sqrt(Object.values(r.gradNorms!).reduce((s, g) => s + g * g, 0)));
  const last = totals.length - 1;
  const smallest = argMin(totals, last);
  // Growth counts only where the norm is also above where training started. Some networks (e.g. a zero-initialized
  // last layer) start with tiny gradients that grow quickly and harmlessly in the first epochs; and a fitted
  // network's gradient is tiny for want of anything to learn, near zero in an epoch that classifies every sample
  // (3.8e-9 on spirals), so against that low any ordinary epoch after it is a growth of a million times.
  const aboveStart = totals[last] > totals[0];
  const growth = totals[smallest] > 0 && aboveStart ? totals[last] / totals[smallest] : 0;
  const lastStep = totals[last - 1] > 0 && aboveStart ? totals[last] / totals[last - 1] : 0;
  if (!(growth >= th.explodingGrowth || lastStep >= th.explodingGrowthPerEpoch)) return null;
  const from = lastStep >= th.explodingGrowthPerEpoch && growth < th.explodingGrowth ? last - 1 : smallest;
  // Name the layer whose gradient grew the most over the same span.
  let layer = layers[0];
  let worst = 0;
  for (const name of layers) {
    const before = epochs[from].gradNorms![name];
    const ratio = epochs[last].gradNorms![name] / (before > 0 ? before : Number.MIN_VALUE);
    if (ratio > worst) {
      worst = ratio;
      layer = name;
    }
  }
  return {
    code: 'exploding-gradients',
    severity: 'warning',
    params: {
      layer,
      fromEpoch: epochs[from].epoch,
      fromNorm: round4(totals[from]),
      toEpoch: epochs[last].epoch,
      toNorm: round4(totals[last]),
      factor: round4(totals[last] / totals[from]),
    },
  };
}

export function vanishingGradients(
  history: readonly EpochRecord[],
  setup: RunSetup,
  th: DiagnosisThresholds,
): Finding | null {
  const { epochs, layers } = withGradients(history);
  if (epochs.length === 0) return null;
  const first = history[0].trainLoss;
  const lastLoss = history[history.length - 1].trainLoss;
  // A fitted network's gradients are tiny for want of anything to learn, not because they fail to reach a layer:
  // a loss fallen a thousandfold, or at the level the curve's shape calls converged against guessing or the mean
  // (spirals at 0.0108, 1.2 % of chance but only 60 times below its first epoch: every layer's norm near 1e-27).
  if (first > 0 && lastLoss >= 0 && lastLoss < first * th.solvedLossFall) return null;
  const ref = reference(history, setup, th);
  if (ref.kind !== 'first-epoch' && lastLoss >= 0 && lastLoss <= th.convergedFraction * ref.value) return null;
  const recent = epochs.slice(-Math.max(1, Math.round(th.vanishingEpochs)));
  const isVanishing = (record: EpochRecord, layer: string): boolean => {
    const norms = record.gradNorms!;
    const norm = norms[layer];
    if (!(norm !== undefined && Number.isFinite(norm))) return false;
    if (norm <= th.vanishingAbsolute) return true;
    const others = Object.entries(norms)
      .filter(([name, g]) => name !== layer && Number.isFinite(g))
      .map(([, g]) => g);
    return others.length > 0 && norm < median(others) * th.vanishingRatio;
  };
  const flagged = layers.filter((layer) => recent.every((r) => isVanishing(r, layer)));
  if (flagged.length === 0) return null;
  const layer = flagged[0];
  let start = epochs.length - 1;
  while (start > 0 && isVanishing(epochs[start - 1], layer)) start--;
  return {
    code: 'vanishing-gradients',
    severity: 'warning',
    params: {
      layer,
      norm: round4(epochs[epochs.length - 1].gradNorms![layer]),
      sinceEpoch: epochs[start].epoch,
      alsoAffected: flagged.slice(1).join(', '),
    },
  };
}
