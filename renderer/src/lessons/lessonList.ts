// The lessons the view offers, in the course's order: those with a finished page (view, runs, test, words).
import { LESSON_IDS, type LessonId } from '../../../engine/core/lessons/plans';
import type { LessonMessageKey } from './messages';

const FINISHED: ReadonlySet<LessonId> = new Set<LessonId>(['l1-l2', 'optimizers', 'vanishing-gradients', 'conv-shapes']);

export const AVAILABLE_LESSONS: readonly LessonId[] = LESSON_IDS.filter((id) => FINISHED.has(id));

/** A lesson's own message ('title:l1-l2', 'run:l1-l2:l1', …); the messages test keeps every table complete. */
export function lessonKey(kind: 'title' | 'summary' | 'explain', id: LessonId): LessonMessageKey;
export function lessonKey(kind: 'run', id: LessonId, run: string): LessonMessageKey;
export function lessonKey(kind: string, id: LessonId, run?: string): LessonMessageKey {
  return (run === undefined ? `${kind}:${id}` : `${kind}:${id}:${run}`) as LessonMessageKey;
}
