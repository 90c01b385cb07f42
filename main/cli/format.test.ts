// How the command line shows durations, scores, changed settings and tables in English and Chinese: the English as
// it always was, the Chinese in the studio's terms, and Chinese cells taking two terminal columns a character.
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  durationText,
  errorText,
  lossText,
  scoreText,
  settingChangeText,
  table,
  type SplitScore,
} from './format';

describe('durationText', () => {
  it.each([
    [850, '850 ms', '850 毫秒'],
    [12_500, '12.5 s', '12.5 秒'],
    [185_000, '3m 05s', '3 分 05 秒'],
    [3_720_000, '1h 02m', '1 小时 02 分'],
  ])('%d ms is "%s" and "%s"', (ms, english, chinese) => {
    expect(durationText(ms, 'en')).toBe(english);
    expect(durationText(ms, 'zh')).toBe(chinese);
  });
});

describe('scoreText and settingChangeText', () => {
  it('word the scores and a changed setting in each language', () => {
    const score = { loss: 0.12345, accuracy: 0.967, count: 10 };
    expect(scoreText(score, 'en')).toBe('loss 0.1235, accuracy 96.7%');
    expect(scoreText(score, 'zh')).toBe('损失 0.1235，准确率 96.7%');
    // A diverged epoch's metrics come back from the store as null (JSON keeps no NaN or infinity): "n/a", no crash.
    const stored = JSON.parse(JSON.stringify({ loss: Infinity, mae: NaN, r2: -Infinity, count: 30 })) as SplitScore;
    expect(scoreText(stored, 'en')).toBe('loss n/a, MAE n/a, R² n/a');
    expect(scoreText(stored, 'zh')).toBe('损失 无，MAE 无，R² 无');
    const change = { epoch: 3, step: 57, setting: 'learningRate' as const, from: 0.01, to: 0.005 };
    expect(settingChangeText(change, 'en')).toBe('at epoch 3 (step 57): learning rate 0.01 → 0.005');
    expect(settingChangeText(change, 'zh')).toBe('第 3 轮（第 57 步）：学习率 0.01 → 0.005');
    const dropout = { epoch: 2, step: 10, setting: 'dropout' as const, nodeId: 'drop1', from: 0.5, to: 0.2 };
    expect(settingChangeText(dropout, 'zh')).toBe('第 2 轮（第 10 步）：drop1 的 Dropout 0.5 → 0.2');
  });
});

describe('lossText and errorText', () => {
  it('keeps four decimals, but says what four decimals hide and groups what they make long', () => {
    expect(lossText(0.1234567)).toBe('0.1235');
    expect(lossText(0)).toBe('0.0000');
    expect(lossText(0.00002104)).toBe('0.00002104'); // a well-fitted standardized label, not 0.0000
    expect(lossText(1906305764068.8494)).toBe('1,906,305,764,068.85');
    expect(errorText(262_700.4)).toBe('262,700'); // MAE in dollars, not 2.627e+5
    expect(errorText(284.04)).toBe('284');
    expect(errorText(0.08112)).toBe('0.08112');
  });
});

describe('table', () => {
  it('counts a Chinese character as two terminal columns, so columns line up', () => {
    expect(displayWidth('名称')).toBe(4);
    expect(displayWidth('损失 0.5，准确率 9%')).toBe(19); // 13 characters, 6 of them wide
    const text = table(
      ['名称', '状态', '轮次'],
      [
        ['螺旋', '已完成', '6/6'],
        ['moons', '已停止', '12/30'],
      ],
      new Set([2]),
    );
    expect(text.split('\n')).toEqual(['名称   状态     轮次', '螺旋   已完成    6/6', 'moons  已停止  12/30']);
  });
});
