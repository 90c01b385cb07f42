// A group's progress counts ended runs (completed, failed, stopped) among all of its runs.
import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../../main/api/types';
import { groupActive, groupProgress } from './progress';

const summary = (status: string, counts: GroupSummary['counts']) =>
  ({ group: { id: 'g', status }, counts }) as unknown as GroupSummary;

describe('groupProgress', () => {
  it('counts ended runs among all', () => {
    expect(groupProgress(summary('running', { completed: 2, failed: 1, running: 1, queued: 3 }))).toEqual({
      done: 3,
      total: 7,
    });
    expect(groupProgress(summary('queued', {}))).toEqual({ done: 0, total: 0 });
  });

  it('is active while queued or running', () => {
    expect(groupActive(summary('running', {}))).toBe(true);
    expect(groupActive(summary('queued', {}))).toBe(true);
    expect(groupActive(summary('completed', {}))).toBe(false);
    expect(groupActive(summary('cancelled', {}))).toBe(false);
  });
});
