// Every checkpoint problem code the engine can return has words in both languages, naming the file.
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_PROBLEM_CODES } from '../../../engine/core/io/checkpointProblems';
import { checkpointProblemMessages } from './messages';

describe('checkpoint problem messages', () => {
  it('word each code in English and Chinese, naming the file', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(Object.keys(checkpointProblemMessages[locale]).sort(), locale).toEqual(
        [...CHECKPOINT_PROBLEM_CODES].sort(),
      );
      for (const code of CHECKPOINT_PROBLEM_CODES)
        expect(checkpointProblemMessages[locale][code], code).toMatch(/\{file\}/);
    }
  });
});
