// The command line in Chinese, round 2: with NETWRIGHT_LANG=zh a mistyped option, a command's --help, a run or file
// that does not exist, a CSV table without the label column, and what `predict` and `sweep` print are in Simplified
// Chinese (option names, placeholders and values as typed); with NETWRIGHT_LANG=en the English they always printed;
// the CSV that `predict` writes and `sweep --json` are the same in both.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-language-usage-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const zh = { NETWRIGHT_LANG: 'zh' };
const en = { NETWRIGHT_LANG: 'en' };

describe('usage mistakes and help in Chinese', () => {
  it('words a mistyped option and the usage after it in Chinese, exit code 2', () => {
    const result = netwright(home, ['train', '--sample', 'spirals', '--epoch', '3'], zh);
    expect(result.status).toBe(2);
    const [message, usage] = result.stderr.split('\n');
    expect(message).toBe('netwright: 未知选项 --epoch');
    expect(usage).toMatch(/^用法：netwright train \(--sample NAME \| --data FILE\.csv --label COLUMN/);
    expect(result.stderr).toContain('--from RUN 从该运行的权重');
    expect(result.stderr).toMatch(/^示例数据集：spirals, /m);
    expect(result.stdout).toBe('');

    const english = netwright(home, ['train', '--sample', 'spirals', '--epoch', '3'], en);
    expect(english.status).toBe(2);
    expect(english.stderr).toMatch(/^netwright: unknown option --epoch\nusage: netwright train \(--sample NAME/);
    expect(english.stderr).toMatch(/^--from RUN starts from that run's weights/m);
    expect(english.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words a value that is not a number in Chinese, the option and value as typed', () => {
    const result = netwright(home, ['runs', '--limit', 'ten'], zh);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^netwright: --limit 需要一个数，收到的是 'ten'\n用法：netwright runs \[--status /);
    const english = netwright(home, ['runs', '--limit', 'ten'], en);
    expect(english.stderr).toMatch(/^netwright: --limit takes a number, got 'ten'\nusage: netwright runs /);
  });

  it("prints a command's --help in Chinese, its options unchanged", () => {
    const result = netwright(home, ['import', '--help'], zh);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^用法：netwright import FILE\.csv --label COLUMN \[--task classification\|regression\]/,
    );
    expect(result.stdout).toContain('[--name NAME] [--json]   （每个类别一个图片子文件夹）');
    expect(result.stdout).toContain(
      'netwright import MODEL.onnx [--name NAME] [--json]   （模型：一张图，以及保存其权重的一个运行）',
    );
    const english = netwright(home, ['import', '--help'], en);
    expect(english.stdout).toContain('[--name NAME] [--json]   (one sub-folder of images per class)');
    expect(english.stdout).toMatch(/^usage: netwright import FILE\.csv/);
  });
});

describe('errors in Chinese', () => {
  it('says in Chinese that a run or a file does not exist, exit code 1', () => {
    const noRun = netwright(home, ['evaluate', 'nosuch'], zh);
    expect(noRun.status).toBe(1);
    expect(noRun.stderr).toBe("netwright: 没有运行 'nosuch'：还没有任何运行\n");
    const missing = join(home, 'missing.csv');
    const noFile = netwright(home, ['train', '--data', missing, '--label', 'y'], zh);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toBe(`netwright: ${missing}：没有这个文件\n`);

    const noSample = netwright(home, ['train', '--sample', 'spiral'], zh);
    expect(noSample.status).toBe(1);
    expect(noSample.stderr).toMatch(/^netwright: 没有示例数据集 'spiral'：请从 spirals, two-moons, .+ 中选择\n$/);
    expect(netwright(home, ['train', '--sample', 'spiral'], en).stderr).toMatch(
      /^netwright: no sample dataset 'spiral': choose one of spirals, two-moons, /,
    );

    expect(netwright(home, ['evaluate', 'nosuch'], en).stderr).toBe(
      "netwright: no run 'nosuch': there are no runs yet\n",
    );
    expect(netwright(home, ['train', '--data', missing, '--label', 'y'], en).stderr).toBe(
      `netwright: ${missing}: no such file\n`,
    );
  });

  it('words a CSV table without the label column as the studio does, naming the file and its columns', () => {
    const table = join(home, 'points.csv');
    writeFileSync(table, 'x,y,kind\n0.1,0.2,a\n0.3,0.4,b\n');
    const result = netwright(home, ['import', table, '--label', 'species'], zh);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("netwright: points.csv：没有名为 'species' 的标签列；文件中的列为 'x', 'y', 'kind'\n");
    expect(netwright(home, ['import', table, '--label', 'species'], en).stderr).toBe(
      "netwright: points.csv: there is no label column named 'species'; the columns are 'x', 'y', 'kind'\n",
    );
  });
});

describe('sweep and predict in Chinese', () => {
  it('prints the sweep as it runs and its report in Chinese; the --json report has no Chinese', () => {
    const args = ['sweep', '--sample', 'spirals', '--grid', 'lr=0.01,0.001', '--epochs', '1', '--threads', '1'];
    const result = netwright(home, [...args, '--name', 'lr 扫描'], zh);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^组 [0-9a-f]{8} 'lr 扫描'：在 'spirals' 上训练 mlp 共 2 个运行，逐个运行；按 Ctrl-C 停止/m,
    );
    expect(result.stderr).toMatch(/^\[1\/2\] 正在训练 [0-9a-f]{8}$/m);
    expect(result.stderr).toMatch(/^\[2\/2\] '.+' 已完成：验证损失 \d\.\d{4}，验证准确率 [\d.]+%$/m);
    const [group, heading] = result.stdout.split('\n');
    expect(group).toMatch(/^组 [0-9a-f]{8} 'lr 扫描'（网格）：已完成$/);
    expect(heading).toMatch(/^LR +运行数 +验证损失（最佳） +验证准确率（最终）$/);
    expect(result.stdout).toContain('各种子之间的均值 ± 样本标准差，只计已完成的运行');

    const english = netwright(home, [...args, '--name', 'lr sweep'], en);
    expect(english.stdout).toMatch(
      /^group [0-9a-f]{8} 'lr sweep' \(grid\): completed\nLR +RUNS +VAL LOSS \(BEST\) +VAL ACCURACY \(FINAL\)$/m,
    );
    expect(english.stderr).toMatch(/^\[2\/2\] '.+' completed: val loss \d\.\d{4}, val accuracy [\d.]+%$/m);
    expect(english.stdout + english.stderr).not.toMatch(/[\u4e00-\u9fff]/);

    const json = jsonLines(netwright(home, [...args, '--json'], zh).stdout);
    expect(JSON.stringify(json)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(json.at(-1)).toMatchObject({ type: 'group', kind: 'grid', status: 'completed', metric: 'val_accuracy' });
  });

  it('says what predict did in Chinese on stderr, the CSV it writes the same in both languages, and evaluate --data', () => {
    const runId = jsonLines(netwright(home, ['runs', '--limit', '1', '--json']).stdout)[0].id as string;
    const rows = join(home, 'rows.csv');
    writeFileSync(rows, 'x,y,label\n0.1,0.2,arm 1\n0.5,-0.3,arm 2\n');
    const chinese = netwright(home, ['predict', runId, rows], zh);
    expect(chinese.status, chinese.stderr).toBe(0);
    expect(chinese.stderr).toMatch(
      /^2 条预测（运行 [0-9a-f]{8} '.+'，第 1 轮的最佳检查点）；在 2 个有标签的行上，准确率 [\d.]+%\n$/,
    );
    const english = netwright(home, ['predict', runId, rows], en);
    expect(english.stderr).toMatch(
      /^2 predictions \(run [0-9a-f]{8} '.+', best checkpoint of epoch 1\); accuracy [\d.]+% on the 2 rows with a label\n$/,
    );
    expect(chinese.stdout).toBe(english.stdout);
    expect(chinese.stdout).toMatch(/^predicted,probability_arm 1,probability_arm 2,probability_arm 3\n/);

    const evaluated = netwright(home, ['evaluate', runId, '--data', rows], zh);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toMatch(
      /^运行 [0-9a-f]{8} '.+'，最佳检查点（第 1 轮）：\n {2}.+rows\.csv：在 2 个有标签的行上，准确率 [\d.]+%\n/,
    );
    expect(evaluated.stdout).toMatch(
      /^ {2}该运行自身的测试集：损失 \d\.\d{4}，准确率 [\d.]+%（这里 [\d.]+%，测试集 [\d.]+%）$/m,
    );
    const evaluatedEnglish = netwright(home, ['evaluate', runId, '--data', rows], en);
    expect(evaluatedEnglish.stdout).toMatch(
      /^ {2}the run's own test split: loss \d\.\d{4}, accuracy [\d.]+% \([\d.]+% here against [\d.]+%\)$/m,
    );
  });
});
