// Which process owns an active run, and whether it is still alive: its process id plus its start time (so a process
// id reused after a crash is not mistaken for the owner). Any command that opens the store can then tell a run that
// is training somewhere from one whose trainer died, and recover only the latter.
import { readFileSync } from 'node:fs';

/** `<pid>:<start>`; start is the kernel's start time of the process (clock ticks since boot) or '' where unknown. */
export type RunOwner = string;

/** The 22nd field of /proc/<pid>/stat (after the parenthesised command, which may hold spaces), or '' off Linux. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

let self: RunOwner | null = null;

/** This process as an owner. */
export function currentOwner(): RunOwner {
  self ??= `${process.pid}:${startTime(process.pid)}`;
  return self;
}

/** Whether the process that wrote `owner` is still running (a different process with the same id does not count). */
export function ownerAlive(owner: RunOwner): boolean {
  const [pidText, started = ''] = owner.split(':');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (owner === currentOwner()) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return started === '' || startTime(pid) === started;
}
