// The keys of each lesson's own messages in the lessons' message table.
import type { LessonId } from '../../../engine/core/lessons/plans';
import type { LessonMessageKey } from './messages';

/**
 * A lesson's own message ('title:l1-l2', 'run:l1-l2:l1', a run's short legend name 'short:schedules:step', …); the
 * messages test keeps every table complete.
 */
export function lessonKey(kind: 'title' | 'summary' | 'explain', id: LessonId): LessonMessageKey;
export function lessonKey(kind: 'run' | 'short', id: LessonId, run: string): LessonMessageKey;
export function lessonKey(kind: string, id: LessonId, run?: string): LessonMessageKey {
  return (run === undefined ? `${kind}:${id}` : `${kind}:${id}:${run}`) as LessonMessageKey;
}
