// The Diagnosis panel's links to lessons: each names a lesson of the course that trains runs showing the verdict's
// subject, and the verdicts a learner meets most (underfitting, overfitting, slow learning) all have one.
import { describe, expect, it } from 'vitest';
import { LESSON_IDS, LESSON_PLANS } from '../../../engine/core/lessons/plans';
import { VERDICT_CODES } from '../../../engine/core/train/diagnosisCodes';
import { LESSON_FOR_VERDICT } from './lessonForVerdict';

describe('LESSON_FOR_VERDICT', () => {
  it('links verdicts to lessons of the course that train runs', () => {
    for (const [verdict, lesson] of Object.entries(LESSON_FOR_VERDICT)) {
      expect(VERDICT_CODES, verdict).toContain(verdict);
      expect(LESSON_IDS, verdict).toContain(lesson);
      expect(LESSON_PLANS[lesson!], lesson).toBeDefined();
    }
  });

  it('links the commonest verdicts to the lesson about them', () => {
    expect(LESSON_FOR_VERDICT.underfitting).toBe('underfitting');
    expect(LESSON_FOR_VERDICT.overfitting).toBe('dropout');
    expect(LESSON_FOR_VERDICT['vanishing-gradients']).toBe('vanishing-gradients');
    expect(LESSON_FOR_VERDICT['learning-slowly']).toBe('optimizers');
  });

  it('links nothing from verdicts that say all is well', () => {
    for (const fine of ['healthy', 'converged', 'too-early'] as const) expect(LESSON_FOR_VERDICT[fine]).toBeUndefined();
  });
});
