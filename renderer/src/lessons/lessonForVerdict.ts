// The lesson that lets a learner see what a diagnosis verdict is about, where the course has one: the Diagnosis
// panel links to it.
import type { LessonId } from '../../../engine/core/lessons/plans';
import type { VerdictCode } from '../../../engine/core/train/diagnosisCodes';

export const LESSON_FOR_VERDICT: Readonly<Partial<Record<VerdictCode, LessonId>>> = {
  underfitting: 'underfitting',
  overfitting: 'dropout',
  // Plain SGD against momentum and Adam, and a learning rate too large for the surface.
  'learning-slowly': 'optimizers',
  diverging: 'optimizers',
  'training-unstable': 'optimizers',
  'early-blowup': 'optimizers',
  'non-finite-loss': 'optimizers',
  // A schedule lowers the rate that a flat loss keeps bouncing at.
  plateau: 'schedules',
  'vanishing-gradients': 'vanishing-gradients',
  // What a penalty does to the weights.
  'over-regularized': 'l1-l2',
};
