// The table samples as CSV text (header, then one row per sample, label column last, then the split where the
// sample fixes it): what the studio ships in resources/samples and what the importer reads back.
import { SAMPLE_DATASETS, type SampleName } from './samples';

export const SAMPLE_TABLES = [
  'spirals',
  'two-moons',
  'noisy-curve',
  'noisy-curve-small',
  'dropout-curve',
] as const satisfies readonly SampleName[];

/** Six significant digits keep the files small; the importer reads them back as float32. */
const number = (v: number) => String(Number(v.toPrecision(6)));

export function sampleCsv(name: (typeof SAMPLE_TABLES)[number]): string {
  const data = SAMPLE_DATASETS[name]();
  const width = data.featureShape[0];
  const labelName = data.task === 'classification' ? 'label' : data.targetNames![0];
  const lines = [[...data.featureNames!, labelName, ...(data.splits ? ['split'] : [])].join(',')];
  const count = data.features.length / width;
  for (let i = 0; i < count; i++) {
    const row = Array.from(data.features.subarray(i * width, (i + 1) * width), number);
    row.push(data.labels ? data.classNames![data.labels[i]] : number(data.targets![i]));
    if (data.splits) row.push(data.splits[i]);
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
