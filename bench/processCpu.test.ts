// Reading CPU times from /proc: the stat line's fields around a process name with spaces and parentheses, and the
// tree of a running child.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStat, processTree, reapedChildrenCpuSeconds, treeCpuSeconds } from './processCpu';

describe('process CPU from /proc', () => {
  it('reads the parent and the CPU ticks after a name holding spaces and parentheses', () => {
    // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    const line = '4279 (node (tsx) x) R 4270 4270 11789 0 -1 4194304 99 0 0 0 120 30 7 3 20 0 1 0 2228665';
    expect(parseStat(line)).toEqual({ ppid: 4270, own: 150, reaped: 10 });
  });

  it.runIf(existsSync('/proc/self/stat'))('counts a running child in the tree of its parent', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      expect(processTree(process.pid)).toContain(child.pid);
      expect(processTree(child.pid!)).toEqual([child.pid]);
      expect(treeCpuSeconds(child.pid!)).toBeGreaterThanOrEqual(0);
      expect(treeCpuSeconds(process.pid)).toBeGreaterThan(0);
      expect(reapedChildrenCpuSeconds()).toBeGreaterThanOrEqual(0);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('close', resolve));
    expect(treeCpuSeconds(child.pid!)).toBeNull(); // reaped: gone from /proc
  });
});
