// The CLI's diagnosis words: a line for every verdict and advice code, filled with the verdict's numbers; and the
// README's list of codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, VERDICT_CODES } from '../../engine/core/train/diagnose';
import { CLI_DIAGNOSIS_TABLES, diagnosisJson, diagnosisLines } from './diagnosisText';

describe('CLI diagnosis table', () => {
  it('has a line for every verdict and advice code', () => {
    for (const code of VERDICT_CODES) expect(CLI_DIAGNOSIS_TABLES.verdicts[code], code).toMatch(/\S/);
    for (const code of ADVICE_CODES) expect(CLI_DIAGNOSIS_TABLES.advice[code], code).toMatch(/\S/);
  });

  it('reports code and parameters flat in JSON, and words them with the numbers filled in', () => {
    const json = diagnosisJson([
      {
        code: 'overfitting',
        severity: 'warning',
        params: { bestEpoch: 9, bestValLoss: 0.5, valLoss: 0.8, trainLoss: 0.1, gap: 0.7, risePercent: 60 },
        advice: [{ code: 'early-stopping', params: { epoch: 9 } }],
      },
    ]);
    expect(json[0]).toMatchObject({
      code: 'overfitting',
      bestEpoch: 9,
      gap: 0.7,
      advice: [{ code: 'early-stopping', epoch: 9 }],
    });
    const lines = diagnosisLines(json);
    expect(lines[0]).toContain('lowest at epoch 9 (0.5), now 0.8');
    expect(lines[1]).toContain('keep the weights of epoch 9');
    expect(lines.join('\n')).not.toMatch(/\{\w+\}/);
  });
});

describe('README', () => {
  it('documents every verdict and advice code', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    for (const code of VERDICT_CODES) expect(readme, code).toContain(`| \`${code}\` |`);
    for (const code of ADVICE_CODES) expect(readme, code).toContain(`\`${code}\``);
  });
});
