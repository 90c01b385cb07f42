// The window's own origin, app://netwright, and the rules for what it may load: files inside the renderer build
// only (no path leaves the folder), and which links may open in the system browser.
import { extname, join, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'netwright';
export const APP_HOME_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
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

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for addresses of our own pages (app://netwright/...); Node gives non-special schemes no origin, so compare parts. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    !parsed.username &&
    !parsed.password
  );
}

/** Links that may open in the system browser: https only (no file:, javascript:, custom schemes or plain http). */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname.length > 0 &&
    !parsed.username &&
    !parsed.password
  );
}

/**
 * The file under `rendererDir` an app:// address names, or null when the address is not ours, the path leaves the
 * folder (.., encoded slashes, backslashes, NUL) or the file type is not one the renderer build contains.
 */
export function rendererFile(rendererDir: string, url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(rendererDir);
  const file = segments.length === 0 ? join(base, 'index.html') : resolve(base, ...segments);
  if (!file.startsWith(base + sep)) return null;
  return extname(file) in CONTENT_TYPES ? file : null;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}
