// The main process's side of the preload bridge: StudioApi calls (validated, errors as values), studio events
// pushed to the window, and the native dialogs. Only our own page in the studio window is answered.
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { CallOutcome } from '../api/bridge';
import { dispatch, errorPayload } from '../api/dispatch';
import type { FileRef } from '../api/types';
import type { Studio } from '../services/studio/studio';
import { isAppUrl } from './appUrl';
import { CHANNELS } from './channels';
import {
  chosenFile,
  chosenSavePath,
  CSV_FILTERS,
  exportFilters,
  exportSaveRequest,
  MODEL_FILTERS,
} from './dialogRequests';

/** The studio window, or null while there is none (macOS keeps the app running without windows). */
export type WindowGetter = () => BrowserWindow | null;

/** The window the message came from, if it is the studio window's top frame showing our page. */
function trustedWindow(event: IpcMainInvokeEvent, studioWindow: WindowGetter): BrowserWindow | null {
  const window = studioWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || event.sender.id !== window.webContents.id) return null;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return null;
  return window;
}

function untrusted(channel: string): Error {
  return new Error(`${channel}: refused a message from outside the studio window`);
}

/** Registers the handlers once; returns a function that removes them and stops the event forwarding. */
export function registerStudioIpc(studio: Studio, studioWindow: WindowGetter): () => void {
  ipcMain.handle(CHANNELS.call, async (event, method: unknown, args: unknown): Promise<CallOutcome> => {
    if (!trustedWindow(event, studioWindow))
      return { ok: false, error: { message: untrusted(CHANNELS.call).message, code: 'forbidden' } };
    try {
      return { ok: true, value: await dispatch(studio, method, args) };
    } catch (error) {
      return { ok: false, error: errorPayload(error) };
    }
  });

  ipcMain.handle(CHANNELS.pickCsv, async (event): Promise<FileRef | null> => {
    const window = trustedWindow(event, studioWindow);
    if (!window) throw untrusted(CHANNELS.pickCsv);
    return chosenFile(
      await dialog.showOpenDialog(window, {
        title: 'Import a CSV table',
        properties: ['openFile'],
        filters: CSV_FILTERS,
      }),
    );
  });

  ipcMain.handle(CHANNELS.pickModel, async (event): Promise<FileRef | null> => {
    const window = trustedWindow(event, studioWindow);
    if (!window) throw untrusted(CHANNELS.pickModel);
    return chosenFile(
      await dialog.showOpenDialog(window, { title: 'Open a model', properties: ['openFile'], filters: MODEL_FILTERS }),
    );
  });

  ipcMain.handle(CHANNELS.pickImages, async (event): Promise<FileRef | null> => {
    const window = trustedWindow(event, studioWindow);
    if (!window) throw untrusted(CHANNELS.pickImages);
    return chosenFile(
      await dialog.showOpenDialog(window, {
        title: 'Import an image folder (one subfolder per class)',
        properties: ['openDirectory'],
      }),
    );
  });

  ipcMain.handle(CHANNELS.pickExport, async (event, defaultName: unknown, format: unknown): Promise<string | null> => {
    const window = trustedWindow(event, studioWindow);
    if (!window) throw untrusted(CHANNELS.pickExport);
    const request = exportSaveRequest(defaultName, format);
    const result = await dialog.showSaveDialog(window, {
      title: 'Export the trained model',
      defaultPath: request.defaultName,
      filters: exportFilters(request.format),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return chosenSavePath(result, request.format);
  });

  const stopEvents = studio.onEvent((studioEvent) => {
    const window = studioWindow();
    if (window && !window.isDestroyed()) window.webContents.send(CHANNELS.event, studioEvent);
  });

  return () => {
    stopEvents();
    for (const channel of [
      CHANNELS.call,
      CHANNELS.pickCsv,
      CHANNELS.pickImages,
      CHANNELS.pickModel,
      CHANNELS.pickExport,
    ])
      ipcMain.removeHandler(channel);
  };
}
