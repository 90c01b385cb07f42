// Small helpers for the import dialogs: a FileRef's display name, a run of an import with its progress events,
// and a failed import's words.
import type { FileRef, StudioEvent } from '../../../main/api/types';
import { errorText } from '../state/errorText';

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

/** A failed import's sentence in the user's language (a refused CSV or image folder names its file, row, folder…). */
export function messageOf(error: unknown): string {
  return errorText(error);
}
