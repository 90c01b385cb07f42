import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { labelScaleOf } from './labelScale';
import { trainMessages } from './messages';

const manifest = (extra: Partial<DatasetManifest>) => ({
  manifest: { task: 'regression', ...extra } as DatasetManifest,
});

describe('labelScaleOf', () => {
  it('words a standardized label with grouped, four-digit statistics', () => {
    const scale = labelScaleOf(
      manifest({ targetNames: ['price'], targetNormalization: { mean: [130_012.4], std: [22_360.68] } }),
    );
    expect(scale).toEqual({ label: 'price', mean: '130,000', std: '22,360' });
    for (const words of Object.values(trainMessages))
      expect(words.lossOnStandardizedLabel).toMatch(/\{label\}.*\{mean\}.*\{std\}/);
  });

  it('says nothing for a label learned as it is, classes, or no dataset', () => {
    expect(labelScaleOf(manifest({ targetNames: ['y'] }))).toBeNull();
    expect(labelScaleOf(manifest({ targetNormalization: null }))).toBeNull();
    expect(
      labelScaleOf({
        manifest: { task: 'classification', targetNormalization: { mean: [1], std: [1] } } as DatasetManifest,
      }),
    ).toBeNull();
    expect(labelScaleOf(null)).toBeNull();
  });
});
