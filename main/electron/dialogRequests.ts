// The native dialogs' side of IPC as pure functions: checks of what the renderer asks for (an export's default
// file name and format), the file filters, and the dialogs' answers turned into what the bridge returns.
import { extname } from 'node:path';
import { EXPORT_EXTENSION, EXPORT_FORMATS } from '../api/exportNames';
import type { ExportFormat, FileRef } from '../api/types';
import { InvalidCallError } from '../api/validate';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const CSV_FILTERS: FileFilter[] = [
  { name: 'Tables (CSV, TSV, TXT)', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

export const MODEL_FILTERS: FileFilter[] = [
  { name: 'ONNX models', extensions: ['onnx'] },
  { name: 'All files', extensions: ['*'] },
];

const FORMAT_NAMES: Record<ExportFormat, string> = {
  onnx: 'ONNX model',
  safetensors: 'safetensors weights',
  pytorch: 'PyTorch training script',
};

export function exportFilters(format: ExportFormat): FileFilter[] {
  return [{ name: FORMAT_NAMES[format], extensions: [EXPORT_EXTENSION[format].slice(1)] }];
}

const MAX_NAME_LENGTH = 255;

/** The save dialog's request: a plain file name (no folders: the dialog picks those) and a known format. */
export function exportSaveRequest(
  defaultName: unknown,
  format: unknown,
): { defaultName: string; format: ExportFormat } {
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidCallError(
      `the export format must be one of ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`,
    );
  }
  if (typeof defaultName !== 'string' || defaultName.length === 0 || defaultName.length > MAX_NAME_LENGTH) {
    throw new InvalidCallError(`the export's file name must be text of 1 to ${MAX_NAME_LENGTH} characters`);
  }
  if (/[/\\\0]/.test(defaultName) || defaultName === '.' || defaultName === '..') {
    throw new InvalidCallError(`the export's file name ${JSON.stringify(defaultName)} must not name a folder`);
  }
  return { defaultName, format: format as ExportFormat };
}

/** What an open dialog answered, as the bridge's FileRef (null when the user cancelled). */
export function chosenFile(result: { canceled: boolean; filePaths: string[] }): FileRef | null {
  const path = result.filePaths[0];
  return result.canceled || !path ? null : { kind: 'path', path };
}

/** What a save dialog answered (null when the user cancelled), with the format's extension when the name has none. */
export function chosenSavePath(result: { canceled: boolean; filePath?: string }, format: ExportFormat): string | null {
  if (result.canceled || !result.filePath) return null;
  return extname(result.filePath) ? result.filePath : `${result.filePath}${EXPORT_EXTENSION[format]}`;
}
