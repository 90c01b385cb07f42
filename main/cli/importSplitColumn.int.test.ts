// `netwright import FILE.csv --split-column COLUMN`: the rows go to the splits the column names, the output says
// so, `train --data FILE.csv` takes the same flag, and the flag is refused for an image folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-cli-split-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('netwright import --split-column', () => {
  it("takes each row's split from the named column", () => {
    const csv = join(home, 'folds.csv');
    const words = ['train', 'train', 'val', 'test', 'train', 'dev', 'train', 'holdout'];
    writeFileSync(csv, ['x,fold,label', ...words.map((w, r) => `${r},${w},${r % 2 ? 'b' : 'a'}`)].join('\n'));
    const json = netwright(home, ['import', csv, '--label', 'label', '--split-column', 'fold', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const [{ manifest }] = jsonLines(json.stdout);
    expect(manifest.split).toMatchObject({ column: 'fold', counts: { train: 4, validation: 2, test: 2 } });
    expect(manifest.featureNames).toEqual(['x']);
    const text = netwright(home, [
      'import',
      csv,
      '--label',
      'label',
      '--split-column',
      'fold',
      '--name',
      'folds again',
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain("split: 4 train / 2 validation / 2 test (from column 'fold')");
  });

  it('works with train --data FILE.csv, which imports the file with that split', () => {
    const csv = join(home, 'train-folds.csv');
    const words = ['train', 'test', 'train', 'train', 'val', 'train', 'train', 'test', 'train', 'train'];
    writeFileSync(csv, ['x,split,label', ...words.map((w, r) => `${r},${w},${r % 2 ? 'b' : 'a'}`)].join('\n'));
    const result = netwright(home, [
      'train',
      '--data',
      csv,
      '--label',
      'label',
      '--split-column',
      'split',
      '--epochs',
      '1',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(jsonLines(result.stdout).at(-1)!.split).toEqual({ train: 7, validation: 1, test: 2 });
  });

  it('is refused for an image folder', () => {
    const folder = join(home, 'images');
    mkdirSync(join(folder, 'cats'), { recursive: true });
    const result = netwright(home, ['import', folder, '--image-size', '8x8', '--split-column', 'split']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--split-column is for CSV tables');
  });
});
