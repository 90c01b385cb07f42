// Writes a file so that a crash never leaves half of it: write a temporary sibling, flush it, rename over.
import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';

/**
 * Writes `bytes` to `path` whole or not at all. A system error (disk full, permission denied…) leaves any earlier
 * file at `path` as it was and is thrown naming `path` (its `path` property), not the temporary sibling nor nothing
 * at all, as a failed write on a descriptor would: the run's failure then says which file could not be written.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  try {
    writeThenRename(path, bytes);
  } catch (error) {
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
      (error as { path?: string }).path = path;
    }
    throw error;
  }
}

function writeThenRename(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw error;
  }
}
