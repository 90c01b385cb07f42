// Web mode: the renderer build and StudioApi over WebSocket on 127.0.0.1, for headless machines and end-to-end
// tests. Every request needs the secret token (in the URL once, then a same-site cookie) and our own Host;
// WebSocket and uploads also need our own Origin. Files the page picks arrive as uploads; exports go back as downloads.
// Nothing a client sends may end the process: every request, response, stream and socket has an error handler, and
// bad input gets an error reply or a closed socket (hardening.int.test.ts, fuzz.int.test.ts).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { FileRef, StudioEvent } from '../api/types';
import { Studio } from '../services/studio/studio';
import { answer, encodeReply } from './calls';
import { exportDownloadFile } from './download';
import { HttpError, refuse, requestUrl } from './http';
import {
  cookieValue,
  hostAllowed,
  originAllowed,
  safeRelativePath,
  safeUploadId,
  TOKEN_COOKIE,
  tokensEqual,
} from './security';
import { securityHeaders, sendFile, staticFile } from './static';
import { DEFAULT_MAX_UPLOAD_BYTES, receiveUpload } from './upload';
import { webSay } from './words';
import { pruneUploads } from '../services/studio/uploads';
import { ServiceError } from '../services/serviceError';

export interface WebServerOptions {
  home: string;
  /** The renderer build (index.html and assets). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  engine?: ConstructorParameters<typeof Studio>[0]['engine'];
  /** Largest upload accepted, in bytes (default 2 GiB). */
  maxUploadBytes?: number;
  /** Where the server's own failures are told (default: stderr); clients' mistakes are answered, not logged. */
  log?: (line: string) => void;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  studio: Studio;
  close(): Promise<void>;
}

/** Open WebSockets at most: a tab uses one; beyond this a flood of sockets is refused with 503. */
const MAX_SOCKETS = 64;
/** A client that stops reading while replies and events pile up past this is cut off (bytes). */
const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;
/** Largest WebSocket message (bytes): a graph or a config is far smaller; larger frames close the socket (1009). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;
  let uploadsDir = '';
  const uploadPath = (id: string, name: string): string => {
    const safeId = safeUploadId(id);
    const relative = safeRelativePath(name);
    if (!safeId || !relative) throw new ServiceError('upload-unknown', { file: name });
    const path = join(uploadsDir, safeId, relative);
    if (!existsSync(path)) throw new ServiceError('upload-gone', { file: name });
    return path;
  };
  const studio = new Studio({
    home: options.home,
    mode: 'web',
    engine: options.engine,
    resolveFile: (ref: FileRef) => {
      if (ref.kind !== 'upload') throw new ServiceError('web-uploads-only');
      return uploadPath(ref.uploadId, ref.name);
    },
  });
  uploadsDir = studio.layout.uploads;
  const rendererDir = resolve(options.rendererDir);
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const log = options.log ?? ((line: string) => process.stderr.write(`netwright web: ${line}\n`));
  const inUse = [
    ...studio.store.datasets.listDatasets().map((d) => d.sourcePath),
    ...studio.store.runs.initialWeightFiles(),
  ];
  const pruned = pruneUploads(uploadsDir, inUse);
  if (pruned.length > 0) log(webSay('uploads-pruned', { count: pruned.length }));

  const authorized = (req: IncomingMessage, url: URL) =>
    tokensEqual(url.searchParams.get('token'), token) ||
    tokensEqual(cookieValue(req.headers.cookie, TOKEN_COOKIE), token);

  const server: Server = createServer((req, res) => {
    // A client that goes away mid-request must not leave an error event without a listener.
    req.on('error', () => res.destroy());
    res.on('error', () => req.destroy());
    handle(req, res)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return refuse(res, error.status, error.message);
        log(`${req.method} ${String(req.url).slice(0, 200)} failed: ${(error as Error).stack ?? String(error)}`);
        refuse(res, 500, (error as Error).message);
      })
      .catch(() => res.destroy()); // the refusal itself failed: hang up rather than leave a rejection unhandled
  });
  // Requests Node cannot parse (bad request line, huge headers, odd methods): answer plainly and hang up.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port))
      return refuse(res, 403, 'refused: this studio answers only to 127.0.0.1 and localhost');
    const url = requestUrl(req.url, port);
    if (!url) return refuse(res, 400, 'bad request: the address is not a URL');
    if (!authorized(req, url))
      return refuse(res, 401, 'refused: open the address with the token that `npm run web` printed');
    // The cookie lets the page load its assets and reconnect after a reload without the token in every URL.
    const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (req.method === 'POST' && url.pathname === '/upload') return upload(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (url.pathname.startsWith('/download/')) return download(res, url);
    const file = staticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      if (!existsSync(join(rendererDir, 'index.html')))
        return refuse(res, 503, `the studio page is not built: run \`npm run build\` (looked in ${rendererDir})`);
      return refuse(res, 404, 'not found');
    }
    sendFile(res, file, { 'Set-Cookie': cookie });
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!originAllowed(req.headers.origin, port))
      return refuse(res, 403, 'refused: uploads come only from the studio page');
    const id = safeUploadId(url.searchParams.get('uploadId'));
    const relative = safeRelativePath(url.searchParams.get('path'));
    if (!id || !relative) return refuse(res, 400, 'an upload needs an uploadId and a relative path inside it');
    await receiveUpload(req, join(uploadsDir, id, relative), url.searchParams.get('path')!, maxUploadBytes);
    res.writeHead(200, { 'Content-Type': 'application/json', ...securityHeaders() });
    res.end(JSON.stringify({ uploadId: id, path: relative }));
  }

  function download(res: ServerResponse, url: URL): void {
    const file = exportDownloadFile(
      url.pathname,
      studio.layout.exports,
      (id) => studio.store.exports.getExport(id)?.path ?? null,
    );
    const name = file.slice(file.lastIndexOf(sep) + 1);
    sendFile(res, file, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket; without ours a reset during the handshake is fatal.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      log(`a WebSocket handshake failed: ${(error as Error).message}`); // a throw in an 'upgrade' listener ends the process
      socket.destroy();
    }
  });

  function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = requestUrl(req.url, port);
    const ok =
      url !== null &&
      url.pathname === '/api' &&
      hostAllowed(req.headers.host, port) &&
      originAllowed(req.headers.origin, port) &&
      authorized(req, url);
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (sockets.clients.size >= MAX_SOCKETS) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws));
  }

  /** Sends to one socket if it is still open; a client that has stopped reading is cut off rather than buffered. */
  function send(ws: WebSocket, text: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return;
    }
    ws.send(text);
  }

  // One studio listener for all sockets (not one per socket): many tabs must not pile up listeners.
  const offEvents = studio.onEvent((event: StudioEvent) => {
    try {
      const text = JSON.stringify({ event });
      for (const ws of sockets.clients) send(ws, text);
    } catch (error) {
      log(`an event could not be sent: ${(error as Error).message}`); // never thrown back into the service that emitted it
    }
  });

  function serve(ws: WebSocket): void {
    // Malformed frames, bad UTF-8 and oversize messages: ws answers with a close code and ends the socket itself.
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      answer(studio, data, isBinary, uploadsDir)
        .then((reply) => send(ws, encodeReply(reply)))
        .catch((error: unknown) => {
          log(`a reply could not be sent: ${(error as Error).message}`);
          ws.terminate();
        });
    });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  // After listening: failures of the listening socket itself (EMFILE on accept…) are told, never fatal.
  server.on('error', (error) => log(`server error: ${error.message}`));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    studio,
    async close() {
      offEvents();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await studio.close();
    },
  };
}
