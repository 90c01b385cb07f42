// The sample files shipped in resources/samples are exactly what the generators produce (no drift).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCsv, SAMPLE_TABLES } from './sampleFiles';
import { SAMPLE_DATASETS } from './samples';

const samples = join(__dirname, '..', '..', '..', 'resources', 'samples');

describe('shipped sample datasets', () => {
  it.each(SAMPLE_TABLES.map((n) => [n]))('%s.csv matches its generator', (name) => {
    expect(readFileSync(join(samples, `${name}.csv`), 'utf8')).toBe(sampleCsv(name));
  });

  it('the shapes folder has one sub-folder per class with 60 PNG images each', () => {
    const classes = readdirSync(join(samples, 'shapes')).sort();
    expect(classes).toEqual([...SAMPLE_DATASETS.shapes().classNames!].sort());
    for (const c of classes)
      expect(readdirSync(join(samples, 'shapes', c)).filter((f) => f.endsWith('.png'))).toHaveLength(60);
  });

  it('every sample is deterministic and labelled', () => {
    for (const make of Object.values(SAMPLE_DATASETS)) {
      const a = make();
      const b = make();
      expect(Buffer.compare(Buffer.from(a.features.buffer), Buffer.from(b.features.buffer))).toBe(0);
      expect(a.labels ?? a.targets).toBeDefined();
    }
  });
});
