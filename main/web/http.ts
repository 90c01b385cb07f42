// Small HTTP helpers for web mode: plain-text refusals with our security headers, errors that carry their own
// status, and a request's URL read without ever throwing (a bad request line is the client's fault, not ours).
import type { ServerResponse } from 'node:http';
import { securityHeaders } from './static';

/** An error whose status and message go back to the client as they are (4xx: the request's fault). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  // 413: the client may still be sending a body we will not read; closing is cheaper than draining it.
  const close: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...close, ...securityHeaders() });
  res.end(`${message}\n`);
}

/** The request's URL against our own address, or null when the request target is not a URL at all. */
export function requestUrl(target: string | undefined, port: number): URL | null {
  try {
    return new URL(target ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** One percent-encoded path segment, decoded; malformed encodings (`%E0%A4%A`) are a 400, not a crash. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `'${segment.slice(0, 200)}' is not valid percent-encoding`);
  }
}
