// What the loss chart says when the model learns its regression label standardized (the dataset's
// targetNormalization): the label and its training mean and spread, as words fill them.
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { targetScaleOf } from '../../../engine/core/data/targetNormalization';

export interface LabelScale {
  label: string;
  mean: string;
  std: string;
}

/** Four significant digits, thousands grouped: 130,000 and 22,360 rather than 130000 and 22360.68. */
const shown = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 20 });

/** The first target's standardization (a CSV import has one label), or null when the label is learned as it is. */
export function labelScaleOf(dataset: { manifest: DatasetManifest } | null | undefined): LabelScale | null {
  const manifest = dataset?.manifest;
  const scale = manifest?.task === 'regression' ? manifest.targetNormalization : null;
  if (!scale || scale.mean.length === 0) return null;
  return {
    label: manifest!.targetNames?.[0] ?? 'y',
    mean: shown(scale.mean[0]),
    std: shown(targetScaleOf(scale.std[0])),
  };
}
