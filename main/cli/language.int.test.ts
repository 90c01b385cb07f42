// The command line in Chinese: with NETWRIGHT_LANG=zh (or a zh_* LANG) `train` prints its epoch lines, summary and
// diagnosis in Simplified Chinese, with NETWRIGHT_LANG=en the English it always printed, and --json the same codes
// and numbers in both; a NETWRIGHT_LANG it does not know is a usage error. The test helper pins English, whatever
// the machine's own LANG.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, netwright } from './testCli';

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
    expect(result.stdout).toContain('diagnosis: too early to judge: 3 of the 5 epochs trends need');
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
    const chinese = netwright(home, ['runs'], { NETWRIGHT_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' });
    expect(chinese.status, chinese.stderr).toBe(0);
    expect(chinese.stdout).toMatch(/^ID +名称 +状态 +轮次 +最佳验证结果 +用时 +创建时间$/m);
    expect(chinese.stdout).toMatch(/螺旋 +已完成 +3\/3 +损失 \d\.\d{4}，准确率/);
    const english = netwright(home, ['runs'], { NETWRIGHT_LANG: '', LC_ALL: 'C', LANG: 'zh_CN.UTF-8' });
    expect(english.stdout).toMatch(/^ID +NAME +STATUS +EPOCHS +BEST VALIDATION +DURATION +CREATED$/m);
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

  it('refuses a NETWRIGHT_LANG it does not know, naming the variable and the choices', () => {
    const result = netwright(home, ['runs'], { NETWRIGHT_LANG: 'fr' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("netwright: NETWRIGHT_LANG is en or zh, not 'fr'");
    expect(result.stdout).toBe('');
  });

  it("pins the test helper to English whatever the machine's LANG and LC_ALL say", () => {
    const result = netwright(home, ['runs'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(result.stdout).toMatch(/^ID +NAME +STATUS/);
  });
});
