// Quote-free lines are read in place (plain numbers parsed without a string per cell); lines with quotes go through
// the record path. Both must write the same dataset: the same table with every cell quoted is the control.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../../engine/core/data/dataset';
import { Rng } from '../../../engine/core/rng';
import { importCsv, type CsvImportRequest, type MissingPolicy } from './index';
import { tempFolder, type TempFolder } from './testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

/** Cells of every kind the fast path must hand over or read right: plain, signed, decimal, exponent, padded, missing. */
function table(rows: number, seed: number): string[][] {
  const rng = new Rng(seed);
  const numberCell = () => {
    const r = rng.uniform();
    if (r < 0.05) return '';
    if (r < 0.08) return 'NA';
    if (r < 0.12) return ` ${rng.int(100)} `;
    if (r < 0.16) return `${rng.int(9) + 1}e-2`;
    if (r < 0.2) return `-${(rng.uniform() * 50).toFixed(3)}`;
    if (r < 0.24) return `+${rng.int(7)}.`;
    if (r < 0.26) return '1234567890123456789'; // past 15 digits: not a plain number
    return String(rng.int(1000));
  };
  const out = [['x1', 'x2', 'colour', 'ignored', 'y', 'label']];
  for (let r = 0; r < rows; r++) {
    out.push([
      numberCell(),
      numberCell(),
      ['red', ' blue', 'green', 'NA'][rng.int(4)],
      `id-${r}`,
      (rng.uniform() * 10).toFixed(2),
      ['a', 'b', 'c'][rng.int(3)],
    ]);
  }
  return out;
}

const csvOf = (cells: string[][], quote: boolean) =>
  `${cells.map((row) => row.map((c) => (quote ? `"${c}"` : c)).join(',')).join('\n')}\n`;

async function files(
  name: string,
  content: string,
  options: Omit<CsvImportRequest, 'datasetsDir'>,
): Promise<Record<string, Buffer>> {
  const { folder } = await importCsv(temp.file(name, content), {
    datasetsDir: join(temp.dir, `datasets-${name}`),
    ...options,
  });
  const read = (file: string) => {
    try {
      return readFileSync(join(folder, file));
    } catch {
      return Buffer.alloc(0);
    }
  };
  return {
    features: read(DATASET_FILES.features),
    labels: read(DATASET_FILES.labels),
    targets: read(DATASET_FILES.targets),
    train: read(DATASET_FILES.split.train),
  };
}

describe('reading quote-free lines in place', () => {
  for (const missing of ['drop-row', 'fill-mean', 'fill-most-frequent'] as MissingPolicy[]) {
    for (const labelColumn of ['label', 'y']) {
      it(`writes the same dataset as the record path (${missing}, label '${labelColumn}')`, async () => {
        const cells = table(400, missing.length + labelColumn.length);
        const options = { labelColumn, missing, excludeColumns: ['ignored'] };
        const inPlace = await files('plain.csv', csvOf(cells, false), options);
        const records = await files('quoted.csv', csvOf(cells, true), options);
        expect(inPlace.features.length).toBeGreaterThan(0);
        for (const key of Object.keys(records)) expect(inPlace[key].equals(records[key]), key).toBe(true);
      });
    }
  }
});
