// How far a group of runs has got: its runs, and those that have ended (completed, failed or stopped).
import type { GroupSummary } from '../../../main/api/types';

export function groupProgress(summary: GroupSummary): { done: number; total: number } {
  const { counts } = summary;
  return {
    done: (counts.completed ?? 0) + (counts.failed ?? 0) + (counts.stopped ?? 0),
    total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
  };
}

/** Whether the group still has runs to train (queued, or working through them). */
export function groupActive(summary: GroupSummary): boolean {
  return summary.group.status === 'running' || summary.group.status === 'queued';
}
