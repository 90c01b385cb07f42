// The preload of the studio window: exposes DesktopBridge as window.netwright. Bundled to CommonJS for the
// sandbox, where only 'electron' can be required; the page never sees ipcRenderer or an IPC event.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type CallOutcome, type DesktopBridge, type MenuCommand } from '../api/bridge';
import type { FileRef, StudioEvent } from '../api/types';
import { CHANNELS } from './channels';

/** Subscribes to a channel with the payload alone; returns the unsubscribe function. */
function subscribe(channel: string, deliver: (payload: unknown) => void): () => void {
  const listener = (_event: IpcRendererEvent, payload: unknown) => deliver(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const bridge: DesktopBridge = {
  call: (method, args) => ipcRenderer.invoke(CHANNELS.call, method, args) as Promise<CallOutcome>,
  onEvent: (listener) => subscribe(CHANNELS.event, (payload) => listener(payload as StudioEvent)),
  onMenu: (listener) =>
    subscribe(CHANNELS.menu, (payload) => {
      if (isMenuCommand(payload)) listener(payload);
    }),
  pickCsvFile: () => ipcRenderer.invoke(CHANNELS.pickCsv) as Promise<FileRef | null>,
  pickModelFile: () => ipcRenderer.invoke(CHANNELS.pickModel) as Promise<FileRef | null>,
  pickImageFolder: () => ipcRenderer.invoke(CHANNELS.pickImages) as Promise<FileRef | null>,
  pickExportPath: (defaultName, format) =>
    ipcRenderer.invoke(CHANNELS.pickExport, defaultName, format) as Promise<string | null>,
  pathOfDroppedFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('netwright', bridge);
