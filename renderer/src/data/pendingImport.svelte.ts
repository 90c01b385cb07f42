// An import waiting for the Data view: set by a drop anywhere on the window or a menu command, picked up by the
// Data view (which may only mount after the view switches), then cleared.
import type { FileRef } from '../../../main/api/types';
import type { FolderFile } from './folderWalk';

export type ImportRequest =
  { type: 'csv'; file?: File; ref?: FileRef } | { type: 'images'; files?: FolderFile[]; ref?: FileRef };

export const pendingImport = $state<{ request: ImportRequest | null }>({ request: null });

export function requestImport(request: ImportRequest): void {
  pendingImport.request = request;
}

/** The waiting request, once: the Data view takes it and opens its dialog. */
export function takeImport(): ImportRequest | null {
  const request = pendingImport.request;
  pendingImport.request = null;
  return request;
}
