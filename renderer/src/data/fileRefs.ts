// Small helpers for the import dialogs: a FileRef's display name, a run of an import with its progress events,
// and an error's message.
import type { FileRef, StudioEvent } from '../../../main/api/types';

export function refName(ref: FileRef): string {
  return ref.kind === 'upload'
    ? ref.name
    : (ref.path
        .replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop() ?? ref.path);
}

export interface ImportProgress {
  phase: string;
  fraction: number;
}

/** The listener for one import's progress events (the server tags them with the id the dialog chose). */
export function progressListener(
  importId: string,
  onProgress: (progress: ImportProgress) => void,
): (event: StudioEvent) => void {
  return (event) => {
    if (event.type === 'import-progress' && event.importId === importId)
      onProgress({ phase: event.phase, fraction: event.fraction });
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
