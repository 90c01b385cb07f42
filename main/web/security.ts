// The web server's gatekeeping, as pure functions: the secret token (query or cookie), the Host and Origin a
// request must carry (127.0.0.1 or localhost on our port, nothing else), and safe relative paths for uploads.
import { timingSafeEqual } from 'node:crypto';
import { isAbsolute, normalize, sep } from 'node:path';

export const TOKEN_COOKIE = 'netwright_token';

export function tokensEqual(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null; // malformed percent-encoding: no token (and no URIError thrown in the upgrade handler)
    }
  }
  return null;
}

/** The Host header a browser sends to our address: 127.0.0.1:port or localhost:port (DNS rebinding is refused). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** An Origin of our own page; absent Origin is allowed only where the caller says so (plain GETs of assets). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** A relative path inside an upload ("shapes/ring/a.png"), or null when it would leave the upload folder. */
export function safeRelativePath(path: string | null): string | null {
  if (!path || path.length > 1000 || path.includes('\0')) return null;
  const unified = path.replaceAll('\\', '/');
  if (isAbsolute(unified) || /^[a-zA-Z]:/.test(unified)) return null;
  const parts = unified.split('/');
  if (parts.some((p) => p === '..' || p === '' || p === '.')) return null;
  return normalize(parts.join(sep));
}

/** Upload ids are ours (random UUIDs from the page): letters, digits and dashes only. */
export function safeUploadId(id: string | null): string | null {
  return id && /^[a-zA-Z0-9-]{8,64}$/.test(id) ? id : null;
}
