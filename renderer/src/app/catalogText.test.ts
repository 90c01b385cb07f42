// Every sample and template the services offer is described in both languages; one the table does not know keeps
// the service's English description.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../engine/core/spec/templates';
import { catalogMessages, describedIn } from './catalogText';

/** The samples resources/ ships (a CSV file or an image folder each). */
const SAMPLES = readdirSync(fileURLToPath(new URL('../../../resources/samples', import.meta.url))).map((file) => ({
  name: file.replace(/\.csv$/, ''),
}));

describe('catalog descriptions', () => {
  it('describe every sample and template in English and Chinese', () => {
    expect(SAMPLES.length).toBeGreaterThan(5);
    const zh = catalogMessages['zh-CN'];
    for (const sample of SAMPLES)
      expect(describedIn(zh, `sample:${sample.name}`, 'missing'), sample.name).not.toBe('missing');
    for (const template of TEMPLATES)
      expect(describedIn(zh, `template:${template.name}`, 'missing'), template.name).not.toBe('missing');
  });

  it('fall back to the service’s words for an unknown one', () => {
    expect(describedIn(catalogMessages.en, 'sample:mnist', 'Handwritten digits.')).toBe('Handwritten digits.');
    expect(describedIn(catalogMessages.en, 'toString', 'x')).toBe('x');
  });
});
