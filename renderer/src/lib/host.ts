// The renderer's one door to the studio: StudioApi plus what differs between the desktop window and a browser
// tab (picking files, saving exports, menu commands). Desktop: window.netwright from the preload. Web: a
// WebSocket to the local server, with files sent as uploads first.
import type { DesktopBridge, MenuCommand } from '../../../main/api/bridge';
import type {
  ExportFormat,
  FileRef,
  StudioApi,
  StudioErrorPayload,
  StudioEvent,
  StudioMethod,
} from '../../../main/api/types';
import { STUDIO_METHODS } from '../../../main/api/types';

/** An error from the studio with its code and, for graph problems, the node to highlight. */
export class StudioError extends Error {
  readonly code: string;
  readonly nodeId?: string;
  /** A refusal's values (see main/services/engine/refusals.ts), worded by the feature's message table. */
  readonly params?: Record<string, string | number>;
  constructor(payload: StudioErrorPayload) {
    super(payload.message);
    this.name = 'StudioError';
    this.code = payload.code;
    this.nodeId = payload.nodeId;
    this.params = payload.params;
  }
}

export interface Host {
  kind: 'desktop' | 'web';
  api: StudioApi;
  onEvent(listener: (event: StudioEvent) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Turns files the user chose or dropped into FileRefs (web mode uploads them first). */
  fileRefForFile(file: File): Promise<FileRef>;
  /** A folder from <input webkitdirectory> or a drop: every file with its relative path. */
  fileRefForFolder(files: Array<{ file: File; relativePath: string }>): Promise<FileRef>;
  /** Native dialogs on the desktop; null in web mode (the page shows a file input instead). */
  pickCsvFile: (() => Promise<FileRef | null>) | null;
  pickImageFolder: (() => Promise<FileRef | null>) | null;
  pickModelFile: (() => Promise<FileRef | null>) | null;
  /** Desktop: a save path from a dialog. Web: undefined (the export is offered as a download). */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null | undefined>;
  /** Connection state (web mode reconnects after the server restarts). */
  onConnection(listener: (connected: boolean) => void): () => void;
}

type Caller = (method: StudioMethod, args: unknown[]) => Promise<unknown>;

function apiOver(call: Caller): StudioApi {
  const api: Record<string, unknown> = {};
  for (const method of STUDIO_METHODS) {
    api[method] = (...args: unknown[]) => {
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop(); // JSON has no undefined
      return call(method, args);
    };
  }
  return api as unknown as StudioApi;
}

function desktopHost(bridge: DesktopBridge): Host {
  return {
    kind: 'desktop',
    api: apiOver(async (method, args) => {
      const outcome = await bridge.call(method, args);
      if (!outcome.ok) throw new StudioError(outcome.error);
      return outcome.value;
    }),
    onEvent: (listener) => bridge.onEvent(listener),
    onMenu: (listener) => bridge.onMenu(listener),
    fileRefForFile: async (file) => ({ kind: 'path', path: bridge.pathOfDroppedFile(file) }),
    fileRefForFolder: async (files) => {
      const first = files[0];
      if (!first) throw new Error('the folder is empty');
      const path = bridge.pathOfDroppedFile(first.file);
      const depth = first.relativePath.split('/').length - 1;
      let folder = path;
      for (let i = 0; i < depth; i++) folder = folder.replace(/[\\/][^\\/]*$/, '');
      return { kind: 'path', path: folder };
    },
    pickCsvFile: () => bridge.pickCsvFile(),
    pickImageFolder: () => bridge.pickImageFolder(),
    pickModelFile: () => bridge.pickModelFile(),
    pickExportPath: (name, format) => bridge.pickExportPath(name, format),
    onConnection: (listener) => {
      listener(true);
      return () => {};
    },
  };
}

function newUploadId(): string {
  return crypto.randomUUID();
}

async function uploadOne(uploadId: string, path: string, file: Blob): Promise<void> {
  const response = await fetch(`./upload?uploadId=${encodeURIComponent(uploadId)}&path=${encodeURIComponent(path)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`uploading ${path} failed: ${(await response.text()).trim()}`);
}

function webHost(): Host {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const eventListeners = new Set<(event: StudioEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(
        `${protocol}//${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`,
      );
      ws.onopen = () => {
        socket = ws;
        connectionListeners.forEach((l) => l(true));
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('cannot reach the studio server: is `npm run web` still running?'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        connectionListeners.forEach((l) => l(false));
        for (const { reject: fail } of pending.values()) fail(new Error('the connection to the studio server closed'));
        pending.clear();
        setTimeout(() => {
          connect().catch(() => {});
        }, 1000);
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as {
          id?: number;
          ok?: boolean;
          value?: unknown;
          error?: StudioErrorPayload;
          event?: StudioEvent;
        };
        if (data.event) {
          eventListeners.forEach((l) => l(data.event!));
          return;
        }
        const waiter = data.id !== undefined ? pending.get(data.id) : undefined;
        if (!waiter) return;
        pending.delete(data.id!);
        if (data.ok) waiter.resolve(data.value);
        else waiter.reject(new StudioError(data.error ?? { message: 'the studio failed', code: 'failed' }));
      };
    });
    return opened;
  };
  connect().catch(() => {});

  return {
    kind: 'web',
    api: apiOver(async (method, args) => {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, args }));
      });
    }),
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onMenu: () => () => {},
    fileRefForFile: async (file) => {
      const uploadId = newUploadId();
      await uploadOne(uploadId, file.name, file);
      return { kind: 'upload', uploadId, name: file.name };
    },
    fileRefForFolder: async (files) => {
      if (files.length === 0) throw new Error('the folder is empty');
      const uploadId = newUploadId();
      const top = files[0].relativePath.split('/')[0];
      // A few at a time: many small images upload faster in parallel, without flooding the server.
      const queue = [...files];
      const workers = Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift())
          await uploadOne(uploadId, next.relativePath, next.file);
      });
      await Promise.all(workers);
      return { kind: 'upload', uploadId, name: top };
    },
    pickCsvFile: null,
    pickImageFolder: null,
    pickModelFile: null,
    pickExportPath: async () => undefined,
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(socket !== null);
      return () => connectionListeners.delete(listener);
    },
  };
}

export function createHost(): Host {
  const bridge = (window as unknown as { netwright?: DesktopBridge }).netwright;
  return bridge ? desktopHost(bridge) : webHost();
}
