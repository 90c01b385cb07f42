// Receives one upload (a file the page picked) into the home's uploads folder, within a size limit: refused at
// once when Content-Length is over it, cut off while streaming when the body is, and never left half-written.
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http';

/** Default upload limit: 2 GiB, above any CSV or image folder the studio trains on in memory. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function tooLarge(name: string, bytes: number | null, maxBytes: number): HttpError {
  const size = bytes === null ? '' : ` (${formatBytes(bytes)})`;
  return new HttpError(
    413,
    `refused: the upload '${name}'${size} is larger than web mode accepts: ${formatBytes(maxBytes)} at most ` +
      '(NETWRIGHT_WEB_MAX_UPLOAD_MB sets the limit)',
  );
}

/** A path that is a folder in one upload and a file in another ('a' and 'a/b') is the client's mistake: 409. */
function clash(name: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
    return new HttpError(
      409,
      `refused: the upload '${name}' clashes with a file or folder of the same name in this upload`,
    );
  }
  return error;
}

/** Writes the request body to `path` (`name` is what the user sees); removes the partial file on any failure. */
export async function receiveUpload(
  req: IncomingMessage,
  path: string,
  name: string,
  maxBytes: number,
): Promise<number> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > maxBytes) throw tooLarge(name, declared, maxBytes);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw clash(name, error);
  }
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) done(tooLarge(name, null, maxBytes));
      else done(null, chunk);
    },
  });
  // The request is piped, not handed to pipeline: on a 413 the request must stay open for the reply, which closes it.
  req.pipe(limit);
  req.once('error', (error) => limit.destroy(error));
  req.once('close', () => {
    if (!req.complete) limit.destroy(new HttpError(400, `the upload '${name}' was interrupted`));
  });
  const file = createWriteStream(path);
  try {
    await pipeline(limit, file);
  } catch (error) {
    req.unpipe(limit);
    await removePartial(file, path);
    throw clash(name, error);
  }
  return received;
}

/** Removes a half-written upload once its stream has closed (removing earlier races the pending open). */
async function removePartial(file: WriteStream, path: string): Promise<void> {
  if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
  try {
    rmSync(path, { force: true });
  } catch {
    // A folder of the same name (another upload's): not ours to remove.
  }
}
