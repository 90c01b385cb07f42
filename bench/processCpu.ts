// CPU seconds used so far by a running process and its descendants, read from /proc (Linux): the tta suite's
// second figure beside wall time, which on a shared machine says more than the wall clock about the work done.
// Null where /proc is not there. Threads count with their process; a descendant that has already exited is missed
// unless its parent has reaped it (then it is in the parent's cutime/cstime, which are counted).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second, the unit of /proc/PID/stat's times (100 on Linux nearly everywhere). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface StatTimes {
  ppid: number;
  /** utime + stime, in clock ticks: the process's threads. */
  own: number;
  /** cutime + cstime: its children that have exited and been waited for. */
  reaped: number;
}

/** The parent and CPU ticks of one /proc/PID/stat line (the name, in parentheses, may hold spaces and parentheses). */
export function parseStat(line: string): StatTimes {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  const at = (field: number) => Number(fields[field - 3]);
  return { ppid: at(4), own: at(14) + at(15), reaped: at(16) + at(17) };
}

function readStat(pid: number): StatTimes | null {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone meanwhile
  }
}

/** `pid` and every process below it, found through each process's parent in /proc. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const child = Number(name);
    if (!Number.isInteger(child)) continue;
    const stat = readStat(child);
    if (!stat) continue;
    const siblings = parents.get(stat.ppid) ?? [];
    siblings.push(child);
    parents.set(stat.ppid, siblings);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

/** CPU seconds of `pid` and its descendants so far; null without /proc or once `pid` has exited. */
export function treeCpuSeconds(pid: number): number | null {
  if (!existsSync('/proc/self/stat') || !readStat(pid)) return null;
  let ticks = 0;
  for (const member of processTree(pid)) {
    const stat = readStat(member);
    ticks += stat ? stat.own + stat.reaped : 0;
  }
  return ticks / TICKS;
}

/**
 * CPU seconds of this process's children that have exited and been waited for (cutime + cstime of /proc/self/stat):
 * read before a child starts and after it ends, the difference is exactly that child's (and its reaped
 * descendants'), when nothing else ended meanwhile. Null without /proc.
 */
export function reapedChildrenCpuSeconds(): number | null {
  const stat = existsSync('/proc/self/stat') ? readStat(process.pid) : null;
  return stat ? stat.reaped / TICKS : null;
}
