// Which run status may follow which: the one place that decides, so the store refuses impossible histories.
import type { RunStatus } from './types';

/**
 * 'interrupted' is what a run left running or paused becomes when the app was closed or crashed; like 'stopped'
 * and 'failed' it can go back to 'queued' or 'running' to continue from its last checkpoint. 'completed' is final.
 */
const NEXT: Record<RunStatus, readonly RunStatus[]> = {
  queued: ['running', 'stopped', 'failed'],
  running: ['paused', 'completed', 'stopped', 'failed', 'interrupted'],
  paused: ['running', 'stopped', 'failed', 'interrupted'],
  interrupted: ['queued', 'running', 'stopped', 'failed'],
  stopped: ['queued', 'running'],
  failed: ['queued', 'running'],
  completed: [],
};

export function canMove(from: RunStatus, to: RunStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses after which the run is not (for now) training: they record an end time. */
export function isEnded(status: RunStatus): boolean {
  switch (status) {
    case 'completed':
    case 'stopped':
    case 'failed':
    case 'interrupted':
      return true;
    case 'queued':
    case 'running':
    case 'paused':
      return false;
    default:
      throw new Error(`unknown run status ${JSON.stringify(status satisfies never)}`);
  }
}
