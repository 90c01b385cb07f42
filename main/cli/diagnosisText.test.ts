// The CLI's diagnosis words: a line for every verdict and advice code in English and Chinese, filled with the
// verdict's numbers and named values; and the README's list of codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, VERDICT_CODES, type Verdict } from '../../engine/core/train/diagnose';
import { CLI_DIAGNOSIS_TABLES, diagnosisJson, diagnosisLines } from './diagnosisText';

describe('CLI diagnosis table', () => {
  it('writes a large loss grouped in thousands in the line, and keeps the number itself in JSON', () => {
    const json = diagnosisJson([
      {
        code: 'converged',
        severity: 'info',
        params: { trainLoss: 139_200_000, sinceEpoch: 17, percentOfReference: 0.678, referenceKind: 'first-epoch' },
        advice: [],
      },
    ]);
    expect(json[0].trainLoss).toBe(139_200_000);
    expect(diagnosisLines(json, 'en')[0]).toContain('139,200,000');
    expect(diagnosisLines(json, 'zh')[0]).toContain('139,200,000');
  });

  it('has a line for every verdict and advice code in both languages', () => {
    for (const locale of ['en', 'zh'] as const) {
      for (const code of VERDICT_CODES) expect(CLI_DIAGNOSIS_TABLES.verdicts[locale][code], code).toMatch(/\S/);
      for (const code of ADVICE_CODES) expect(CLI_DIAGNOSIS_TABLES.advice[locale][code], code).toMatch(/\S/);
    }
  });

  /** An overfitting verdict: validation lowest at epoch 9 (0.5), now 0.8, up 60 %; the rest as given. */
  const overfitting = (params: Verdict['params'], advice: Verdict['advice'] = []): Verdict => ({
    code: 'overfitting',
    severity: 'warning',
    params: { bestEpoch: 9, bestValLoss: 0.5, valLoss: 0.8, risePercent: 60, ...params },
    advice,
  });

  it('reports code and parameters flat in JSON, and words them with the numbers filled in', () => {
    const json = diagnosisJson([
      overfitting({ trainLoss: 0.1, gap: 0.7, training: 'fell' }, [{ code: 'early-stopping', params: { epoch: 9 } }]),
    ]);
    expect(json[0]).toMatchObject({
      code: 'overfitting',
      bestEpoch: 9,
      gap: 0.7,
      advice: [{ code: 'early-stopping', epoch: 9 }],
    });
    const lines = diagnosisLines(json, 'en');
    expect(lines[0]).toBe(
      'diagnosis: overfitting: validation loss lowest at epoch 9 (0.5), now 0.8 (up 60%) while training loss fell to 0.1; gap 0.7',
    );
    expect(lines[1]).toBe(
      '  try: turn on early stopping (--early-stopping 5), which would keep the weights of epoch 9',
    );
    const chinese = diagnosisLines(json, 'zh');
    expect(chinese[0]).toBe(
      '诊断：过拟合：验证损失在第 9 轮最低（0.5），现为 0.8（升高 60%），而训练损失降到 0.1；差距 0.7',
    );
    expect(chinese[1]).toBe('  建议：开启早停（--early-stopping 5），这样会保留第 9 轮的权重');
    // A fitted network's training loss that stays where it is is said to stay, not to fall.
    const flat = diagnosisJson([overfitting({ trainLoss: 0.002, gap: 0.8, training: 'flat' })]);
    expect(diagnosisLines(flat, 'en')[0]).toContain('while training loss stayed at 0.002; gap 0.8');
    expect(diagnosisLines(flat, 'zh')[0]).toContain('而训练损失停在 0.002；差距 0.8');
  });

  it('says a rise of more than 1,000 % as that, not as its 13 digits (a best validation loss of 5e-11)', () => {
    const json = diagnosisJson([overfitting({ bestValLoss: 5e-11, valLoss: 0.61, risePercent: 1.22e12 })]);
    expect(json[0].risePercent).toBe(1.22e12);
    expect(diagnosisLines(json, 'en')[0]).toContain('lowest at epoch 9 (5e-11), now 0.61 (up more than 1,000%)');
    expect(diagnosisLines(json, 'zh')[0]).toContain('（升高 超过 1,000%）');
    const justBelow = diagnosisJson([overfitting({ risePercent: 999 })]);
    expect(diagnosisLines(justBelow, 'en')[0]).toContain('(up 999%)');
  });

  it('words named values (the split, the reference loss, a recovered spike) in the chosen language', () => {
    const json = diagnosisJson([
      {
        code: 'underfitting',
        severity: 'warning',
        params: { trainLoss: 1.05, sinceEpoch: 4, percentOfReference: 96, referenceKind: 'chance', reference: 1.0986 },
        advice: [{ code: 'bigger-model', params: {} }],
      },
      {
        code: 'non-finite-loss',
        severity: 'error',
        params: { epoch: 2, split: 'validation', learningRate: 5 },
        advice: [{ code: 'lower-learning-rate', params: { learningRate: 5, suggested: 0.5 } }],
      },
      {
        code: 'loss-spike',
        severity: 'warning',
        params: { epoch: 7, before: 0.1, peak: 0.9, factor: 9, recovered: 'no' },
        advice: [],
      },
    ]);
    expect(diagnosisLines(json, 'en')).toEqual([
      'diagnosis: underfitting: training loss flat at 1.05 since epoch 4, 96% of the chance loss 1.0986',
      '  try: use a bigger model: more units or layers',
      'diagnosis: diverged: the validation loss became NaN or infinite at epoch 2 (learning rate 5)',
      '  try: lower the learning rate from 5, e.g. to 0.5 (--lr)',
      'diagnosis: loss spike at epoch 7: training loss jumped from about 0.1 to 0.9 (9x); recovered: no',
    ]);
    expect(diagnosisLines(json, 'zh')).toEqual([
      '诊断：欠拟合：自第 4 轮起训练损失停在 1.05，为随机猜测损失 1.0986 的 96%',
      '  建议：使用更大的模型：更多单元或更多层',
      '诊断：已发散：验证损失在第 2 轮变为 NaN 或无穷大（学习率 5）',
      '  建议：把学习率从 5 调低，例如调到 0.5（--lr）',
      '诊断：第 7 轮损失突增：训练损失从约 0.1 跳到 0.9（9 倍），尚未回落',
    ]);
  });

  it('keeps every CLI flag of the English advice in the Chinese', () => {
    for (const code of ADVICE_CODES) {
      const flags = (text: string) => text.match(/--[a-z][a-z0-9-]*/g) ?? [];
      expect(flags(CLI_DIAGNOSIS_TABLES.advice.zh[code]), code).toEqual(flags(CLI_DIAGNOSIS_TABLES.advice.en[code]));
    }
  });
});

describe('README', () => {
  it('documents every verdict and advice code', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    for (const code of VERDICT_CODES) expect(readme, code).toContain(`| \`${code}\` |`);
    for (const code of ADVICE_CODES) expect(readme, code).toContain(`\`${code}\``);
  });
});
