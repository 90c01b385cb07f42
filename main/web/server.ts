// Web mode: the renderer build and StudioApi over WebSocket on 127.0.0.1, for headless machines and end-to-end
// tests. Every request needs the secret token (in the URL once, then a same-site cookie) and our own Host;
// WebSocket and uploads also need our own Origin. Files the page picks arrive as uploads; exports go back as downloads.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch, errorPayload } from '../api/dispatch';
import type { ExportResult, FileRef, StudioEvent } from '../api/types';
import { Studio } from '../services/studio/studio';
import { cookieValue, hostAllowed, originAllowed, safeRelativePath, safeUploadId, TOKEN_COOKIE, tokensEqual } from './security';
import { securityHeaders, sendFile, staticFile } from './static';

export interface WebServerOptions {
  home: string;
  /** The renderer build (index.html and assets). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  engine?: ConstructorParameters<typeof Studio>[0]['engine'];
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  studio: Studio;
  close(): Promise<void>;
}

/** Client → server: one call. Server → client: its outcome, or an event. */
interface CallMessage { id: number; method: unknown; args: unknown }

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
  res.end(`${message}\n`);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;
  let uploadsDir = '';
  const uploadPath = (id: string, name: string): string => {
    const safeId = safeUploadId(id);
    const relative = safeRelativePath(name);
    if (!safeId || !relative) throw new Error(`'${name}' is not an upload of this studio`);
    const path = join(uploadsDir, safeId, relative);
    if (!existsSync(path)) throw new Error(`the upload '${name}' is gone: choose the file again`);
    return path;
  };
  const studio = new Studio({
    home: options.home,
    mode: 'web',
    engine: options.engine,
    resolveFile: (ref: FileRef) => {
      if (ref.kind !== 'upload') throw new Error('in web mode the studio reads only files uploaded from this page');
      return uploadPath(ref.uploadId, ref.name);
    },
  });
  uploadsDir = studio.layout.uploads;
  const rendererDir = resolve(options.rendererDir);

  const authorized = (req: IncomingMessage, url: URL) =>
    tokensEqual(url.searchParams.get('token'), token) || tokensEqual(cookieValue(req.headers.cookie, TOKEN_COOKIE), token);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, (error as Error).message);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, 'refused: this studio answers only to 127.0.0.1 and localhost');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!authorized(req, url)) return refuse(res, 401, 'refused: open the address with the token that `npm run web` printed');
    // The cookie lets the page load its assets and reconnect after a reload without the token in every URL.
    const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (req.method === 'POST' && url.pathname === '/upload') return upload(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (url.pathname.startsWith('/download/')) return download(res, url);
    const file = staticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      if (!existsSync(join(rendererDir, 'index.html'))) return refuse(res, 503, `the studio page is not built: run \`npm run build\` (looked in ${rendererDir})`);
      return refuse(res, 404, 'not found');
    }
    sendFile(res, file, { 'Set-Cookie': cookie });
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!originAllowed(req.headers.origin, port)) return refuse(res, 403, 'refused: uploads come only from the studio page');
    const id = safeUploadId(url.searchParams.get('uploadId'));
    const relative = safeRelativePath(url.searchParams.get('path'));
    if (!id || !relative) return refuse(res, 400, 'an upload needs an uploadId and a relative path inside it');
    const path = join(uploadsDir, id, relative);
    mkdirSync(dirname(path), { recursive: true });
    try {
      await pipeline(req, createWriteStream(path));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ...securityHeaders() });
    res.end(JSON.stringify({ uploadId: id, path: relative }));
  }

  function download(res: ServerResponse, url: URL): void {
    const [, , exportId, name] = url.pathname.split('/');
    const record = studio.store.exports.getExport(Number(exportId));
    const file = record ? join(dirname(record.path), basename(decodeURIComponent(name ?? ''))) : null;
    const exportsRoot = resolve(studio.layout.exports) + sep;
    if (!file || !resolve(file).startsWith(exportsRoot) || !existsSync(file)) return refuse(res, 404, 'no such export');
    sendFile(res, file, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${basename(file)}"` });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const ok = url.pathname === '/api' && hostAllowed(req.headers.host, port) && originAllowed(req.headers.origin, port) && authorized(req, url);
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    const off = studio.onEvent((event: StudioEvent) => ws.send(JSON.stringify({ event })));
    ws.on('close', off);
    ws.on('message', (data) => {
      let message: CallMessage;
      try {
        message = JSON.parse(String(data)) as CallMessage;
      } catch {
        ws.send(JSON.stringify({ id: null, ok: false, error: { message: 'a message must be JSON', code: 'invalid-argument' } }));
        return;
      }
      dispatch(studio, message.method, message.args)
        .then((value) => ws.send(JSON.stringify({ id: message.id, ok: true, value: message.method === 'exportRun' ? withDownloads(value as ExportResult) : value })))
        .catch((error: unknown) => ws.send(JSON.stringify({ id: message.id, ok: false, error: errorPayload(error) })));
    });
  }

  function withDownloads(result: ExportResult): ExportResult {
    return { ...result, files: result.files.map((f) => ({ ...f, downloadUrl: `/download/${result.record.id}/${encodeURIComponent(f.name)}` })) };
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url, port, token, studio,
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await studio.close();
    },
  };
}
