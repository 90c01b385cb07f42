// The command line in Chinese: with NETWRIGHT_LANG=zh (or a zh_* LANG) `train` prints its epoch lines, summary and
// diagnosis in Simplified Chinese, with NETWRIGHT_LANG=en the English it always printed, and --json the same codes
// and numbers in both; a NETWRIGHT_LANG it does not know is a usage error. The test helper pins English, whatever
// the machine's own LANG.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_DIAGNOSIS_TABLES } from './diagnosisText';
import { displayWidth } from './format';
import { blobsCsv, jsonLines, netwright } from './testCli';

const home = mkdtempSync(join(tmpdir(), 'netwright-language-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const TRAIN = ['train', '--sample', 'spirals', '--epochs', '3', '--threads', '1'];

describe('netwright train in Chinese', () => {
  it('prints the epoch lines, the summary and the diagnosis in Chinese with NETWRIGHT_LANG=zh', () => {
    const result = netwright(home, [...TRAIN, '--name', '螺旋'], { NETWRIGHT_LANG: 'zh' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("示例数据集 'spirals'");
    expect(result.stderr).toMatch(/在 'spirals'（900 行）上训练 .+，共 3 轮/);
    expect(result.stderr).toMatch(
      /^轮次 3\/3 {2}训练损失 \d\.\d{4} {2}训练准确率 [\d.]+% {2}验证损失 \d\.\d{4} {2}验证准确率/m,
    );
    expect(result.stderr).not.toMatch(/^epoch /m);
    expect(result.stdout).toMatch(/^运行 [0-9a-f]{8} '螺旋' 已完成：3\/3 轮，用时 /);
    expect(result.stdout).toMatch(/^数据集 'spirals'：900 行（训练 \d+ \/ 验证 \d+ \/ 测试 \d+）$/m);
    expect(result.stdout).toMatch(/^最佳（第 \d 轮）：验证集 损失 \d\.\d{4}，准确率 [\d.]+%；测试集 损失/m);
    expect(result.stdout).toContain('诊断：尚无法判断：目前 3 轮，判断趋势需要 5 轮');
    expect(result.stdout).toMatch(/^检查点：.+\.safetensors$/m);
    expect(result.stdout).not.toMatch(/diagnosis:|checkpoint:|validation/);
  });

  it('prints the English it always printed with NETWRIGHT_LANG=en', () => {
    const result = netwright(home, [...TRAIN, '--name', 'spirals en'], { NETWRIGHT_LANG: 'en' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("sample dataset 'spirals'");
    expect(result.stderr).toMatch(/^epoch 3\/3 {2}loss \d\.\d{4} {2}acc [\d.]+% {2}val loss \d\.\d{4} {2}val acc/m);
    expect(result.stdout).toMatch(/^run [0-9a-f]{8} 'spirals en' completed: 3 of 3 epochs in /);
    expect(result.stdout).toMatch(/^dataset 'spirals': 900 rows \(\d+ train \/ \d+ validation \/ \d+ test\)$/m);
    expect(result.stdout).toMatch(/^best \(epoch \d\): validation loss \d\.\d{4}, accuracy [\d.]+%; test loss/m);
    expect(result.stdout).toContain('diagnosis: too early to judge: 3 of the 5 epochs needed to judge trends');
    expect(result.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives the advice for a diverged run in Chinese, with the CLI flag', () => {
    const result = netwright(
      home,
      ['train', '--sample', 'spirals', '--optimizer', 'sgd', '--lr', '8', '--epochs', '3', '--threads', '1'],
      { NETWRIGHT_LANG: 'zh' },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('诊断：已发散：训练损失在第 1 轮变为 NaN 或无穷大（学习率 8）');
    expect(result.stdout).toContain('  建议：把学习率从 8 调低，例如调到 0.8（--lr）');
  });

  it('speaks Chinese for a zh_CN LANG when NETWRIGHT_LANG is not set, and English when LC_ALL says C', () => {
    const trained = netwright(home, [...TRAIN, '--name', '月牙', '--tags', 'zh-lang', '--json']);
    expect(trained.status, trained.stderr).toBe(0);
    const byLang = { NETWRIGHT_LANG: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
    const chinese = netwright(home, ['runs', '--tag', 'zh-lang'], { ...byLang, LC_ALL: '' });
    expect(chinese.status, chinese.stderr).toBe(0);
    const [heading, row] = chinese.stdout.split('\n');
    expect(heading).toMatch(/^ID +名称 +状态 +轮次 +最佳验证结果 +诊断 +用时 +创建时间$/);
    expect(row).toMatch(/^[0-9a-f]{8} +月牙 +已完成 +3\/3 +损失 \d\.\d{4}，准确率 /);
    // The columns line up on a terminal, where each Chinese character takes two columns.
    const column = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)));
    expect(column(row, '已完成')).toBe(column(heading, '状态'));
    expect(column(row, '损失')).toBe(column(heading, '最佳验证结果'));
    const diagnosis = row
      .slice(row.indexOf('%') + 1)
      .trim()
      .split(/ +/)[0]; // the cell after the best scores
    expect(Object.values(CLI_DIAGNOSIS_TABLES.names.zh)).toContain(diagnosis);
    expect(column(row, diagnosis)).toBe(column(heading, '诊断'));
    const english = netwright(home, ['runs', '--tag', 'zh-lang'], { ...byLang, LC_ALL: 'C' });
    expect(english.stdout).toMatch(
      /^ID +NAME +STATUS +EPOCHS +BEST VALIDATION +DIAGNOSIS +DURATION +CREATED\n[0-9a-f]{8} +月牙 +completed/,
    );
  });

  it('keeps --json the same in both languages: codes and numbers, no Chinese', () => {
    const run = (lang: string) => jsonLines(netwright(home, [...TRAIN, '--json'], { NETWRIGHT_LANG: lang }).stdout);
    const [zh, en] = [run('zh'), run('en')];
    expect(JSON.stringify(zh)).not.toMatch(/[\u4e00-\u9fff]/);
    const epochs = (lines: typeof zh) =>
      lines.filter((l) => l.type === 'epoch').map(({ trainLoss, validation }) => ({ trainLoss, validation }));
    expect(epochs(zh)).toEqual(epochs(en));
    expect(Object.keys(zh.at(-1)!)).toEqual(Object.keys(en.at(-1)!));
    expect(zh.at(-1)!.diagnosis).toEqual(en.at(-1)!.diagnosis);
  });

  it('words what import and export made, and their notes, in Chinese; --json keeps the English text', () => {
    const csv = join(home, 'blobs.csv');
    blobsCsv(csv, { rows: 60, seed: 3 });
    const imported = netwright(home, ['import', csv, '--label', 'species'], { NETWRIGHT_LANG: 'zh' });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^已将 .+blobs\.csv 的 60 行导入为 'blobs'（分类，3 个类别，\d+ 个特征）$/m);
    expect(imported.stdout).toMatch(/^划分：训练 \d+ \/ 验证 \d+ \/ 测试 \d+（种子 \d+）$/m);

    // Training on a CSV file imports it, saying what the import made of it.
    const table = join(home, 'blobs-train.csv');
    blobsCsv(table, { rows: 60, seed: 4 });
    const args = ['train', '--data', table, '--label', 'species', '--epochs', '1', '--threads', '1'];
    const trainedText = netwright(home, args, { NETWRIGHT_LANG: 'zh' });
    expect(trainedText.status, trainedText.stderr).toBe(0);
    expect(trainedText.stderr).toMatch(
      /^已将 .+blobs-train\.csv 导入为数据集 'blobs-train'（[0-9a-f]{8}）：已读取 60 行（以 ',' 分隔，有表头）；编码后共 6 个特征；分类，共 3 个类别$/m,
    );
    const trained = jsonLines(netwright(home, ['runs', '--limit', '1', '--json']).stdout)[0];
    const out = join(home, 'exported.onnx');
    const exported = netwright(home, ['export', trained.id, '--format', 'onnx', '--out', out], {
      NETWRIGHT_LANG: 'zh',
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^已将运行 [0-9a-f]{8} '.+' 导出为 onnx：$/m);
    expect(exported.stdout).toMatch(/^权重来自第 \d 轮的最佳检查点$/m);
    const json = netwright(home, ['export', trained.id, '--format', 'onnx', '--out', out, '--json'], {
      NETWRIGHT_LANG: 'zh',
    });
    expect(JSON.parse(json.stdout).notes[0].text).toMatch(/^weights from the best checkpoint of epoch \d$/);
  });

  it('refuses a NETWRIGHT_LANG it does not know, naming the variable and the choices', () => {
    const result = netwright(home, ['runs'], { NETWRIGHT_LANG: 'fr' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("netwright: NETWRIGHT_LANG is en or zh, not 'fr'");
    expect(result.stdout).toBe('');
  });

  it("pins the test helper to English whatever the machine's LANG and LC_ALL say", () => {
    const result = netwright(home, ['runs', '--tag', 'no-such-tag'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(result.stdout).toBe('no runs match\n');
  });
});
