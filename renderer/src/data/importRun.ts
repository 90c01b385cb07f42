// One dataset import as the import dialogs run it: a fresh id that the server tags the import's progress events with,
// a listener for them that lives exactly as long as the import, the new dataset adopted and announced, and the
// outcome as a value (a failure as its message, which the dialog shows).
import type { DatasetImportResult, StudioEvent } from '../../../main/api/types';
import { messageOf, progressListener, type ImportProgress } from './fileRefs';

/** What an import needs of the studio (StudioState has these). */
export interface ImportingStudio {
  host: { onEvent(listener: (event: StudioEvent) => void): () => void };
  adoptDataset(id: string, options: { fitGraph?: boolean }): Promise<void>;
  notify(kind: 'success', text: string): void;
}

export interface ImportSteps {
  /** Starts the import on the server under `importId`. */
  start: (importId: string) => Promise<DatasetImportResult>;
  /** This import's progress; null as it starts. */
  onProgress: (progress: ImportProgress | null) => void;
  /** The data table's translator: the notice once imported ("Dataset rings imported and selected."). */
  words: (key: 'importedNotice', params: { name: string }) => string;
  /** An id of the dialog's choosing (tests); a random UUID otherwise. */
  newId?: () => string;
}

export type ImportOutcome = { ok: true; result: DatasetImportResult } | { ok: false; message: string };

export async function runImport(studio: ImportingStudio, steps: ImportSteps): Promise<ImportOutcome> {
  const importId = steps.newId?.() ?? crypto.randomUUID();
  steps.onProgress(null);
  const off = studio.host.onEvent(progressListener(importId, steps.onProgress));
  try {
    const result = await steps.start(importId);
    await studio.adoptDataset(result.dataset.id, { fitGraph: true });
    studio.notify('success', steps.words('importedNotice', { name: result.dataset.name }));
    return { ok: true, result };
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  } finally {
    off();
  }
}
