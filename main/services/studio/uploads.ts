// Web mode's uploads (<home>/uploads/<upload id>/<name>, main/web/upload.ts): a file the page picked is kept while
// the store points into its folder (a dataset's source, read again by an exported train.py; a run's starting weights).
// Any other upload (a preview never imported, an import that failed or was cancelled, a weights file or a model
// already read) is unreachable once the page that picked it is gone, so the server removes such folders when it
// starts. Folders changed within the last hour are left: another server on the same home may be receiving them.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export const UPLOAD_GRACE_MS = 60 * 60 * 1000;

/** Removes the upload folders no path in `referenced` is inside of, older than the grace; returns their names. */
export function pruneUploads(uploadsDir: string, referenced: readonly string[], now = Date.now()): string[] {
  let entries: string[];
  try {
    entries = readdirSync(uploadsDir);
  } catch {
    return []; // no uploads yet
  }
  const kept = referenced.map((path) => resolve(path));
  const removed: string[] = [];
  for (const entry of entries) {
    const folder = resolve(join(uploadsDir, entry));
    if (kept.some((path) => path.startsWith(folder + sep))) continue;
    try {
      if (now - statSync(folder).mtimeMs < UPLOAD_GRACE_MS) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(entry);
    } catch {
      // gone meanwhile, or not ours to remove: left for the next start
    }
  }
  return removed;
}
