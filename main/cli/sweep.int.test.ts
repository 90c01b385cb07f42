// `netwright sweep` end to end: a grid of 2 learning rates × 2 seeds on the spirals sample stored as a group with a
// table of mean ± std across seeds, a refused sweep that stores nothing, and a sweep whose command is killed mid-group
// going on with `sweep --continue` (the cut-off run from its checkpoint, the queued ones from the start).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../services/store';
import { exited, netwright, startNetwright, until } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-sweep-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Reads the store without recovering anything (another process may own runs in it). */
function readStore<T>(read: (store: ReturnType<typeof openStore>) => T): T {
  const store = openStore(join(home, 'studio.sqlite'), { recoverInterruptedRuns: false });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

describe('netwright sweep', () => {
  it('trains 2 learning rates × 2 seeds as a group and reports mean ± std per learning rate', () => {
    const args = ['sweep', '--sample', 'spirals', '--grid', 'lr=0.03,0.003', '--seeds', '2', '--epochs', '4'];
    const result = netwright(home, [...args, '--name', 'lr grid', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      type: 'group',
      name: 'lr grid',
      kind: 'grid',
      status: 'completed',
      metric: 'val_accuracy',
    });
    expect(
      report.runs.map((r: { status: string; seed: number; assignment: object }) => [r.status, r.seed, r.assignment]),
    ).toEqual([
      ['completed', 42, { lr: 0.03 }],
      ['completed', 43, { lr: 0.03 }],
      ['completed', 42, { lr: 0.003 }],
      ['completed', 43, { lr: 0.003 }],
    ]);
    expect(report.combinations).toHaveLength(2);
    const [fast] = report.combinations;
    const accuracies = report.runs
      .slice(0, 2)
      .map((r: { finalMetrics: { val_accuracy: number } }) => r.finalMetrics.val_accuracy);
    expect(fast.completed).toBe(2);
    expect(fast.final.val_accuracy.mean).toBeCloseTo((accuracies[0] + accuracies[1]) / 2, 12);
    expect(fast.final.val_accuracy.std).toBeCloseTo(Math.abs(accuracies[0] - accuracies[1]) / Math.SQRT2, 12);

    // Stored as a group: the runs know it, and `netwright runs --group` lists them in queue order.
    const stored = readStore((store) => store.groups.listGroups().find((g) => g.name === 'lr grid')!);
    expect(stored).toMatchObject({ kind: 'grid', status: 'completed', plan: { kind: 'grid', seeds: 2 } });
    const listed = netwright(home, ['runs', '--group', 'lr grid', '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.group.id)).toEqual([stored.id, stored.id, stored.id, stored.id]);
    expect(lines.map((l) => l.id)).toEqual(report.runs.map((r: { id: string }) => r.id));

    const text = netwright(home, [...args, '--epochs', '2']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^LR\s+RUNS\s+VAL LOSS \(BEST\)\s+VAL ACCURACY \(FINAL\)$/m);
    expect(text.stdout).toMatch(/^0\.03\s+2\/2\s+\d\.\d{4} ± \d\.\d{4}\s+\d\.\d{4} ± \d\.\d{4}$/m);
  });

  it('refuses a sweep with a value that cannot train, naming the setting, and stores nothing', () => {
    const before = readStore((store) => [store.groups.listGroups().length, store.runs.listRuns().length]);
    const result = netwright(home, ['sweep', '--sample', 'spirals', '--grid', 'batch=32,0', '--epochs', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the setting batch = 0 cannot train/);
    expect(readStore((store) => [store.groups.listGroups().length, store.runs.listRuns().length])).toEqual(before);
    const usage = netwright(home, ['sweep', '--sample', 'spirals', '--grid', 'momentum=0.9']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/'momentum' is not a setting a sweep can vary/);
  });

  it('killed mid-group, the group goes on with --continue: the cut-off run from its checkpoint, the rest from the start', async () => {
    const epochs = 200;
    const cli = startNetwright(home, [
      'sweep',
      '--sample',
      'spirals',
      '--seeds',
      '3',
      '--epochs',
      String(epochs),
      '--name',
      'killed group',
      '--threads',
      '1',
      '--json',
    ]);
    const group = () => readStore((store) => store.groups.listGroups().find((g) => g.name === 'killed group'));
    const runs = () =>
      readStore((store) => {
        const found = store.groups.listGroups().find((g) => g.name === 'killed group');
        return found ? store.runs.listRuns({ groupId: found.id, sortBy: 'groupPosition', order: 'asc' }) : [];
      });
    const epochsOf = (runId: string) => readStore((store) => store.metrics.listEpochs(runId).map((e) => e.epoch));
    // Kill once the first run has finished and the second has recorded some epochs.
    await until(() => {
      const [first, second] = runs();
      return first?.status === 'completed' && second !== undefined && epochsOf(second.id).length >= 1;
    });
    cli.kill('SIGKILL');
    await exited(cli);
    const { id } = group()!;
    expect(group()!.status).toBe('running');
    // Any command opening the store recovers the cut-off run; the group's queued run stays queued for the group.
    const listed = netwright(home, ['runs', '--group', id, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).status),
    ).toEqual(['completed', 'interrupted', 'queued']);

    const continued = netwright(home, ['sweep', '--continue', id.slice(0, 8), '--json']);
    expect(continued.status, continued.stderr).toBe(0);
    const report = JSON.parse(continued.stdout);
    expect(report).toMatchObject({ id, status: 'completed' });
    expect(report.runs.map((r: { status: string; seed: number }) => [r.status, r.seed])).toEqual([
      ['completed', 42],
      ['completed', 43],
      ['completed', 44],
    ]);
    const all = Array.from({ length: epochs }, (_, i) => i + 1);
    for (const run of runs()) expect(epochsOf(run.id)).toEqual(all);
  });
});
