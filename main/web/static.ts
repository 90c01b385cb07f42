// Serves the renderer build (dist/renderer) read-only: known file types, no directory listings, no path that
// leaves the folder, and the same Content-Security-Policy as the desktop window.
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The file under `root` for a URL path, or null when there is none or the path escapes the folder. */
export function staticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const path = resolve(base, normalize(`.${decoded}`));
  if (path !== base && !path.startsWith(base + sep)) return null;
  const file = path === base ? join(base, 'index.html') : path;
  if (!isFile(file) || !(extname(file) in TYPES)) return null;
  return file;
}

/** True for a regular file; false for folders, missing paths and paths that cannot be looked at (ENOTDIR, EACCES…). */
export function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Streams a file the caller checked; a file that vanishes or fails to read mid-way cuts the response short. */
export function sendFile(res: ServerResponse, file: string, extra: Record<string, string> = {}): void {
  const stream = createReadStream(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    ...securityHeaders(),
    ...extra,
  });
  // pipeline, not pipe: a read error (EISDIR, ENOENT after a race) then destroys both ends instead of going unhandled.
  pipeline(stream, res, () => {});
}
