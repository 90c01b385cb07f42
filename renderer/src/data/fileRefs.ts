// Small helpers for the import dialogs: a FileRef's display name, a run of an import with its progress events,
// and a failed import's words.
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

let failureWords = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * How failures are worded: the app sets the studio's words (state/errorText.ts, in the user's language) as it starts
 * (main.ts); until then, and in tests without the app's runes, an error's own message.
 */
export function wordFailuresWith(words: (error: unknown) => string): void {
  failureWords = words;
}

/** A failed import's sentence (a refused CSV or image folder names its file, row, folder…). */
export function messageOf(error: unknown): string {
  return failureWords(error);
}
