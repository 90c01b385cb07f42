// The command line end to end: a sample trains and is recorded, runs are named by id prefix or name, and
// mistakes are one-line errors (exit code 1) or usage errors (exit code 2).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('netwright train', () => {
  it('trains an MLP on the spirals sample, printing one JSON line per epoch and a summary', () => {
    const result = netwright(home, ['train', '--sample', 'spirals', '--epochs', '30', '--lr', '0.01', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.filter((l) => l.type === 'epoch')).toHaveLength(30);
    const summary = lines.at(-1)!;
    expect(summary.type).toBe('summary');
    expect(summary.status).toBe('completed');
    expect(summary.split.train + summary.split.validation + summary.split.test).toBe(900);
    expect(summary.best.test.accuracy).toBeGreaterThan(0.9);
    expect(existsSync(summary.checkpoint)).toBe(true);
  });

  it('prints progress and a text summary without --json', () => {
    const result = netwright(home, [
      'train',
      '--sample',
      'two-moons',
      '--epochs',
      '2',
      '--name',
      'moons text',
      '--schedule',
      'cosine',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('epoch 2/2');
    expect(result.stdout).toMatch(/^run [0-9a-f]{8} 'moons text' completed: 2 of 2 epochs/);
    expect(result.stdout).toContain("dataset 'two-moons': 500 rows (350 train / 75 validation / 75 test)");
  });

  it('trains the model `samples` lists beside a sample (the dropout demo on dropout-curve), unless --model says', () => {
    const listed = netwright(home, ['samples'])
      .stdout.split('\n')
      .find((l) => l.startsWith('dropout-curve '));
    expect(listed).toContain('dropout-demo');
    const result = netwright(home, ['train', '--sample', 'dropout-curve', '--epochs', '1', '--threads', '1']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("training dropout-demo on 'dropout-curve'");
    const chosen = netwright(home, ['train', '--sample', 'dropout-curve', '--model', 'mlp', '--epochs', '1']);
    expect(chosen.stderr).toContain("training mlp on 'dropout-curve'");
  });

  it('lists the samples in Chinese too: their tasks and descriptions, the columns lined up', () => {
    const lines = netwright(home, ['samples'], { NETWRIGHT_LANG: 'zh' }).stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^spirals +分类 +mlp +三条交错的二维螺旋线/);
    expect(lines.find((l) => l.startsWith('noisy-curve '))).toContain('回归');
    // The template column starts at the same place on every line, however wide the task words are.
    const column = (line: string) =>
      line.indexOf(line.includes('dropout-demo') ? 'dropout-demo' : line.includes('lenet') ? 'lenet' : 'mlp');
    expect(new Set(lines.map(column)).size).toBe(1);
  });

  it('refuses an unknown sample with the list of samples', () => {
    const result = netwright(home, ['train', '--sample', 'mnist']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no sample dataset 'mnist'");
    expect(result.stderr).toContain('spirals');
  });

  it('treats unknown options and bad values as usage errors with exit code 2, before recording a run', () => {
    const runCount = () => jsonLines(netwright(home, ['runs', '--json']).stdout).length;
    const before = runCount();
    const unknown = netwright(home, ['train', '--sample', 'spirals', '--epoch', '3']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^netwright: unknown option --epoch\nusage: netwright train/);
    const bad = netwright(home, ['train', '--sample', 'spirals', '--schedule', 'multistep']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--milestones');
    // A value out of its setting's range is the command's mistake too: named by its option, not by the setting's
    // internal name (optimizer.lr), and a negative penalty is refused rather than dropped.
    const high = netwright(home, ['train', '--sample', 'spirals', '--lr', '100']);
    expect(high.status).toBe(2);
    expect(high.stderr).toContain('netwright: --lr must be a number above 0 and at most 10, got 100');
    const negative = netwright(home, ['train', '--sample', 'spirals', '--l2', '-1']);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain('--l2 must be 0 or more, got -1');
    const zh = netwright(home, ['train', '--sample', 'spirals', '--batch-size', '100000'], { NETWRIGHT_LANG: 'zh' });
    expect(zh.stderr).toContain('--batch-size 必须是不小于 1 且不大于 65536 的整数，收到的是 100000');
    expect(runCount()).toBe(before);
  });
});

describe('naming a run', () => {
  it('finds a run by its name or an id prefix, and lists the candidates of an ambiguous name', () => {
    const runs = jsonLines(netwright(home, ['runs', '--json']).stdout);
    const moons = runs.find((r) => r.name === 'moons text')!;
    const byPrefix = jsonLines(netwright(home, ['evaluate', moons.id.slice(0, 5), '--json']).stdout)[0];
    expect(byPrefix.runId).toBe(moons.id);
    const byName = jsonLines(netwright(home, ['evaluate', 'moons text', '--json']).stdout)[0];
    expect(byName.runId).toBe(moons.id);

    expect(netwright(home, ['train', '--sample', 'two-moons', '--epochs', '1', '--name', 'moons text']).status).toBe(0);
    const ambiguous = netwright(home, ['evaluate', 'moons text']);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/^netwright: the name 'moons text' matches 2 runs: /);
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says so when no run matches', () => {
    const result = netwright(home, ['export', 'zzzz-no-such-run', '--format', 'onnx']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no run 'zzzz-no-such-run'");
  });
});

describe('netwright import', () => {
  it('names the file and line of a ragged row, and leaves no dataset behind', () => {
    const csv = join(home, 'ragged.csv');
    writeFileSync(csv, 'x,y,label\n1,2,a\n3,4\n5,6,b\n');
    const datasets = () => (existsSync(join(home, 'datasets')) ? readdirSync(join(home, 'datasets')) : []);
    const before = datasets();
    const result = netwright(home, ['import', csv, '--label', 'label']);
    expect(datasets()).toEqual(before);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ragged.csv');
    expect(result.stderr).toContain('line 3');
  });
});
