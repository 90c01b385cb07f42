// What the Electron preload exposes to the renderer (window.netwright) with contextBridge: StudioApi calls as
// plain messages, events, menu commands and native dialogs. Types only, shared by preload and renderer.
import type { ExportFormat, FileRef, StudioErrorPayload, StudioEvent, StudioMethod } from './types';

/** Errors cross IPC as values: Electron keeps only an Error's message, and the renderer needs code and node. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: StudioErrorPayload };

export const MENU_COMMANDS = [
  'new-graph',
  'open-graph',
  'open-model',
  'save-graph',
  'import-csv',
  'import-images',
  'export-run',
  'undo',
  'redo',
  'zoom-fit',
  'toggle-theme',
  'show-shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface DesktopBridge {
  call(method: StudioMethod, args: unknown[]): Promise<CallOutcome>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Native open dialogs; null when the user cancels. */
  pickCsvFile(): Promise<FileRef | null>;
  pickImageFolder(): Promise<FileRef | null>;
  /** Open model…: an ONNX file. */
  pickModelFile(): Promise<FileRef | null>;
  /** Native save dialog for an export; null when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null>;
  /** The path of a file or folder dropped on the window (webUtils.getPathForFile). */
  pathOfDroppedFile(file: File): string;
}
