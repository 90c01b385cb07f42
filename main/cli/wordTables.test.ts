// Every word table of the command line: each code has words in English and Chinese, neither empty, and both name
// the same {values}, so a value filled into one language is never missing from (or left unfilled in) the other.
import { describe, expect, it } from 'vitest';
import { CLI_DIAGNOSIS_TABLES } from './diagnosisText';
import {
  CLI_ERROR_WORDS,
  CSV_PLACE_WORDS,
  CSV_PROBLEM_WORDS,
  IMAGE_IMPORT_WORDS,
  IMAGE_PREDICTION_WORDS,
  ONNX_IMPORT_WORDS,
  SERVICE_ERROR_WORDS,
  SYSTEM_ERROR_WORDS,
} from './errorWords';
import { HELP_WORDS } from './helpWords';
import { IMPORT_MODEL_WORDS } from './importModelWords';
import { IMPORT_WORDS } from './importWords';
import { LIST_WORDS } from './listWords';
import { CLI_LOCALES, type Words } from './locale';
import { EXPORT_NOTE_WORDS, EXPORT_WORDS, IMPORT_NOTE_WORDS, SKIP_REASON_WORDS } from './noteWords';
import { PREDICT_WORDS } from './predictWords';
import { START_WEIGHTS_WORDS } from './startWeightsWords';
import { SWEEP_WORDS } from './sweepWords';
import { TRAINING_WORDS } from './trainingWords';
import { USAGE_MISTAKE_WORDS } from './usageWords';

const TABLES: Record<string, Words<string>> = {
  'diagnosis verdicts': CLI_DIAGNOSIS_TABLES.verdicts,
  'diagnosis names': CLI_DIAGNOSIS_TABLES.names,
  'diagnosis advice': CLI_DIAGNOSIS_TABLES.advice,
  'diagnosis values': CLI_DIAGNOSIS_TABLES.values,
  'diagnosis lines': CLI_DIAGNOSIS_TABLES.lines,
  training: TRAINING_WORDS,
  'runs and evaluate': LIST_WORDS,
  import: IMPORT_WORDS,
  'model import': IMPORT_MODEL_WORDS,
  'import notes': IMPORT_NOTE_WORDS,
  'image skip reasons': SKIP_REASON_WORDS,
  'export notes': EXPORT_NOTE_WORDS,
  export: EXPORT_WORDS,
  'usage mistakes': USAGE_MISTAKE_WORDS,
  help: HELP_WORDS,
  errors: CLI_ERROR_WORDS,
  'CSV import problems': CSV_PROBLEM_WORDS,
  'CSV problem places': CSV_PLACE_WORDS,
  'image import problems': IMAGE_IMPORT_WORDS,
  'image prediction problems': IMAGE_PREDICTION_WORDS,
  'system errors': SYSTEM_ERROR_WORDS,
  'ONNX import errors': ONNX_IMPORT_WORDS,
  'service errors': SERVICE_ERROR_WORDS,
  predict: PREDICT_WORDS,
  sweep: SWEEP_WORDS,
  'starting weights': START_WEIGHTS_WORDS,
};

/** The {names} a text fills in, sorted, each once. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** What is wrong with a table: a code missing or empty in a language, or naming other values than its English. */
function tableProblems(table: Words<string>): string[] {
  const problems: string[] = [];
  const codes = new Set(CLI_LOCALES.flatMap((locale) => Object.keys(table[locale])));
  for (const code of codes) {
    const english = table.en[code];
    for (const locale of CLI_LOCALES) {
      const text = table[locale][code];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${code}: no ${locale} words`);
        continue;
      }
      if (typeof english === 'string' && placeholders(text).join() !== placeholders(english).join())
        problems.push(
          `${code}: ${locale} fills {${placeholders(text).join('}, {')}}, English {${placeholders(english).join('}, {')}}`,
        );
    }
  }
  return problems;
}

describe('the CLI word tables', () => {
  it.each(Object.entries(TABLES))('%s: every code in English and Chinese, with the same {values}', (_, table) => {
    expect(tableProblems(table)).toEqual([]);
  });

  it('have Chinese that is not the English copied', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      // Chinese characters, or Chinese punctuation ('{file}：{problem}').
      const chinese = Object.values(table.zh).filter((text) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text));
      // Some words are the same in both (ID, L1, MAE {mae}); most are Chinese.
      expect(chinese.length / Object.keys(table.zh).length, name).toBeGreaterThan(0.5);
    }
  });

  it('finds a missing, an empty and a mismatched entry (the check can fail)', () => {
    const broken = {
      en: { epoch: 'epoch {epoch}/{epochs}', loss: 'loss {loss}', rate: 'lr {lr}' },
      zh: { epoch: '轮次 {epoch}/{total}', loss: ' ' },
    } as unknown as Words<string>;
    expect(tableProblems(broken)).toEqual([
      'epoch: zh fills {epoch}, {total}, English {epoch}, {epochs}',
      'loss: no zh words',
      'rate: no zh words',
    ]);
  });
});
