// The command line in Chinese, round 3: what the studio's services refuse (an export of a run with no checkpoint, a
// damaged database), a sweep refused before it starts, a checkpoint that does not load and the statuses in a list
// of runs one name matches are in Simplified Chinese with NETWRIGHT_LANG=zh, and the English they always were with
// NETWRIGHT_LANG=en.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../services/store';
import { homeLayout } from '../services/studio/layout';
import { netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-service-errors-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const zh = { NETWRIGHT_LANG: 'zh' };
const en = { NETWRIGHT_LANG: 'en' };
const out = join(home, 'model.onnx');

/** The one line a failed command prints, after checking it failed with exit code 1. */
function failure(args: string[], env: Record<string, string>): string {
  const result = netwright(home, args, env);
  expect(result.status, result.stderr).toBe(1);
  return result.stderr;
}

beforeAll(() => {
  const trained = netwright(home, ['train', '--sample', 'spirals', '--epochs', '1', '--threads', '1', '--name', 'a']);
  expect(trained.status, trained.stderr).toBe(0);
  // A second run named 'a' that never trained, as a run queued by a process that died before it started: no checkpoint.
  const store = openStore(homeLayout(home).database);
  try {
    const [run] = store.runs.listRuns();
    const untrained = store.runs.createRun({
      projectId: run.projectId,
      name: 'untrained',
      graph: store.runs.getRun(run.id).graph,
      trainConfig: store.runs.getRun(run.id).trainConfig,
      datasetId: run.datasetId,
    });
    store.runs.createRun({ ...store.runs.getRun(untrained.id), name: 'a', graphVersionId: null });
  } finally {
    store.close();
  }
});

describe("the services' refusals in Chinese", () => {
  it('says in Chinese that a run with no checkpoint cannot be exported, exit code 1', () => {
    const args = ['export', 'untrained', '--format', 'onnx', '--out', out];
    expect(failure(args, zh)).toBe("netwright: 运行 'untrained' 还没有检查点：导出前请至少训练一轮\n");
    expect(failure(args, en)).toBe(
      "netwright: run 'untrained' has no checkpoint yet: train at least one epoch before exporting\n",
    );
  });

  it('words a sweep refused before it starts in Chinese', () => {
    const args = ['sweep', '--sample', 'spirals', '--grid', 'dropout=0.1,0.2', '--epochs', '1', '--threads', '1'];
    expect(failure(args, zh)).toBe('netwright: 未开始：图中没有可扫描丢弃率的 Dropout 层。\n');
    expect(failure(args, en)).toBe(
      'netwright: the setting dropout sweeps the dropout rate, but the graph has no dropout layer\n',
    );
  });

  it("lists the runs a name matches with each run's status in Chinese", () => {
    const chinese = failure(['evaluate', 'a'], zh);
    expect(chinese).toMatch(/^netwright: 名称 'a' 对应 2 个运行：[0-9a-f]{8} 'a'（(已完成|已中断|排队中)，/);
    expect(chinese).not.toMatch(/completed|interrupted|queued/);
    expect(failure(['evaluate', 'a'], en)).toMatch(
      /^netwright: the name 'a' matches 2 runs: [0-9a-f]{8} 'a' \((completed|interrupted|queued), /,
    );
  });

  it('words a database that is not one in Chinese, naming the file', () => {
    const damaged = mkdtempSync(join(tmpdir(), 'netwright-damaged-'));
    try {
      writeFileSync(homeLayout(damaged).database, 'not a database, only words\n'.repeat(200));
      const run = (env: Record<string, string>) => netwright(damaged, ['runs'], env);
      const chinese = run(zh);
      expect(chinese.status).toBe(1);
      expect(chinese.stderr).toContain(`${homeLayout(damaged).database} 不是 Netwright 数据库，或者已损坏：`);
      expect(run(en).stderr).toContain(`${homeLayout(damaged).database} is not a Netwright database, or it is damaged`);
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });
});

describe('a checkpoint that does not load, in Chinese', () => {
  it('names the file and says it is no checkpoint, as the studio does', () => {
    const store = openStore(homeLayout(home).database);
    let file: string;
    try {
      const run = store.runs.listRuns().find((r) => r.name === 'a' && r.status === 'completed')!;
      file = store.checkpoints.latestCheckpoint(run.id, 'best')!.path;
      writeFileSync(file, 'these are not weights');
      writeFileSync(store.checkpoints.latestCheckpoint(run.id, 'last')!.path, 'nor are these');
      const args = ['export', run.id, '--format', 'onnx', '--out', out];
      expect(failure(args, zh)).toMatch(
        new RegExp(`^netwright: ${file.replace(/[.\\/]/g, '\\$&')} 不是可读取的检查点：`),
      );
      expect(failure(args, en)).toMatch(/ is not a readable checkpoint: /);
    } finally {
      store.close();
    }
  });
});
