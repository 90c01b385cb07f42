// The diagnosis in both languages: every code has words in English and Chinese, with the same {parameters}.
import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, VERDICT_CODES, type Verdict } from '../../../engine/core/train/diagnose';
import { diagnosisWords, wordVerdict } from './diagnosisMessages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('diagnosis messages', () => {
  it('words every verdict and advice code in every language, with the same parameters', () => {
    for (const [locale, words] of Object.entries(diagnosisWords)) {
      for (const code of VERDICT_CODES) {
        const v = words.verdicts[code];
        expect(v.title && v.text && v.why, `${locale} ${code}`).toBeTruthy();
        expect(placeholders(v.text), `${locale} ${code}`).toEqual(placeholders(diagnosisWords.en.verdicts[code].text));
      }
      for (const code of ADVICE_CODES) {
        expect(words.advice[code], `${locale} ${code}`).toMatch(/\S/);
        expect(placeholders(words.advice[code]), `${locale} ${code}`).toEqual(
          placeholders(diagnosisWords.en.advice[code]),
        );
      }
    }
  });

  it('words a verdict in Chinese with its numbers and named values translated', () => {
    const worded = wordVerdict(
      {
        code: 'non-finite-loss',
        severity: 'error',
        params: { epoch: 1, split: 'training', learningRate: 20 },
        advice: [{ code: 'lower-learning-rate', params: { learningRate: 20, suggested: 2 } }],
      },
      'zh-CN',
    );
    expect(worded.title).toBe('已发散');
    expect(worded.text).toContain('训练损失在第 1 轮');
    expect(worded.advice[0]).toContain('从 20 调低');
    expect(`${worded.text}${worded.advice.join('')}`).not.toMatch(/\{\w+\}/);
  });

  it("says whether training loss fell or stayed at its low while validation rose (overfitting's training)", () => {
    const overfitting = (training: string): Verdict => ({
      code: 'overfitting',
      severity: 'warning',
      params: { bestEpoch: 9, bestValLoss: 0.5, valLoss: 0.8, trainLoss: 0.002, gap: 0.8, risePercent: 60, training },
      advice: [],
    });
    expect(wordVerdict(overfitting('fell'), 'en').text).toContain('while training loss kept falling to 0.002.');
    expect(wordVerdict(overfitting('flat'), 'en').text).toContain('while training loss stayed at 0.002.');
    expect(wordVerdict(overfitting('fell'), 'zh-CN').text).toContain('而训练损失继续降到 0.002。');
    expect(wordVerdict(overfitting('flat'), 'zh-CN').text).toContain('而训练损失停在 0.002。');
  });

  it('says a percentage above 1,000 as "more than 1,000" (a rise from a best validation loss of 5e-11)', () => {
    const verdict: Verdict = {
      code: 'overfitting',
      severity: 'warning',
      params: { bestEpoch: 375, bestValLoss: 5e-11, valLoss: 0.61, trainLoss: 0.002, gap: 0.6, risePercent: 1.22e12 },
      advice: [],
    };
    verdict.params.training = 'flat';
    expect(wordVerdict(verdict, 'en').text).toContain('(5e-11) and has risen since by more than 1,000% to 0.61');
    expect(wordVerdict(verdict, 'zh-CN').text).toContain('之后升高 超过 1,000% 到 0.61');
    verdict.params.risePercent = 1000;
    expect(wordVerdict(verdict, 'en').text).toContain('by 1000% to');
  });

  it('writes a large loss grouped in thousands (a regression on prices), in both languages', () => {
    const verdict: Verdict = {
      code: 'converged',
      severity: 'info',
      params: { trainLoss: 139_200_000, sinceEpoch: 17, percentOfReference: 0.678, referenceKind: 'first-epoch' },
      advice: [],
    };
    expect(wordVerdict(verdict, 'en').text).toContain('settled at 139,200,000 since epoch 17');
    expect(wordVerdict(verdict, 'en').text).toContain('0.678% of the first epoch');
    expect(wordVerdict(verdict, 'zh-CN').text).toContain('139,200,000');
  });
});
