// Writes a file so that a crash never leaves half of it: write a temporary sibling, flush it, rename over.
import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
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
  renameSync(temp, path);
}
