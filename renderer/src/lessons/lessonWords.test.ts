// Every lesson has its title, summary and explanation, and every run of its plan a label, in both languages
// (lessonKey builds these keys from ids, so the compiler cannot check them).
import { describe, expect, it } from 'vitest';
import { LESSON_IDS, LESSON_PLANS, LESSON_SCHEDULES } from '../../../engine/core/lessons/plans';
import { lessonKey } from './lessonList';
import { lessonMessages } from './messages';

describe('lesson words', () => {
  for (const id of LESSON_IDS) {
    it(`${id}: title, summary, explanation and run labels in English and Chinese`, () => {
      const keys = [
        lessonKey('title', id),
        lessonKey('summary', id),
        lessonKey('explain', id),
        ...(LESSON_PLANS[id]?.().runs ?? []).map((run) => lessonKey('run', id, run.key)),
      ];
      for (const key of keys) {
        expect(lessonMessages.en[key], key).toBeTruthy();
        expect(lessonMessages['zh-CN'][key], key).toBeTruthy();
      }
    });
  }

  it("schedules: each run's short name for the loss chart's legend in English and Chinese", () => {
    for (const { key } of LESSON_SCHEDULES) {
      const short = lessonKey('short', 'schedules', key);
      expect(lessonMessages.en[short], short).toBeTruthy();
      expect(lessonMessages['zh-CN'][short], short).toBeTruthy();
    }
  });
});
