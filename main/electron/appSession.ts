// The window's session: app://netwright serves the renderer build with web mode's security headers (CSP first),
// nothing leaves the machine (http, https, WebSocket and file requests are cancelled), and permissions are refused.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../web/static';
import { APP_SCHEME, contentTypeOf, isAppUrl, rendererFile } from './appUrl';

/** Must run before the app is ready: a standard, secure scheme gets an origin, storage and ES module loading. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}

/** Serves files inside `rendererDir` only; anything else is a 404, never a directory listing or a file elsewhere. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const file = rendererFile(rendererDir, request.url);
    if (!file) return refusal(404, 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refusal(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache', ...securityHeaders() },
    });
  });
}

const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function lockDownSession(session: Session): void {
  // The studio works offline; its page has no business with the network or the file system.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*'] },
    (_details, callback) => {
      callback({ cancel: true });
    },
  );
  // Every response carries the policy, whatever produced it.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents.getURL()));
  });
}
