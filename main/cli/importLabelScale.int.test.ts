// A CSV regression label far from ±1 (house prices) through the command line: imported standardized by default and
// said so, trained with plain SGD without diverging, and predicted in the label's units; `--label-scale keep` keeps
// it (and says how large it is), and a wrong choice is refused by name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-cli-label-scale-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

// price = 100,000 + 2,000 per square metre over 10 to 150 m², plus a little noise.
const rows = Array.from({ length: 200 }, (_, i) => {
  const area = 10 + ((i * 7) % 141);
  return `${area},${100_000 + 2_000 * area + ((i * 7919) % 11) * 100}`;
});
const csv = join(home, 'houses.csv');
writeFileSync(csv, ['area,price', ...rows].join('\n'));

describe('netwright import, a regression label far from ±1', () => {
  it('standardizes it by default, trains with SGD, and predicts prices', () => {
    const imported = netwright(home, ['import', csv, '--label', 'price', '--task', 'regression', '--name', 'houses']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain("the label 'price' is");
    expect(imported.stderr).toContain('the model learns it standardized');
    const trained = netwright(home, [
      'train',
      '--data',
      'houses',
      '--optimizer',
      'sgd',
      '--lr',
      '0.01',
      '--epochs',
      '30',
      '--json',
    ]);
    expect(trained.status, trained.stderr).toBe(0);
    const summary = jsonLines(trained.stdout).at(-1)!;
    expect(summary.status).toBe('completed');
    const query = join(home, 'query.csv');
    writeFileSync(query, 'area\n20\n140\n');
    const predicted = netwright(home, ['predict', summary.runId, query, '--json']);
    expect(predicted.status, predicted.stderr).toBe(0);
    const [small, large] = jsonLines(predicted.stdout).map((l) => Number(l.predicted));
    expect(Math.abs(small - 140_000)).toBeLessThan(30_000);
    expect(Math.abs(large - 380_000)).toBeLessThan(30_000);

    // Exported to ONNX (in prices) and imported back: the imported run predicts the same prices.
    const onnx = join(home, 'houses.onnx');
    const exported = netwright(home, ['export', summary.runId, '--format', 'onnx', '--out', onnx]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout + exported.stderr).toContain("the model's outputs are in the label's units");
    const back = netwright(home, ['import', onnx, '--json']);
    expect(back.status, back.stderr).toBe(0);
    const { runId, report } = JSON.parse(back.stdout);
    expect(report.unsupported).toEqual([]);
    const again = netwright(home, ['predict', runId, query, '--columns', 'area', '--json']);
    expect(again.status, again.stderr).toBe(0);
    const prices = jsonLines(again.stdout)
      .filter((l) => l.type === 'prediction')
      .map((l) => Number(l.predicted));
    expect(prices[0]).toBeCloseTo(small, -1);
    expect(prices[1]).toBeCloseTo(large, -1);
  });

  it('keeps it with --label-scale keep, and refuses a choice it does not know', () => {
    const kept = netwright(home, ['import', csv, '--label', 'price', '--label-scale', 'keep', '--json']);
    expect(kept.status, kept.stderr).toBe(0);
    const [{ manifest, summary }] = jsonLines(kept.stdout);
    expect(manifest.targetNormalization).toBeNull();
    expect(summary.notices.map((n: { code: string }) => n.code)).toContain('csv-label-large');
    const wrong = netwright(home, ['import', csv, '--label', 'price', '--label-scale', 'maybe']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('label-scale');
  });
});
